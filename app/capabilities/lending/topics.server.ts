// Mentoring topics: built-ins translated by key (lending:topic.<key>); coordinators add, rename and retire their own.
import { z } from "zod";
import { labelsPerLanguage } from "~/lib/labels-input.server";
import type { Ctx, StaffCtx } from "~/context";
import { languages } from "~/i18n/locales.server";
import { AppError, forbidden } from "~/lib/errors";
import { audit } from "~/capabilities/privacy/audit.server";
import { can } from "~/capabilities/people/permissions";

export async function listTopics(ctx: Ctx, { includeRetired = false } = {}) {
  return ctx.db.mentoringTopic.findMany({
    where: includeRetired ? {} : { active: true },
    orderBy: [{ sortOrder: "asc" }, { key: "asc" }],
  });
}

/** One label per shipped language, all required: every string is translated. */
export function topicInput(languages: string[]) {
  return z.object({
    labels: labelsPerLanguage(languages, { required: "mentoring:errors.topicLabelRequired", tooLong: "mentoring:errors.topicLabelTooLong" }),
  });
}

export function isBuiltInTopic(topic: { labels: string }): boolean {
  try {
    return Object.keys(JSON.parse(topic.labels) as object).length === 0;
  } catch {
    return true;
  }
}

function slug(label: string): string {
  return (
    label
      .toLowerCase()
      .normalize("NFKD")
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "")
      .slice(0, 40) || "thema"
  );
}

/** Every shipped language needs a name (the form says which one is missing; this guards other callers). */
function checkLabels(labels: Record<string, string>) {
  for (const { code } of languages()) {
    const label = labels[code]?.trim() ?? "";
    if (!label) throw new AppError(400, "mentoring:errors.topicLabelRequired", { language: code });
    if (label.length > 60) throw new AppError(400, "mentoring:errors.topicLabelTooLong", { language: code });
  }
}

export async function addTopic(ctx: StaffCtx, input: { labels: Record<string, string> }) {
  if (!can(ctx.actor, "topic:manage")) throw forbidden("topic:manage");
  checkLabels(input.labels);
  return ctx.db.$transaction(async (tx) => {
    const base = `custom-${slug(input.labels.de ?? Object.values(input.labels)[0] ?? "")}`;
    let key = base;
    for (let i = 2; await tx.mentoringTopic.findUnique({ where: { key } }); i++) key = `${base}-${i}`;
    const last = await tx.mentoringTopic.findFirst({ orderBy: { sortOrder: "desc" } });
    const topic = await tx.mentoringTopic.create({
      data: { key, labels: JSON.stringify(input.labels), active: true, sortOrder: (last?.sortOrder ?? 0) + 10 },
    });
    await audit(ctx, tx, { action: "topic.created", subjectType: "MentoringTopic", subjectId: topic.id });
    return topic;
  });
}

/** Renames an own topic (labels) and/or retires or reactivates any topic (active). Built-ins keep their names. */
export async function editTopic(ctx: StaffCtx, id: string, input: { labels?: Record<string, string>; active?: boolean }) {
  if (!can(ctx.actor, "topic:manage")) throw forbidden("topic:manage");
  if (input.labels) checkLabels(input.labels);
  return ctx.db.$transaction(async (tx) => {
    const existing = await tx.mentoringTopic.findUnique({ where: { id } });
    if (!existing) throw new AppError(404, "errors.notFound");
    // A built-in's names live in the locale files; giving it labels would hide those translations.
    if (input.labels && isBuiltInTopic(existing)) throw new AppError(409, "mentoring:errors.builtInTopicNames");
    const topic = await tx.mentoringTopic.update({
      where: { id },
      data: {
        ...(input.labels ? { labels: JSON.stringify(input.labels) } : {}),
        ...(input.active === undefined ? {} : { active: input.active }),
      },
    });
    const action = input.active === false ? "topic.retired" : input.active === true && !existing.active ? "topic.reactivated" : "topic.updated";
    await audit(ctx, tx, { action, subjectType: "MentoringTopic", subjectId: topic.id });
    return topic;
  });
}
