// Glue between the mentoring pages and the lending capability: the plain shapes the session form renders.
import type { StaffCtx } from "~/context";
import { getSession, sessionContext, utcToLocal } from "~/capabilities/lending/mentoring.server";
import { jsonList } from "~/capabilities/lending/values";
import { newFormKey } from "./forms.server";

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
    idempotencyKey: newFormKey(),
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
