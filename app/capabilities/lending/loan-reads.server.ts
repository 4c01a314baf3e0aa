// Reading one loan for the pages around it that are not the loan page itself: the check-in and reset forms, a
// return photo, the topics its learning goals name. Every look at a loan is audit-logged, with the page it was for.
import type { Ctx, StaffCtx } from "~/context";
import { forbidden, notFound } from "~/lib/errors";
import { audit } from "~/capabilities/privacy/audit.server";
import { can } from "~/capabilities/people/permissions";
import { jsonList } from "./values";

/** What the check-in and reset forms need of a loan (not its person: the form is about the device); for those who may lend there. */
export async function loanForReturn(ctx: StaffCtx, loanId: string, page: "checkIn" | "reset") {
  const loan = await ctx.db.loan.findUnique({ where: { id: loanId }, include: { device: { select: { assetTag: true, status: true } } } });
  if (!loan) throw notFound("loan");
  if (!can(ctx.actor, "loan:manage", loan.locationId)) throw forbidden("loan:manage");
  await audit(ctx, ctx.db, { action: "loan.viewed", subjectType: "Loan", subjectId: loan.id, locationId: loan.locationId, details: { page } });
  return loan;
}

/** The mentoring topics a loan's learning goals name (retired ones too: the goal was set while they were offered). */
export async function goalTopics(ctx: Pick<Ctx, "db">, loan: { learningGoals: string }) {
  const goals = jsonList<{ topicId: string }>(loan.learningGoals);
  return ctx.db.mentoringTopic.findMany({ where: { id: { in: goals.map((g) => g.topicId) } } });
}

/** One photo taken at a loan's return, for staff who may see the loan; the look is audit-logged. */
export async function loanPhoto(ctx: StaffCtx, loanId: string, photoId: string) {
  const photo = await ctx.db.loanPhoto.findUnique({ where: { id: photoId }, include: { loan: { select: { locationId: true } } } });
  if (!photo || photo.loanId !== loanId) throw notFound("photo");
  if (!can(ctx.actor, "loan:view", photo.loan.locationId)) throw forbidden("loan:view");
  const locationId = photo.loan.locationId;
  await audit(ctx, ctx.db, { action: "loan.viewed", subjectType: "Loan", subjectId: loanId, locationId, details: { page: "photo" } });
  return photo;
}
