// One form, one request (issue 23): every citizen form sent twice at once with its key — a double press on a slow
// line — makes one ticket, callback, waiting-list place or booking, one outbound message, and both answers show
// the first reference. Through the real route actions and confirmation loaders; without a key, as before.
// And the voice menu: calling again for a callback gets the open one back.
import type { AppLoadContext } from "@remix-run/node";
import { describe, expect, it } from "vitest";
import { action as reportAction } from "~/routes/report";
import { loader as reportDone } from "~/routes/report_.done";
import { action as callbackAction } from "~/routes/callback";
import { loader as callbackDone } from "~/routes/callback_.done";
import { action as borrowAction } from "~/routes/borrow";
import { loader as borrowDone } from "~/routes/borrow_.done";
import { action as bookCheck } from "~/routes/book.$slug.check";
import { loader as bookDone } from "~/routes/book_.done";
import { action as waitAction, loader as waitLoader } from "~/routes/book.$slug.wait";
import { action as appointmentAction } from "~/routes/appointment";
import { voiceStep } from "~/capabilities/phone/voice-menu.server";
import { receiveSms } from "~/capabilities/phone/inbound-sms.server";
import { bookAppointment, BookingInput } from "~/capabilities/scheduling/appointments.server";
import { createHour, HourInput } from "~/capabilities/scheduling/hours.server";
import { withActor } from "~/context";
import { writeState } from "~/web/booking.server";
import { createTestServices } from "../helpers/db";
import { makeLocation, makeStaff, staffContext } from "../helpers/factories";

// Monday 23 November 2026, 11:00 in Berlin.
const services = await createTestServices("2026-11-23T10:00:00Z");
const { db } = services;
const citizen = withActor(services, { kind: "citizen" });
const centre = await makeLocation(db, { kind: "meeting_centre", name: "Begegnungszentrum Mitte", slug: "mitte" });
const librarian = staffContext(services, await makeStaff(db, { role: "librarian", locationIds: [centre.id] }));
const hour = (values: Record<string, string>) =>
  createHour(librarian, HourInput.parse({ locationId: centre.id, kind: "weekly", slotMinutes: "30", active: "on", phoneCapacity: "0", ...values }));
// Wednesdays 10:00–12:00 with online places; Tuesdays one slot with one online place (a day soon full).
const wednesday = await hour({ weekday: "3", startTime: "10:00", endTime: "12:00", capacity: "3", onlineCapacity: "3" });
const tuesday = await hour({ weekday: "2", startTime: "14:00", endTime: "14:30", capacity: "1", onlineCapacity: "1" });

let n = 0;
const newNumber = () => `0151 ${String(60000000 + ++n)}`;
const e164 = (number: string) => `+49${number.replace(/\D/g, "").slice(1)}`;
/** Each form from its own address: the per-address limits are not what is tested here. */
const contextFor = () => ({ services, nonce: "", clientIp: `198.51.100.${++n}` }) as unknown as AppLoadContext;
const person = (phone: string) => ({ firstName: "Gisela", phone, language: "de", contactPreference: "sms" });

type Handler = (args: { request: Request; context: AppLoadContext; params: Record<string, string> }) => Promise<unknown>;
/** A route's answer, whether returned or thrown (a redirect, an error page). */
async function call(handler: Handler, request: Request, context: AppLoadContext, params: Record<string, string> = {}) {
  const answer = await handler({ request, context, params }).catch((thrown: unknown) => thrown);
  return answer as Response;
}
function post(url: string, fields: Record<string, string>, cookie = "") {
  return new Request(`http://localhost${url}`, {
    method: "POST",
    body: new URLSearchParams(fields),
    headers: { "Content-Type": "application/x-www-form-urlencoded", ...(cookie ? { Cookie: cookie } : {}) },
  });
}
/** The cookies a response set, as the browser sends them back. */
const cookiesOf = (response: Response) =>
  response.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
const get = (url: string, cookie: string) => new Request(`http://localhost${url}`, { headers: { Cookie: cookie } });

const messagesTo = (number: string) => db.message.findMany({ where: { toPhone: e164(number), direction: "outbound" } });

/** Sends the same form twice at once; both answers must be the redirect to the confirmation. */
async function twice(handler: Handler, request: () => Request, params: Record<string, string> = {}) {
  const context = contextFor();
  const answers = await Promise.all([call(handler, request(), context, params), call(handler, request(), context, params)]);
  // Anything but a Response (a 400's data) is shown whole, so a failure says which refusal it was.
  for (const answer of answers) expect(answer instanceof Response ? answer.status : answer).toBe(302);
  return { answers, context };
}

