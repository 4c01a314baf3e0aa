// Glue for the phone simulator (/team/phone): which phone is shown (a person's id, or for a number without a
// person the id of one of its messages — never the number itself in a URL), the thread as the phone would show
// or speak it, and "send as the citizen", which goes through the same receiveSms as Twilio's webhook.
import { randomBytes } from "node:crypto";
import { z } from "zod";
import type { StaffCtx } from "~/context";
import { audit } from "~/capabilities/privacy/audit.server";
import { receiveSms, SMS_BODY_MAX } from "~/capabilities/phone/inbound-sms.server";
import { spokenLanguage } from "~/capabilities/messaging/voice-language";
import { languages } from "~/i18n/locales.server";
import { AppError } from "~/lib/errors";
import { maskPhone } from "~/lib/phone.server";
import { PhoneInput } from "~/capabilities/people/persons.server";
import { personName } from "./tickets.server";

/** The messages shown: the latest this many, oldest first like a phone. */
export const THREAD_LIMIT = 100;

const Id = z.string().trim().min(1).max(40).regex(/^[a-z0-9]+$/i);
const Body = z
  .string({ error: "phone:errors.bodyRequired" })
  .trim()
  .min(1, { error: "phone:errors.bodyRequired" })
  .max(SMS_BODY_MAX, { error: "phone:errors.bodyTooLong" });

/** Reply in an open thread: the phone is a person or the number of one of the shown messages. */
export const SimulatedReplyInput = z.object({ person: Id.optional(), message: Id.optional(), body: Body });
/** A text from a number the programme may not know yet. */
export const NewNumberInput = z.object({ phone: PhoneInput, body: Body });

/** Twilio's shape: "SM" + 32 hex digits. */
export const simulatedSid = () => `SM${randomBytes(16).toString("hex")}`;

export interface PhoneSelection {
  person?: string | null;
  message?: string | null;
}

/** The people to choose from, by first name. */
export async function simulatorPeople(ctx: StaffCtx) {
  const people = await ctx.db.person.findMany({
    orderBy: [{ firstName: "asc" }, { createdAt: "asc" }],
    take: 500,
    select: { id: true, firstName: true, lastNameInitial: true, phone: true, phoneType: true },
  });
  return people.map((p) => ({ id: p.id, label: `${personName(p)} (${maskPhone(p.phone)})`, landline: p.phoneType === "landline" }));
}

/** Resolves the selection to a phone number (server side only). */
async function phoneOf(ctx: StaffCtx, selection: PhoneSelection) {
  if (selection.person) {
    const person = await ctx.db.person.findUnique({ where: { id: selection.person } });
    if (!person) throw new AppError(404, "phone:errors.unknownPhone");
    return { phone: person.phone, person };
  }
  if (selection.message) {
    const message = await ctx.db.message.findUnique({ where: { id: selection.message }, select: { toPhone: true } });
    if (!message) throw new AppError(404, "phone:errors.unknownPhone");
    const person = await ctx.db.person.findUnique({ where: { phone: message.toPhone } });
    return { phone: message.toPhone, person };
  }
  return null;
}

/** The thread on the simulated phone; viewing it is audit-logged (ids only). */
export async function phoneThread(ctx: StaffCtx, selection: PhoneSelection) {
  const found = await phoneOf(ctx, selection);
  if (!found) return null;
  const { phone, person } = found;
  const latest = await ctx.db.message.findMany({
    where: person ? { OR: [{ personId: person.id }, { toPhone: phone }] } : { toPhone: phone },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: THREAD_LIMIT,
  });
  await audit(ctx, ctx.db, {
    action: "phone.viewed",
    subjectType: person ? "Person" : "Message",
    subjectId: person?.id ?? selection.message ?? null,
    details: { count: latest.length },
  });
  const names = new Map(languages().map((l) => [l.code, l.name]));
  // Something the worker is about to deliver (not a reminder queued for next week): worth looking again soon.
  const soon = ctx.clock.now().getTime() + 60_000;
  const delivering = latest.some((m) => (m.status === "queued" || m.status === "sending") && m.sendAfter.getTime() <= soon);
  return {
    person: person
      ? { id: person.id, name: person.firstName === "–" ? null : personName(person), landline: person.phoneType === "landline", language: person.language }
      : null,
    selection: person ? { person: person.id } : { message: selection.message! },
    phone: maskPhone(phone),
    delivering,
    messages: latest.reverse().map((m) => ({
      id: m.id,
      direction: m.direction === "inbound" ? ("inbound" as const) : ("outbound" as const),
      channel: m.channel === "voice" ? ("voice" as const) : ("sms" as const),
      body: m.body,
      status: m.status,
      at: (m.sentAt ?? m.createdAt).toISOString(),
      spokenIn: names.get(spokenLanguage(m.language)) ?? m.language,
    })),
  };
}

/** "Send as the citizen": the simulated SMS takes the webhook's path; returns where the thread now lives. */
export async function simulateSms(ctx: StaffCtx, from: PhoneSelection | { phone: string }, body: string, programmePhone: string) {
  const phone = "phone" in from ? from.phone : (await phoneOf(ctx, from))?.phone;
  if (!phone) throw new AppError(404, "phone:errors.unknownPhone");
  const result = await receiveSms(ctx, { from: phone, body, messageSid: simulatedSid() }, { programmePhone });
  if (result.outcome === "ignored" || result.outcome === "duplicate") throw new AppError(400, "phone:errors.notSent");
  return result.personId ? `/team/phone?person=${result.personId}` : `/team/phone?message=${result.messageId}`;
}
