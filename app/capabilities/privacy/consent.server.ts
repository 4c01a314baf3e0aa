// Consent records (GDPR Art. 7(1), 13): what a person agreed to, when, through which channel and who noted it;
// withdrawing is one action. The worker asks `messageWithheldFor` before every send (decision 033).
import { z } from "zod";
import type { Ctx, StaffCtx, Tx } from "~/context";
import type { Db } from "~/db.server";
import { can } from "~/capabilities/people/permissions";
import { requirePersonVisible } from "~/capabilities/people/visibility.server";
import { AppError, forbidden } from "~/lib/errors";
import { audit } from "./audit.server";
import { CONSENT_PURPOSES, type ConsentChannel, type ConsentPurpose, purposesOfTemplate } from "./consent-values";

export { CONSENT_CHANNELS, CONSENT_PURPOSES, purposesOfTemplate, type ConsentChannel, type ConsentPurpose } from "./consent-values";

/** Staff intake's tick "privacy notice read out; agrees to SMS and calls about the request" (decision 033). */
export const NoticeRead = z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean()).optional();

/**
 * Notes that the person agreed to `purpose` through `channel`, inside the caller's transaction (the request it came
 * with stands or falls with it). An agreement still standing is not noted twice: its first date is what counts.
 * Staff who note it (phone, paper) are named; a citizen's own web form or SMS names no one.
 */
export async function noteConsent(ctx: Pick<Ctx, "actor" | "clock">, tx: Tx, personId: string, purpose: ConsentPurpose, channel: ConsentChannel): Promise<void> {
  const standing = await tx.consent.findFirst({ where: { personId, purpose, withdrawnAt: null }, select: { id: true } });
  if (standing) return;
  await tx.consent.create({
    data: {
      personId,
      purpose,
      channel,
      givenAt: ctx.clock.now(),
      recordedById: ctx.actor.kind === "staff" ? ctx.actor.staffId : null,
    },
  });
}

/**
 * How a request made through a form records its agreement: a citizen's own web form, after its notice → web; staff
 * who ticked that they read the notice out → phone; staff who did not → nothing (the request itself is the basis).
 * Only for forms: the voice menu and SMS act as a citizen too and pass their own channel (callbacks.server.ts).
 */
export async function noteFormConsent(ctx: Pick<Ctx, "actor" | "clock">, tx: Tx, personId: string, noticeRead: boolean | undefined, purposes: ConsentPurpose[] = ["contact"]) {
  const channel: ConsentChannel | null = ctx.actor.kind === "citizen" ? "web" : ctx.actor.kind === "staff" && noticeRead ? "phone" : null;
  if (!channel) return;
  for (const purpose of purposes) await noteConsent(ctx, tx, personId, purpose, channel);
}

/** The person's consents, newest first, with who noted and who withdrew them (for the person page and the Art. 15 export). */
export async function consentsOf(ctx: Pick<Ctx, "db">, personId: string) {
  const rows = await ctx.db.consent.findMany({
    where: { personId },
    orderBy: [{ givenAt: "desc" }, { id: "asc" }],
    include: { recordedBy: { select: { name: true } }, withdrawnBy: { select: { name: true } } },
  });
  return rows.map((c) => ({
    id: c.id,
    purpose: c.purpose as ConsentPurpose,
    channel: c.channel as ConsentChannel,
    givenAt: c.givenAt,
    recordedBy: c.recordedBy?.name ?? null,
    withdrawnAt: c.withdrawnAt,
    withdrawnVia: c.withdrawnVia,
    withdrawnBy: c.withdrawnBy?.name ?? null,
  }));
}

/** Withdraws every standing agreement of this purpose, in `tx`. Answers how many there were. */
async function withdrawIn(ctx: Pick<Ctx, "actor" | "clock">, tx: Tx, personId: string, purpose: ConsentPurpose, via: "sms" | "staff"): Promise<number> {
  const { count } = await tx.consent.updateMany({
    where: { personId, purpose, withdrawnAt: null },
    data: { withdrawnAt: ctx.clock.now(), withdrawnVia: via, withdrawnById: ctx.actor.kind === "staff" ? ctx.actor.staffId : null },
  });
  if (count) await audit(ctx, tx, { action: "consent.withdrawn", subjectType: "Person", subjectId: personId, details: { purpose, via } });
  return count;
}

/** Staff withdraw a consent on the person's behalf (asked by phone, at the desk, in a letter): one action, audit-logged. */
export async function withdrawConsent(ctx: StaffCtx, personId: string, purpose: string): Promise<number> {
  if (!can(ctx.actor, "person:manage")) throw forbidden("person:manage");
  if (!(CONSENT_PURPOSES as readonly string[]).includes(purpose)) throw new AppError(400, "tickets:person.consent.errors.purpose");
  await requirePersonVisible(ctx, personId);
  const count = await ctx.db.$transaction((tx) => withdrawIn(ctx, tx, personId, purpose as ConsentPurpose, "staff"));
  if (!count) throw new AppError(409, "tickets:person.consent.errors.notStanding");
  return count;
}

/** STOP by SMS withdraws the "contact" agreement of the number's person; START gives it again, by SMS. */
export async function contactConsentBySms(ctx: Pick<Ctx, "actor" | "clock">, tx: Tx, phone: string, given: boolean): Promise<void> {
  const person = await tx.person.findUnique({ where: { phone }, select: { id: true } });
  if (!person) return;
  if (given) await noteConsent(ctx, tx, person.id, "contact", "sms");
  else await withdrawIn(ctx, tx, person.id, "contact", "sms");
}

/**
 * The purpose a message may no longer serve, or null when it may go. A purpose is withdrawn when the person has
 * agreed to it at some time and no agreement to it still stands; a person with no record of it at all (someone who
 * only ever called, a request from before consents were recorded) is asked nothing here — opt-outs still apply.
 */
export async function messageWithheldFor({ db }: { db: Pick<Db, "consent" | "person"> }, message: { personId: string | null; toPhone: string; template: string }): Promise<ConsentPurpose | null> {
  const personId = message.personId ?? (await db.person.findUnique({ where: { phone: message.toPhone }, select: { id: true } }))?.id;
  if (!personId) return null;
  const purposes = purposesOfTemplate(message.template);
  const rows = await db.consent.findMany({ where: { personId, purpose: { in: [...purposes] } }, select: { purpose: true, withdrawnAt: true } });
  for (const purpose of purposes) {
    const mine = rows.filter((r) => r.purpose === purpose);
    if (mine.length && mine.every((r) => r.withdrawnAt)) return purpose;
  }
  return null;
}
