// Glue for the citizen booking pages (no JavaScript): the answers travel in a sealed (encrypted), httpOnly cookie between
// the question pages (never in a URL); the confirmation reads another one; the calendar file is reached by an
// HMAC-signed appointment id. Also the slot list of a week (places and the calendar file: scheduling/online-booking).
import crypto from "node:crypto";
import type { AppLoadContext } from "@remix-run/node";
import { z } from "zod";
import type { Ctx } from "~/context";
import { NewPersonInput } from "~/capabilities/people/persons.server";
import { BookingInput } from "~/capabilities/scheduling/appointments.server";
import { freeSlots, loadSchedule, localDay } from "~/capabilities/scheduling/availability.server";
import { BOOKING_HORIZON_DAYS } from "~/capabilities/scheduling/values";
import { listCategories } from "~/capabilities/helpdesk/categories.server";
import { categoryName } from "~/i18n/own-labels";
import { getT } from "~/i18n/i18n.server";
import { parseDate } from "@internationalized/date";
import type { SlotDay } from "~/ui/SlotPicker";
import { sealedCookie, type SealedCookie } from "./sealed-cookie.server";

/** The details page's questions: the person, what they need, the early reminder. */
export const DetailsInput = NewPersonInput.extend({
  concern: BookingInput.shape.concern,
  wantsEarlyReminder: BookingInput.shape.wantsEarlyReminder,
});

const Answers = z.object({
  firstName: z.string().max(100),
  phone: z.string().max(40),
  language: z.string().max(10),
  contactPreference: z.string().max(10),
  concern: z.string().max(600).default(""),
  wantsEarlyReminder: z.string().max(5).default(""),
});

const BookingState = z.object({
  slug: z.string().max(100),
  slot: z.string().max(120).optional(),
  answers: Answers.optional(),
  /** The booking's idempotency key: pressing "Book now" twice books once. */
  key: z.string().max(100),
  /** The chosen slot was just taken: the list says so and shows the next free ones first. */
  taken: z.boolean().optional(),
});
export type BookingState = z.infer<typeof BookingState>;

const Booked = z.object({
  appointmentId: z.string().max(60),
  reference: z.string().regex(/^[A-Z0-9]{6}$/),
  channel: z.enum(["sms", "voice"]),
});

const cookies = new WeakMap<object, { state: SealedCookie; booked: SealedCookie }>();
function bookingCookies(context: AppLoadContext) {
  const { config, clock } = context.services;
  let pair = cookies.get(config);
  if (!pair) {
    // Sealed, not only signed: the draft holds a first name and a phone number (decision 024).
    pair = {
      state: sealedCookie("da_booking", { config, clock, path: "/book", lifetimeSeconds: 30 * 60 }),
      booked: sealedCookie("da_booked", { config, clock, path: "/book", lifetimeSeconds: 15 * 60 }),
    };
    cookies.set(config, pair);
  }
  return pair;
}

export async function readState(request: Request, context: AppLoadContext): Promise<BookingState | null> {
  const parsed = BookingState.safeParse(await bookingCookies(context).state.parse(request.headers.get("Cookie")));
  return parsed.success ? parsed.data : null;
}
export const writeState = (context: AppLoadContext, state: BookingState) => bookingCookies(context).state.serialize(state);
export const clearState = (context: AppLoadContext) => bookingCookies(context).state.clear();

export async function readBooked(request: Request, context: AppLoadContext) {
  const parsed = Booked.safeParse(await bookingCookies(context).booked.parse(request.headers.get("Cookie")));
  return parsed.success ? parsed.data : null;
}
export const writeBooked = (context: AppLoadContext, value: z.infer<typeof Booked>) => bookingCookies(context).booked.serialize(value);

// ---------------------------------------------------------------------------------------------------------
// Places and slots

export const WEEKS = Math.ceil(BOOKING_HORIZON_DAYS / 7);

