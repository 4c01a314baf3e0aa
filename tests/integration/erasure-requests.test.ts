// A citizen asks for erasure on the web, by SMS (LÖSCHEN / DELETE / احذف) or on the phone (staff note it): each
// becomes one task for staff — a ticket in the "Datenschutz" category — and nothing is deleted. The answer is the
// same whether the number is known or not; for an unknown number nothing is stored about the request.
import { describe, expect, it } from "vitest";
import { parseKeyword, receiveSms } from "~/capabilities/phone/inbound-sms.server";
import { ErasureRequestInput, recordErasureRequestByPhone, requestErasureOnWeb } from "~/capabilities/privacy/erasure-requests.server";
import { withActor } from "~/context";
import { createTestServices } from "../helpers/db";
import { makeLocation, makePerson, makeStaff, staffContext } from "../helpers/factories";

const services = await createTestServices("2026-11-23T10:00:00Z");
const { db } = services;
const citizen = withActor(services, { kind: "citizen" });
const place = await makeLocation(db);
const volunteer = staffContext(services, await makeStaff(db, { role: "volunteer", locationIds: [place.id] }));
let sid = 0;
const sms = (from: string, body: string) =>
  receiveSms(withActor(services, { kind: "system", name: "twilio-sms" }), { from, body, messageSid: `SM${String(++sid).padStart(32, "0")}` }, { programmePhone: "+494211234560" });

const tasksOf = (personId: string) =>
  db.ticket.findMany({ where: { personId, category: { key: "privacy" } }, include: { events: true } });

async function everythingOf(personId: string) {
  return {
    person: await db.person.count({ where: { id: personId } }),
    walkIns: await db.walkIn.count({ where: { personId } }),
    otherTickets: await db.ticket.count({ where: { personId, NOT: { category: { key: "privacy" } } } }),
  };
}

describe("asking for erasure", () => {
  it("on the web: one task for a known number, however often the same form is sent; nothing deleted", async () => {
    const person = await makePerson(db, { phone: "+4915170000001", knownAt: place.id });
    await db.ticket.create({ data: { reference: "AC3KM9", personId: person.id, channel: "web", description: "Tablet" } });
    const before = await everythingOf(person.id);
    const input = ErasureRequestInput.parse({ phone: "0151 7000 0001", reference: "ac3km9", idempotencyKey: "erasure-form-0001" });
    await requestErasureOnWeb(citizen, input);
    await requestErasureOnWeb(citizen, input);
    const tasks = await tasksOf(person.id);
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({ channel: "web", priority: "high", status: "new" });
    expect(tasks[0].description).toContain("Art. 17");
    expect(tasks[0].description).toContain("AC3KM9");
    expect(await everythingOf(person.id)).toEqual(before);
    // A second form while the first is open: still one task.
    await requestErasureOnWeb(citizen, { ...input, idempotencyKey: "erasure-form-0002" });
    expect(await tasksOf(person.id)).toHaveLength(1);
  });

  it("on the web for an unknown number: nothing is stored, no person is made", async () => {
    const people = await db.person.count();
    const tickets = await db.ticket.count();
    await requestErasureOnWeb(citizen, ErasureRequestInput.parse({ phone: "0151 7000 0999", idempotencyKey: "erasure-form-0003" }));
    expect(await db.person.count()).toBe(people);
    expect(await db.ticket.count()).toBe(tickets);
  });

  it("refuses a reference that cannot be one, with a translated message", () => {
    const result = ErasureRequestInput.safeParse({ phone: "0151 7000 0001", reference: "XYZ" });
    expect(result.error?.issues.map((i) => i.message)).toEqual(["citizen:erasure.referenceInvalid"]);
  });

  it("by SMS: LÖSCHEN, DELETE and احذف are the keyword", () => {
    for (const text of ["LÖSCHEN", "löschen", "Loeschen bitte", "DELETE", "delete.", "احذف"]) expect(parseKeyword(text)?.keyword).toBe("erase");
    expect(parseKeyword("Löschen Sie bitte nichts")?.keyword).toBe("erase");
    expect(parseKeyword("Mein Tablet löscht Fotos")).toBeNull();
  });

  it("by SMS: one task for a known number, and the same answer as for an unknown one", async () => {
    const person = await makePerson(db, { phone: "+4915170000002", knownAt: place.id });
    const before = await everythingOf(person.id);
    const known = await sms("+4915170000002", "LÖSCHEN");
    expect(known).toMatchObject({ outcome: "erasureRequested", personId: person.id });
    await sms("+4915170000002", "löschen");
    const tasks = await tasksOf(person.id);
    expect(tasks).toHaveLength(1);
    expect(tasks[0].channel).toBe("sms");
    expect(await everythingOf(person.id)).toEqual(before);

    const people = await db.person.count();
    const unknown = await sms("+4915170000998", "DELETE");
    expect(unknown).toMatchObject({ outcome: "erasureRequested", personId: null, ticketId: null });
    expect(await db.person.count()).toBe(people);
    const answers = await db.message.findMany({ where: { template: "erasureRequestReceived" }, orderBy: { createdAt: "asc" } });
    expect(answers.map((m) => m.toPhone)).toEqual(["+4915170000002", "+4915170000002", "+4915170000998"]);
    // Neither answer says whether the number is known: the first answer to each number has the same words (both
    // German here; a number's first SMS also carries the privacy link, so the known number's second one is shorter).
    expect(answers[2].body).toBe(answers[0].body);
  });

  it("on the phone: staff note it on the person page — one task, audit-logged, nothing deleted", async () => {
    const person = await makePerson(db, { phone: "+4915170000003", knownAt: place.id });
    const before = await everythingOf(person.id);
    const first = await recordErasureRequestByPhone(volunteer, person.id);
    const again = await recordErasureRequestByPhone(volunteer, person.id);
    expect(first.filed).toBe(true);
    expect(again).toMatchObject({ filed: false, reference: first.reference });
    const tasks = await tasksOf(person.id);
    expect(tasks).toHaveLength(1);
    expect(tasks[0].channel).toBe("phone");
    expect(tasks[0].events[0].actorId).toBe(volunteer.actor.staffId);
    expect(await db.auditEntry.count({ where: { action: "person.erasureRequested", subjectId: person.id } })).toBe(1);
    expect(await everythingOf(person.id)).toEqual(before);
  });

  it("on the phone for someone the staff member may not see: refused like an unknown person", async () => {
    const elsewhere = await makeLocation(db);
    const stranger = await makePerson(db, { phone: "+4915170000004", knownAt: elsewhere.id });
    await expect(recordErasureRequestByPhone(volunteer, stranger.id)).rejects.toMatchObject({ status: 404 });
    expect(await tasksOf(stranger.id)).toHaveLength(0);
  });
});