describe("a citizen form sent twice at once with its key", () => {
  it("/report: one ticket, one confirmation, and both confirmation pages show its reference", async () => {
    const phone = newNumber();
    const form = { ...person(phone), description: "Mein Tablet startet nicht mehr.", categoryId: "", idempotencyKey: "report-form-key-0001" };
    const { answers, context } = await twice(reportAction as Handler, () => post("/report", form));
    const tickets = await db.ticket.findMany({ where: { person: { phone: e164(phone) } } });
    expect(tickets).toHaveLength(1);
    expect(await messagesTo(phone)).toHaveLength(1);
    for (const answer of answers) {
      const page = (await reportDone({ request: get("/report/done", cookiesOf(answer)), context, params: {} })) as { reference: string };
      expect(page.reference).toBe(tickets[0]!.reference);
    }
  });

  it("/report with 'call me back': one ticket, one callback, one message", async () => {
    const phone = newNumber();
    const form = { ...person(phone), description: "Bitte rufen Sie mich an.", categoryId: "", callbackWanted: "on", idempotencyKey: "report-form-key-0002" };
    const { answers, context } = await twice(reportAction as Handler, () => post("/report", form));
    expect(await db.ticket.count({ where: { person: { phone: e164(phone) } } })).toBe(1);
    expect(await db.callback.count({ where: { person: { phone: e164(phone) } } })).toBe(1);
    expect(await messagesTo(phone)).toHaveLength(1);
    const references = await Promise.all(
      answers.map(async (answer) => ((await reportDone({ request: get("/report/done", cookiesOf(answer)), context, params: {} })) as { reference: string }).reference),
    );
    expect(new Set(references).size).toBe(1);
  });

  it("/report without a key (an old page, a bot) still does what it did: two reports", async () => {
    const phone = newNumber();
    const form = { ...person(phone), description: "Zweimal ohne Schlüssel.", categoryId: "" };
    await twice(reportAction as Handler, () => post("/report", form));
    expect(await db.ticket.count({ where: { person: { phone: e164(phone) } } })).toBe(2);
  });

  it("/callback: one callback, one message, both pages show its reference", async () => {
    const phone = newNumber();
    const form = { ...person(phone), windows: "2026-11-24T08:00:00.000Z/2026-11-24T16:00:00.000Z", idempotencyKey: "callback-form-key-0001" };
    const { answers, context } = await twice(callbackAction as Handler, () => post("/callback", form));
    const callbacks = await db.callback.findMany({ where: { person: { phone: e164(phone) } } });
    expect(callbacks).toHaveLength(1);
    expect(await messagesTo(phone)).toHaveLength(1);
    for (const answer of answers) {
      const page = (await callbackDone({ request: get("/callback/done", cookiesOf(answer)), context, params: {} })) as { reference: string };
      expect(page.reference).toBe(callbacks[0]!.reference);
    }
  });

  it("/borrow: one place on the tablet waiting list, one message, both pages show its reference", async () => {
    const phone = newNumber();
    const form = { ...person(phone), locationId: centre.id, wishes: "", idempotencyKey: "borrow-form-key-0001" };
    const { answers, context } = await twice(borrowAction as Handler, () => post("/borrow", form));
    const places = await db.reservation.findMany({ where: { person: { phone: e164(phone) } } });
    expect(places).toHaveLength(1);
    expect(await messagesTo(phone)).toHaveLength(1);
    for (const answer of answers) {
      const page = (await borrowDone({ request: get("/borrow/done", cookiesOf(answer)), context, params: {} })) as { reference: string };
      expect(page.reference).toBe(places[0]!.reference);
    }
  });

  it("/book/:slug/check: one booking, one message, both confirmation pages show its reference", async () => {
    const phone = newNumber();
    const context = contextFor();
    const state = await writeState(context, {
      slug: centre.slug,
      slot: `${wednesday.id}|2026-11-25T09:00:00.000Z`,
      answers: { ...person(phone), concern: "", wantsEarlyReminder: "" },
      key: "booking-form-key-0001",
    });
    const cookie = state.split(";")[0]!;
    const answers = await Promise.all(
      [0, 1].map(() => call(bookCheck as Handler, post(`/book/${centre.slug}/check`, {}, cookie), context, { slug: centre.slug })),
    );
    const bookings = await db.appointment.findMany({ where: { person: { phone: e164(phone) } } });
    expect(bookings).toHaveLength(1);
    expect(await messagesTo(phone)).toHaveLength(1);
    for (const answer of answers) {
      expect(answer.headers.get("Location")).toBe("/book/done");
      const page = (await bookDone({ request: get("/book/done", cookiesOf(answer)), context, params: {} })) as { reference: string };
      expect(page.reference).toBe(bookings[0]!.reference);
    }
  });

  it("/book/:slug/wait: one place on the day's list, one message, both answers show its reference", async () => {
    const day = "2026-12-01";
    // The Tuesday's one online place is taken: the day is full and takes names.
    await bookAppointment(citizen, {
      ...BookingInput.parse({ locationId: centre.id, slot: `${tuesday.id}|${day}T13:00:00.000Z`, person: person(newNumber()) }),
      pool: "web",
      channel: "web",
    });
    const phone = newNumber();
    const form = { ...person(phone), idempotencyKey: "wait-form-key-0001" };
    const url = `/book/${centre.slug}/wait?day=${day}`;
    const { answers, context } = await twice(waitAction as Handler, () => post(url, form), { slug: centre.slug });
    const waits = await db.dayWait.findMany({ where: { person: { phone: e164(phone) } } });
    expect(waits).toHaveLength(1);
    expect(await messagesTo(phone)).toHaveLength(1);
    for (const answer of answers) {
      const page = (await waitLoader({ request: get(url, cookiesOf(answer)), context, params: { slug: centre.slug } })) as {
        joined: { messageKey: string; reference: string } | null;
      };
      expect(page.joined).toEqual({ messageKey: "desk:wait.joined", reference: waits[0]!.reference });
    }
  });

  it("/appointment cancel: cancelled once, one message, both answers say it is cancelled", async () => {
    const phone = newNumber();
    const { reference } = await bookAppointment(citizen, {
      ...BookingInput.parse({ locationId: centre.id, slot: `${wednesday.id}|2026-11-25T09:30:00.000Z`, person: person(phone) }),
      pool: "web",
      channel: "web",
    });
    const form = { reference, phone, intent: "cancel", key: "cancel-form-key-0001" };
    const context = contextFor();
    const answers = await Promise.all([0, 1].map(() => call(appointmentAction as Handler, post("/appointment", form), context)));
    for (const answer of answers) expect(answer).toMatchObject({ step: "cancelled", appointment: { reference } });
    expect(await db.appointment.findUniqueOrThrow({ where: { reference } })).toMatchObject({ status: "cancelled", cancelKey: "cancel-form-key-0001" });
    const messages = await messagesTo(phone);
    expect(messages.map((m) => m.template).sort()).toEqual(["appointmentBooked", "appointmentCancelled"]);
  });
});

