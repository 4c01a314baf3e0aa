// Ticket categories: built-ins translated by key; coordinators add, rename and retire their own.
import { z } from "zod";
import { labelsPerLanguage } from "~/lib/labels-input.server";
import type { Ctx, StaffCtx } from "~/context";
import { AppError, forbidden } from "~/lib/errors";
import { audit } from "~/capabilities/privacy/audit.server";
import { can } from "~/capabilities/people/permissions";

export async function listCategories(ctx: Ctx, { includeRetired = false } = {}) {
  return ctx.db.ticketCategory.findMany({
    where: includeRetired ? {} : { active: true },
    orderBy: [{ sortOrder: "asc" }, { key: "asc" }],
  });
}

/** One label per shipped language, all required: every string is translated. */
export function categoryInput(languages: string[]) {
  return z.object({
    labels: labelsPerLanguage(languages, {
      required: "helpdesk:errors.categoryLabelRequired",
      tooLong: "helpdesk:errors.categoryLabelTooLong",
    }),
    active: z.preprocess((v) => v === "on" || v === true, z.boolean()).default(true),
  });
}

type CategoryData = { labels: Record<string, string>; active: boolean };

function slug(label: string): string {
  return (
    label
      .toLowerCase()
      .normalize("NFKD")
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "")
      .slice(0, 40) || "kategorie"
  );
}

export async function saveCategory(ctx: StaffCtx, id: string | null, input: CategoryData) {
  if (!can(ctx.actor, "category:manage")) throw forbidden("category:manage");
  return ctx.db.$transaction(async (tx) => {
    let category;
    if (id) {
      const existing = await tx.ticketCategory.findUnique({ where: { id } });
      if (!existing) throw new AppError(404, "errors.notFound");
      category = await tx.ticketCategory.update({ where: { id }, data: { labels: JSON.stringify(input.labels), active: input.active } });
    } else {
      const base = `custom-${slug(input.labels.de ?? Object.values(input.labels)[0] ?? "")}`;
      let key = base;
      for (let i = 2; await tx.ticketCategory.findUnique({ where: { key } }); i++) key = `${base}-${i}`;
      const last = await tx.ticketCategory.findFirst({ orderBy: { sortOrder: "desc" } });
      category = await tx.ticketCategory.create({
        data: { key, labels: JSON.stringify(input.labels), active: input.active, sortOrder: (last?.sortOrder ?? 0) + 10 },
      });
    }
    await audit(ctx, tx, { action: id ? "category.updated" : "category.created", subjectType: "TicketCategory", subjectId: category.id });
    return category;
  });
}
