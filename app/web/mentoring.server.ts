// Glue between the mentoring pages and the lending capability: the plain shapes the session form renders,
// and refusals shown beside the field they are about.
import { randomUUID } from "node:crypto";
import type { SubmissionResult } from "@conform-to/react";
import type { StaffCtx } from "~/context";
import type { AppError } from "~/lib/errors";
import { getSession, sessionContext, utcToLocal } from "~/capabilities/lending/mentoring.server";
import { isBuiltInTopic } from "~/capabilities/lending/topics.server";
import { jsonList } from "~/capabilities/lending/values";
import { refusalReply } from "./tickets.server";

const topicOption = (t: { id: string; key: string; labels: string; active: boolean }) => ({ id: t.id, key: t.key, labels: t.labels, active: t.active });

/** Everything the new-session and session pages show about the loan, plus a fresh key for the form. */
export async function sessionFormPage(ctx: StaffCtx, loanId: string) {
  const { loan, mentors, topics, goals } = await sessionContext(ctx, loanId);
  const now = utcToLocal(ctx.clock.now(), loan.location.timeZone);
  return {
    loan: {
      id: loan.id,
      active: loan.status === "active",
      firstName: loan.person.firstName,
      assetTag: loan.device.assetTag,
      location: loan.location.name,
      timeZone: loan.location.timeZone,
      mentorId: loan.mentorId,
    },
    goals: goals.flatMap((g) => {
      const topic = topics.find((t) => t.id === g.topicId);
      return topic ? [{ topic: topicOption(topic), achieved: g.achieved ?? null }] : [];
    }),
    topics: topics.map(topicOption),
    mentors,
    today: now.date,
    defaultMentorId: loan.mentorId ?? ctx.actor.staffId,
    idempotencyKey: randomUUID(),
  };
}

export async function sessionPage(ctx: StaffCtx, loanId: string, sessionId: string) {
  const page = await sessionFormPage(ctx, loanId);
  const session = await getSession(ctx, loanId, sessionId);
  const local = utcToLocal(session.startsAt, page.loan.timeZone);
  return {
    ...page,
    session: {
      id: session.id,
      startsAt: session.startsAt.toISOString(),
      date: local.date,
      time: local.time,
      durationMinutes: session.durationMinutes,
      topics: jsonList(session.topics),
      notes: session.notes ?? "",
      attendance: session.attendance,
      mentorId: session.mentorId,
      mentor: session.mentor?.name ?? null,
    },
  };
}

/** Refusals that are about one field get linked to it from the error summary. */
const SESSION_REFUSAL_FIELDS: Record<string, string> = {
  "mentoring:errors.outcomeInFuture": "attendance",
  "mentoring:errors.topicUnknown": "topics",
  "mentoring:errors.mentorNotAtLocation": "mentorId",
};

interface Replyable {
  reply(options?: { formErrors?: string[]; fieldErrors?: Record<string, string[]> }): SubmissionResult<string[]>;
}

export function sessionRefusalReply(submission: Replyable, refusal: AppError): SubmissionResult<string[]> {
  const field = SESSION_REFUSAL_FIELDS[refusal.messageKey];
  return field ? submission.reply({ fieldErrors: { [field]: [refusal.messageKey] } }) : refusalReply(submission, refusal);
}

export { isBuiltInTopic };
