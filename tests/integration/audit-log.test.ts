// The access log as a data-protection officer uses it: everything done with one person's records (and nothing of
// anyone else's), by staff member and by Berlin days, as a CSV in the reader's language, kept two years.
import { describe, expect, it } from "vitest";
import { audit, exportAuditEntries, listAuditEntries, pruneAuditLog } from "~/capabilities/privacy/audit.server";
import { withActor } from "~/context";
import { getT } from "~/i18n/i18n.server";
import { auditCsv, auditPage, readAuditFilter } from "~/web/audit-page.server";
import { createTestServices } from "../helpers/db";
import { makeLocation, makePerson, makeStaff, staffContext } from "../helpers/factories";

const services = await createTestServices("2026-12-06T10:00:00Z");
const { db } = services;
const place = await makeLocation(db);
const coordinator = staffContext(services, await makeStaff(db, { role: "coordinator" }));
const volunteerRow = await makeStaff(db, { role: "volunteer", locationIds: [place.id] });
const volunteer = staffContext(services, volunteerRow);
const hilde = await makePerson(db, { firstName: "Hildegard" });
const other = await makePerson(db, { firstName: "Otto" });
const ticket = await db.ticket.create({ data: { reference: "AUD3T4", personId: hilde.id, channel: "web", description: "WLAN geht nicht" } });
const othersTicket = await db.ticket.create({ data: { reference: "AUD3T7", personId: other.id, channel: "web", description: "Drucker" } });

/** An entry at a given instant, as `who` (the clock pinned there for it). */
async function entryAt(at: string, who: typeof volunteer, input: Parameters<typeof audit>[2]) {
  await audit({ actor: who.actor, clock: { now: () => new Date(at) } }, db, input);
}

await entryAt("2026-12-01T09:00:00Z", volunteer, { action: "person.viewed", subjectType: "Person", subjectId: hilde.id });
await entryAt("2026-12-02T09:00:00Z", volunteer, { action: "ticket.viewed", subjectType: "Ticket", subjectId: ticket.id, locationId: place.id });
await entryAt("2026-12-03T09:00:00Z", coordinator, { action: "ticket.note", subjectType: "Ticket", subjectId: ticket.id });
await entryAt("2026-12-03T10:00:00Z", volunteer, { action: "ticket.viewed", subjectType: "Ticket", subjectId: othersTicket.id });
await entryAt("2026-12-04T09:00:00Z", volunteer, { action: "device.created", subjectType: "Device", subjectId: "dev1" });

describe("the access log, narrowed", () => {
  it("to one person: their person record and their ticket, named, never someone else's", async () => {
    const { entries, total, person } = await listAuditEntries(coordinator, { page: 1, filter: { personId: hilde.id } });
    expect(person).toBe("Hildegard");
    expect(total).toBe(3);
    expect(entries.map((e) => [e.action, e.person])).toEqual([
      ["ticket.note", "Hildegard"],
      ["ticket.viewed", "Hildegard"],
      ["person.viewed", "Hildegard"],
    ]);
  });

  it("to one staff member and a span of Berlin days, both days included", async () => {
    const { entries } = await listAuditEntries(coordinator, { page: 1, filter: { staffId: volunteerRow.id, fromDay: "2026-12-02", toDay: "2026-12-03" } });
    expect(entries.map((e) => e.action)).toEqual(["ticket.viewed", "ticket.viewed"]);
    expect(entries.map((e) => e.person)).toEqual(["Otto", "Hildegard"]);
  });

  it("counts a day from Berlin midnight to Berlin midnight, also on the day the clocks go forward", async () => {
    await entryAt("2026-03-28T22:59:59Z", volunteer, { action: "closure.added", subjectType: "Closure", subjectId: "c-before" }); // 23:59:59 on the 28th
    await entryAt("2026-03-28T23:00:00Z", volunteer, { action: "closure.added", subjectType: "Closure", subjectId: "c-first" }); // 00:00 on the 29th
    await entryAt("2026-03-29T21:59:59Z", volunteer, { action: "closure.added", subjectType: "Closure", subjectId: "c-last" }); // 23:59:59 CEST
    await entryAt("2026-03-29T22:00:00Z", volunteer, { action: "closure.added", subjectType: "Closure", subjectId: "c-after" }); // the 30th
    const { entries } = await listAuditEntries(coordinator, { page: 1, filter: { fromDay: "2026-03-29", toDay: "2026-03-29" } });
    expect(entries.map((e) => e.subjectId)).toEqual(["c-last", "c-first"]);
  });

  it("is for coordinators and admins only", async () => {
    await expect(listAuditEntries(volunteer, { page: 1 })).rejects.toMatchObject({ status: 403 });
    await expect(exportAuditEntries(volunteer, {}).next()).rejects.toMatchObject({ status: 403 });
  });
});