export function dayLabel(at: Date, lng: string, timeZone: string) {
  const options: Intl.DateTimeFormatOptions = { weekday: "long", day: "numeric", month: "long", timeZone };
  try {
    return new Intl.DateTimeFormat(lng, options).format(at);
  } catch {
    return new Intl.DateTimeFormat("de", options).format(at);
  }
}
export function timeLabel(at: Date, lng: string, timeZone: string) {
  try {
    return new Intl.DateTimeFormat(lng, { timeStyle: "short", timeZone }).format(at);
  } catch {
    return new Intl.DateTimeFormat("de", { timeStyle: "short", timeZone }).format(at);
  }
}

function hourTopics(json: string | undefined): string[] {
  try {
    const topics: unknown = JSON.parse(json ?? "[]");
    return Array.isArray(topics) ? topics.filter((t): t is string => typeof t === "string") : [];
  } catch {
    return [];
  }
}

/** One week (0 = this one) of the booking horizon: the days with online consultation hours and their free slots. */
export async function slotWeek(ctx: Ctx, locationId: string, week: number, lng: string): Promise<SlotDay[]> {
  const now = ctx.clock.now();
  const schedule = await loadSchedule(ctx, ctx.db, locationId, now);
  if (!schedule) return [];
  const { timeZone } = schedule.location;
  const today = parseDate(localDay(now, timeZone));
  const from = today.add({ days: week * 7 });
  const last = today.add({ days: BOOKING_HORIZON_DAYS - 1 });
  let to = from.add({ days: 6 });
  if (to.compare(last) > 0) to = last;
  if (from.compare(last) > 0) return [];
  const [slots, categories] = await Promise.all([
    freeSlots(ctx, ctx.db, schedule, { fromDay: from.toString(), toDay: to.toString(), now }),
    listCategories(ctx),
  ]);
  // The topics each day's hours are for, by name in the reader's language ("Smartphone, Messenger").
  const t = getT(lng, "helpdesk");
  const names = new Map(categories.map((c) => [c.key, categoryName(t, lng, c)]));
  const topicsOf = new Map(schedule.hours.map((h) => [h.id, hourTopics(h.topics)]));
  const days = new Map<string, SlotDay>();
  for (const slot of slots) {
    if (slot.capacity.web <= 0) continue;
    let day = days.get(slot.day);
    if (!day) {
      day = { day: slot.day, label: dayLabel(slot.startsAt, lng, timeZone), slots: [], fullyBooked: false, topics: [] };
      days.set(slot.day, day);
    }
    for (const key of topicsOf.get(slot.hourId) ?? []) {
      const name = names.get(key);
      if (name && !day.topics!.includes(name)) day.topics!.push(name);
    }
    if (slot.free.web > 0)
      day.slots.push({
        value: `${slot.hourId}|${slot.startsAt.toISOString()}`,
        time: timeLabel(slot.startsAt, lng, timeZone),
      });
  }
  return [...days.values()].map((d) => ({ ...d, fullyBooked: d.slots.length === 0 }));
}

/** "Tuesday, 1 December, 14:00" for a slot value, or null when it is not one. */
export function slotLabel(value: string | undefined, lng: string, timeZone: string) {
  const iso = value?.split("|")[1];
  const at = iso ? new Date(iso) : null;
  if (!at || Number.isNaN(at.getTime())) return null;
  return `${dayLabel(at, lng, timeZone)}, ${timeLabel(at, lng, timeZone)}`;
}

// ---------------------------------------------------------------------------------------------------------
// Calendar file

const hmac = (secret: string, id: string) =>
  crypto.createHmac("sha256", secret).update(`appointment-ics:${id}`).digest("base64url").slice(0, 32);

export const calendarToken = (secret: string, appointmentId: string) =>
  `${appointmentId}.${hmac(secret, appointmentId)}`;

export function readCalendarToken(secret: string, token: string): string | null {
  const [id, mac] = token.split(".");
  if (!id || !mac) return null;
  const expected = Buffer.from(hmac(secret, id));
  const given = Buffer.from(mac);
  return given.length === expected.length && crypto.timingSafeEqual(given, expected) ? id : null;
}
