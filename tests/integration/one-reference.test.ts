// One concern, one reference: a problem report with "please call me back" gives the person ONE reference, and every
// later answer about it — the web status page, SMS STATUS, the voice menu's status, HILFE and a second call to the
// voice menu, the call's own messages — uses that reference and tells both the ticket and the planned call.
import { describe, expect, it } from "vitest";
import { checkRequestStatus, ownReferences, StatusCheckInput } from "~/capabilities/helpdesk/status-check.server";
import { reportProblem, ReportProblemInput } from "~/capabilities/helpdesk/report.server";
import { receiveSms } from "~/capabilities/phone/inbound-sms.server";
import { keypadDigits } from "~/capabilities/phone/voice-keypad";
import { voiceStep } from "~/capabilities/phone/voice-menu.server";
import { recordAttempt } from "~/capabilities/scheduling/callback-attempts.server";
import { withActor } from "~/context";
import { getT } from "~/i18n/i18n.server";
import { type ReferencedTable, uniqueReference } from "~/lib/reference-code";
import { statusView } from "~/web/status-page.server";
import { createTestServices } from "../helpers/db";
import { makeLocation, makeStaff, staffContext } from "../helpers/factories";

// Monday 23 November 2026, 11:00 in Berlin.
const services = await createTestServices("2026-11-23T10:00:00Z");
const { db } = services;
const citizen = withActor(services, { kind: "citizen" });
const twilioSms = withActor(services, { kind: "system", name: "twilio-sms" });
const centre = await makeLocation(db, { name: "Begegnungszentrum Mitte" });
const helper = await makeStaff(db, { role: "volunteer", locationIds: [centre.id] });
const helperCtx = staffContext(services, helper);
// Tuesday 10:00–12:00: the report's call is planned for Tuesday 10:00 (the default windows are the next working days).
await db.callbackHour.create({ data: { staffId: helper.id, locationId: centre.id, weekday: 2, startTime: "10:00", endTime: "12:00", slotMinutes: 15 } });

const PHONE = { local: "0151 23457001", e164: "+4915123457001" };
const reported = await reportProblem(
  citizen,
  ReportProblemInput.parse({ firstName: "Gisela", phone: PHONE.local, language: "de", contactPreference: "sms", description: "Das Tablet lädt nicht.", callbackWanted: "on" }),
);
const R = reported.reference;
const ticket = await db.ticket.findUniqueOrThrow({ where: { reference: R } });
const callback = await db.callback.findFirstOrThrow({ where: { ticketId: ticket.id } });

let sid = 0;
async function sms(body: string) {
  // An hour apart, so the number's reply budget never holds an answer back.
  services.clock.advance(61 * 60_000);
  await receiveSms(twilioSms, { from: PHONE.e164, body, messageSid: `SM${String(++sid).padStart(32, "0")}` }, { programmePhone: "+494211234560" });
  return db.message.findFirstOrThrow({ where: { toPhone: PHONE.e164, direction: "outbound" }, orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
}

const says = (xml: string) => [...xml.matchAll(/<Say[^>]*>([^<]*)<\/Say>/g)].map((m) => m[1]!);
/** The reference as the German voice spells it, one <Say> per character. */
const spokenAs = (code: string) => [...code].map((c) => (/[A-Z]/.test(c) ? getT("de", "voice")(`letters.${c}`) : c));
const containsRun = (list: string[], run: string[]) => list.some((_, i) => run.every((item, j) => list[i + j] === item));

describe("a problem report with a callback", () => {
  it("has one reference: the callback carries the ticket's, and the person was told only that one", async () => {
    expect(callback.reference).toBe(R);
    expect(reported.callback?.reference).toBe(R);
    const confirmation = await db.message.findFirstOrThrow({ where: { toPhone: PHONE.e164, template: "ticketCreatedCallback" } });
    expect(confirmation.body).toContain(R);
    // Nothing else was sent about it: no second message with another code.
    expect(await db.message.count({ where: { toPhone: PHONE.e164, direction: "outbound" } })).toBe(1);
    expect(await ownReferences(citizen, PHONE.e164)).toEqual([R]);
  });

  it("answers on the status page with the ticket and the planned call", async () => {
    const found = await checkRequestStatus(citizen, StatusCheckInput.parse({ reference: R, phoneLast4: PHONE.e164.slice(-4) }));
    expect(found).toMatchObject({ kind: "ticket", reference: R, status: "new", callback: { status: "scheduled", scheduledAt: new Date("2026-11-24T09:00:00Z") } });
    // What the page gets: the call's time beside the ticket's state.
    expect(statusView(found!, "https://example.org").callback).toEqual({ status: "scheduled", at: "2026-11-24T09:00:00.000Z", windows: expect.any(Array) });
  });

  it("answers SMS STATUS with the ticket and when we call", async () => {
    const answer = await sms(`STATUS ${R}`);
    expect(answer.template).toBe("smsStatusTicket");
    expect(answer.body).toContain(R);
    expect(answer.body).toContain("Wir rufen Sie am Dienstag, 24. November 2026");
  });

  it("answers the voice menu's status with the ticket and the planned call", async () => {
    const xml = await voiceStep(citizen, { query: new URLSearchParams("step=status&lng=de&try=1"), params: { From: PHONE.e164, Digits: keypadDigits(R) } });
    const spoken = says(xml).join(" ");
    expect(spoken).toContain("ist eingegangen");
    expect(spoken).toContain("Ihr Rückruf ist geplant.");
    expect(spoken).toContain("Dienstag, 24. November 2026");
  });

  it("gives the same reference when the person asks again by SMS HILFE or in the voice menu", async () => {
    const help = await sms("HILFE");
    expect(help.body).toContain(R);
    const xml = await voiceStep(citizen, { query: new URLSearchParams("step=callback&lng=de"), params: { From: PHONE.e164, CallSid: "CA0000000000000000000000000000one" } });
    expect(containsRun(says(xml), spokenAs(R))).toBe(true);
    expect(await db.callback.count({ where: { person: { phone: PHONE.e164 } } })).toBe(1);
  });

  it("names the same reference in the call's own messages", async () => {
    await recordAttempt(helperCtx, callback.id, { outcome: "no_answer" });
    const missed = await db.message.findFirstOrThrow({ where: { toPhone: PHONE.e164, template: { startsWith: "callbackMissed" } } });
    expect(missed.body).toContain(R);
  });
});

describe("a new reference", () => {
  it("is one no request of any kind has yet", async () => {
    // A fake transaction in which the first code drawn is already a callback's: a ticket must not get it too.
    const drawn: string[] = [];
    const table = (name: ReferencedTable) => ({
      findUnique: async ({ where }: { where: { reference: string } }) => {
        if (!drawn.includes(where.reference)) drawn.push(where.reference);
        return name === "callback" && where.reference === drawn[0] ? { id: "taken" } : null;
      },
    });
    const tx = Object.fromEntries((["appointment", "callback", "dayWait", "loan", "reservation", "ticket"] as const).map((n) => [n, table(n)]));
    const reference = await uniqueReference(tx as never);
    expect(drawn).toHaveLength(2);
    expect(reference).toBe(drawn[1]);
  });
});
