// Glue between the callback pages and the scheduling capability: the citizen's confirmation cookie (the
// reference never goes into a URL), window choices with their labels, and the plain shapes the staff pages render.
import { createCookie, type AppLoadContext } from "@remix-run/node";
import { z } from "zod";
import type { StaffCtx } from "~/context";
import { givenView, personName } from "~/lib/person-name";
import { phoneLink } from "~/lib/phone.server";
import { listLocationsFor } from "~/capabilities/people/locations.server";
import { formatSlot } from "~/capabilities/scheduling/appointments.server";
import { callbacksDueNow, getCallback } from "~/capabilities/scheduling/callback-lists.server";
import { windowChoices } from "~/capabilities/scheduling/callback-windows.server";
import { PROGRAMME_TIME_ZONE as DEFAULT_TIME_ZONE } from "~/lib/time-zone";
import { languages } from "~/i18n/locales.server";

// ---------------------------------------------------------------------------------------------------------
// The citizen's confirmation: POST /callback → GET /callback/done, in a signed, short-lived cookie.

const CallbackFlash = z.object({
  reference: z.string().regex(/^[A-Z0-9]{6}$/),
  /** ISO time of the call, or null: "we will tell you when" */
  at: z.string().nullable(),
  timeZone: z.string(),
  channel: z.enum(["sms", "voice"]),
});
export type CallbackFlashValue = z.infer<typeof CallbackFlash>;

const flashCookies = new WeakMap<object, ReturnType<typeof createCookie>>();
function flashCookie(context: AppLoadContext) {
  const { config } = context.services;
  let cookie = flashCookies.get(config);
  if (!cookie) {
    cookie = createCookie("da_callback", {
      httpOnly: true,
      sameSite: "lax",
      secure: config.secureCookies,
      path: "/callback",
      maxAge: 15 * 60,
      secrets: [config.sessionSecret],
    });
    flashCookies.set(config, cookie);
  }
  return cookie;
}

export const setCallbackFlash = (context: AppLoadContext, value: CallbackFlashValue) => flashCookie(context).serialize(value);
export const clearCallbackFlash = (context: AppLoadContext) => flashCookie(context).serialize("", { maxAge: 0, expires: new Date(0) });
export async function readCallbackFlash(request: Request, context: AppLoadContext): Promise<CallbackFlashValue | null> {
  const parsed = CallbackFlash.safeParse(await flashCookie(context).parse(request.headers.get("Cookie")));
  return parsed.success ? parsed.data : null;
}

// ---------------------------------------------------------------------------------------------------------
// Windows and times in the reader's language

const dayLabel = (day: string, lng: string, timeZone: string) => {
  const at = new Date(`${day}T12:00:00Z`);
  try {
    return new Intl.DateTimeFormat(lng, { weekday: "long", day: "numeric", month: "long", timeZone }).format(at);
  } catch {
    return new Intl.DateTimeFormat("de", { weekday: "long", day: "numeric", month: "long", timeZone }).format(at);
  }
};

/** The windows to tick, grouped by day, with the day written out in the reader's language. */
export function windowDays(now: Date, lng: string, timeZone = DEFAULT_TIME_ZONE) {
  return windowChoices(now, timeZone).map((d) => ({
    day: d.day,
    label: dayLabel(d.day, lng, timeZone),
    windows: d.windows.map((w) => ({ value: w.value, part: w.part })),
  }));
}

export const formatWhen = (at: Date | string, lng: string, timeZone = DEFAULT_TIME_ZONE) => formatSlot(new Date(at), lng, timeZone);

const formatTime = (at: Date, lng: string) => {
  try {
    return new Intl.DateTimeFormat(lng, { timeStyle: "short", timeZone: DEFAULT_TIME_ZONE }).format(at);
  } catch {
    return new Intl.DateTimeFormat("de", { timeStyle: "short", timeZone: DEFAULT_TIME_ZONE }).format(at);
  }
};

// ---------------------------------------------------------------------------------------------------------
// Staff pages

export async function intakeOptions(ctx: StaffCtx, lng: string) {
  const locations = await listLocationsFor(ctx);
  return {
    locations: locations.map(({ id, name }) => ({ id, name })),
    languages: languages().map(({ code, name }) => ({ code, name })),
    days: windowDays(ctx.clock.now(), lng),
  };
}

/** "Callbacks due now" and the rest of the list, with phone numbers as tel: links (on the page only). */
export async function callbackList(ctx: StaffCtx, lng: string) {
  const due = await callbacksDueNow(ctx);
  const shape = (rows: typeof due.dueNow) =>
    rows.map((r) => ({
      id: r.id,
      reference: r.reference,
      status: r.status,
      time: r.scheduledAt ? formatTime(r.scheduledAt, lng) : null,
      when: r.scheduledAt ? formatWhen(r.scheduledAt, lng) : null,
      person: r.person,
      phone: phoneLink(r.phone),
      topic: r.topic,
      attempts: r.attempts,
      location: r.location,
    }));
  return {
    dueNow: shape(due.dueNow),
    laterToday: shape(due.laterToday),
    unscheduled: shape(due.unscheduled),
    failed: shape(due.failed),
    coordinator: due.coordinator,
  };
}

/** One callback for its page (the view is audit-logged by the capability). */
export async function callbackPage(ctx: StaffCtx, callbackId: string, lng: string) {
  const { callback, attempts, assigned, windows } = await getCallback(ctx, callbackId);
  const timeZone = callback.location?.timeZone ?? DEFAULT_TIME_ZONE;
  return {
    callback: {
      id: callback.id,
      reference: callback.reference,
      status: callback.status,
      when: callback.scheduledAt ? formatWhen(callback.scheduledAt, lng, timeZone) : null,
      person: personName(callback.person),
      personId: callback.person.id,
      given: givenView(callback),
      phone: phoneLink(callback.person.phone),
      topic: callback.topic,
      concern: callback.concern,
      attemptCount: callback.attemptCount,
      location: callback.location?.name ?? null,
      assigned: assigned?.name ?? null,
      ticketId: callback.ticketId,
      open: callback.status === "scheduled" || callback.status === "unscheduled",
      windows: windows.map((w) => `${formatWhen(w.from, lng, timeZone)} – ${formatTime(w.to, lng)}`),
    },
    attempts: attempts.map((a) => ({ id: a.id, at: a.at.toISOString(), outcome: a.outcome, note: a.note, staff: a.staff?.name ?? null })),
  };
}