describe("asking for a callback again", () => {
  const askByPhone = (from: string, sid: string) =>
    voiceStep(citizen, { query: new URLSearchParams("step=menu&lng=de&try=1"), params: { From: from, CallSid: sid, Digits: "1" } });

  it("the voice menu: a second call gets the open callback, its reference, no new message, and says so", async () => {
    const from = "+4915160009001";
    const first = await askByPhone(from, `CA${"1".repeat(32)}`);
    const second = await askByPhone(from, `CA${"2".repeat(32)}`);
    const callbacks = await db.callback.findMany({ where: { person: { phone: from } } });
    expect(callbacks).toHaveLength(1);
    expect(await db.message.count({ where: { toPhone: from, direction: "outbound" } })).toBe(1);
    expect(first).not.toContain("schon um einen Rückruf gebeten");
    expect(second).toContain("Sie haben uns schon um einen Rückruf gebeten.");
    // The same reference, spelled on both calls; no promise of another SMS.
    const spelled = (xml: string) => [...xml.matchAll(/<Say[^>]*>([^<]*)<\/Say>/g)].map((m) => m[1]).join(" ");
    expect(spelled(second)).toContain(spelled(first).split("Ihre Vorgangsnummer ist:")[1]!.split("Noch einmal:")[0]);
    expect(second).not.toContain("Die Vorgangsnummer schicken wir Ihnen auch per SMS.");
    // Once it is done, the next call asks for a new one.
    await db.callback.update({ where: { id: callbacks[0]!.id }, data: { status: "done" } });
    await askByPhone(from, `CA${"3".repeat(32)}`);
    expect(await db.callback.count({ where: { person: { phone: from } } })).toBe(2);
  });

  it("SMS HILFE and the voice menu share the rule: a call after HILFE gets HILFE's callback", async () => {
    const from = "+4915160009002";
    const sms = withActor(services, { kind: "system", name: "twilio-sms" });
    await receiveSms(sms, { from, body: "HILFE", messageSid: `SM${"4".repeat(32)}` });
    await askByPhone(from, `CA${"5".repeat(32)}`);
    expect(await db.callback.count({ where: { person: { phone: from } } })).toBe(1);
  });
});