describe("a filter that is wrong", () => {
  const read = (query: string) => readAuditFilter(new URL(`http://x/team/audit${query}`), [volunteerRow.id]);

  it("names the field and its problem, and the page then shows no entries at all", async () => {
    expect(read("?from=2026-02-30").errors).toEqual([{ fieldId: "audit-from", message: "team:audit.errors.day" }]);
    expect(read("?to=gestern").errors).toEqual([{ fieldId: "audit-to", message: "team:audit.errors.day" }]);
    expect(read("?from=2026-12-05&to=2026-12-01").errors).toEqual([{ fieldId: "audit-to", message: "team:audit.errors.order" }]);
    expect(read("?staff=jemand").errors).toEqual([{ fieldId: "audit-staff", message: "team:audit.errors.staff" }]);
    expect(read(`?person=${"x".repeat(65)}`).errors).toEqual([{ fieldId: "audit-person", message: "team:audit.errors.person" }]);
    const page = await auditPage(coordinator, new Request("http://x/team/audit?from=2026-13-01"), 730);
    expect(page.entries).toEqual([]);
    expect(page.errors).toHaveLength(1);
  });

  it("a person who is no longer stored still finds the entries about them, without a name", async () => {
    const gone = await makePerson(db, { firstName: "Weg" });
    await entryAt("2026-12-05T09:00:00Z", coordinator, { action: "person.viewed", subjectType: "Person", subjectId: gone.id });
    await db.person.delete({ where: { id: gone.id } });
    const { entries, person } = await listAuditEntries(coordinator, { page: 1, filter: { personId: gone.id } });
    expect(person).toBeNull();
    expect(entries.map((e) => [e.action, e.person])).toEqual([["person.viewed", null]]);
  });
});

describe("the CSV export", () => {
  async function csvText(query: string, lng: string) {
    const stream = await auditCsv(coordinator, new Request(`http://x/team/audit/export${query}`), getT(lng, "team"));
    if ("errors" in stream) throw new Error("unexpected errors");
    // Kept with its byte order mark (Response.text() would drop it): Excel needs it to read UTF-8.
    return new TextDecoder("utf-8", { ignoreBOM: true }).decode(await new Response(stream).arrayBuffer());
  }

  it("holds the selected entries with readable labels in the reader's language, and records that it was made", async () => {
    const before = await db.auditEntry.count({ where: { action: "audit.exported" } });
    const text = await csvText(`?person=${hilde.id}`, "de");
    expect(text.startsWith("\uFEFF")).toBe(true);
    const lines = text.slice(1).trimEnd().split("\r\n");
    expect(lines[0]).toBe("Zeitpunkt;Wer;Was;Betrifft;Person;Standort;Einzelheiten");
    expect(lines.slice(1).map((l) => l.split(";").slice(2, 5).join(";"))).toEqual([
      `Person angesehen;Person …${hilde.id.slice(-6)};Hildegard`,
      `Anliegen angesehen;Anliegen …${ticket.id.slice(-6)};Hildegard`,
      `Notiz zum Anliegen;Anliegen …${ticket.id.slice(-6)};Hildegard`,
      // The export is recorded before it is read: the copy says that it was made, and by whom.
      `Zugriffsprotokoll exportiert;Person …${hilde.id.slice(-6)};Hildegard`,
    ]);
    expect(lines[1].startsWith("2026-12-01 10:00:00;")).toBe(true); // Berlin time
    const exported = await db.auditEntry.findMany({ where: { action: "audit.exported" } });
    expect(exported).toHaveLength(before + 1);
    expect(exported.at(-1)).toMatchObject({ actorId: coordinator.actor.staffId, subjectType: "Person", subjectId: hilde.id });
    expect((await csvText(`?person=${hilde.id}`, "en")).split("\r\n")[0]).toBe("\uFEFFWhen;Who;What;Concerns;Person;Location;Details");
  });

  it("never lets a spreadsheet run a cell as a formula", async () => {
    const sly = await makePerson(db, { firstName: "=HYPERLINK(\"http://evil\")" });
    await entryAt("2026-12-05T10:00:00Z", coordinator, { action: "person.viewed", subjectType: "Person", subjectId: sly.id });
    const text = await csvText(`?person=${sly.id}`, "de");
    expect(text).toContain(`"'=HYPERLINK(""http://evil"")"`);
  });

  it("reads a long log in batches, every entry once", async () => {
    const ctx = withActor(services, coordinator.actor);
    for (let i = 0; i < 25; i++) await entryAt(`2026-11-0${1 + (i % 9)}T08:00:00Z`, coordinator, { action: "today.viewed", subjectType: "Location", subjectId: `b${i}` });
    const seen: string[] = [];
    for await (const batch of exportAuditEntries(ctx as typeof coordinator, { fromDay: "2026-11-01", toDay: "2026-11-30" }, 4)) {
      expect(batch.length).toBeLessThanOrEqual(4);
      seen.push(...batch.map((e) => e.subjectId!));
    }
    expect(seen.sort()).toEqual(Array.from({ length: 25 }, (_, i) => `b${i}`).sort());
  });
});

describe("the log's own retention", () => {
  it("deletes entries older than the set number of days, keeps the rest", async () => {
    await entryAt("2024-12-06T09:59:59Z", coordinator, { action: "person.viewed", subjectType: "Person", subjectId: "old" });
    await entryAt("2024-12-06T10:00:01Z", coordinator, { action: "person.viewed", subjectType: "Person", subjectId: "kept" });
    const removed = await pruneAuditLog(services, 730); // the clock: 2026-12-06T10:00Z, 730 days after 2024-12-06T10:00Z
    expect(removed).toBe(1);
    expect(await db.auditEntry.count({ where: { subjectId: "old" } })).toBe(0);
    expect(await db.auditEntry.count({ where: { subjectId: "kept" } })).toBe(1);
  });
});
