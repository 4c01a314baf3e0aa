// Rectification (Art. 16): staff correct a person's name, number, language and contact preference — only someone
// they may see, never onto another person's number, and the audit names the fields but not the values.
import { describe, expect, it } from "vitest";
import { correctPerson, CorrectPersonInput } from "~/capabilities/people/rectification.server";
import { createTestServices } from "../helpers/db";
import { makeLocation, makePerson, makeStaff, staffContext } from "../helpers/factories";

const services = await createTestServices();
const { db } = services;
const here = await makeLocation(db);
const elsewhere = await makeLocation(db);
const volunteer = staffContext(services, await makeStaff(db, { role: "volunteer", locationIds: [here.id] }));
const input = (over: Record<string, string> = {}) =>
  CorrectPersonInput.parse({ firstName: "Hildegard", lastNameInitial: "k", phone: "0151 12 99 00 11", language: "ar", contactPreference: "sms", ...over });

describe("correcting a person's details", () => {
  it("stores the correction and logs which fields changed, without their values", async () => {
    const person = await makePerson(db, { firstName: "Hilde", knownAt: here.id });
    const changed = await correctPerson(volunteer, person.id, input());
    expect(changed.sort()).toEqual(["firstName", "language", "lastNameInitial", "phone"]);
    expect(await db.person.findUniqueOrThrow({ where: { id: person.id } })).toMatchObject({
      firstName: "Hildegard",
      lastNameInitial: "K",
      phone: "+4915112990011",
      language: "ar",
      contactPreference: "sms",
    });
    const entry = await db.auditEntry.findFirstOrThrow({ where: { action: "person.corrected", subjectId: person.id } });
    expect(entry.actorId).toBe(volunteer.actor.staffId);
    expect(JSON.parse(entry.details).fields.split(",").sort()).toEqual(changed.sort());
    expect(entry.details).not.toMatch(/Hildegard|4915112990011|\bar\b/);
  });

  it("a landline is called, whatever was chosen; saving the same details again changes and logs nothing", async () => {
    const person = await makePerson(db, { knownAt: here.id });
    await correctPerson(volunteer, person.id, input({ phone: "0421 361 0", firstName: person.firstName, lastNameInitial: "", language: "de" }));
    expect(await db.person.findUniqueOrThrow({ where: { id: person.id } })).toMatchObject({ phoneType: "landline", contactPreference: "voice" });
    const entries = await db.auditEntry.count({ where: { action: "person.corrected", subjectId: person.id } });
    expect(await correctPerson(volunteer, person.id, input({ phone: "0421 361 0", firstName: person.firstName, lastNameInitial: "", language: "de", contactPreference: "voice" }))).toEqual([]);
    expect(await db.auditEntry.count({ where: { action: "person.corrected", subjectId: person.id } })).toBe(entries);
  });

  it("refuses another person's number with a clear message and changes nothing", async () => {
    const person = await makePerson(db, { firstName: "Anna", knownAt: here.id });
    const other = await makePerson(db, { knownAt: elsewhere.id });
    await expect(correctPerson(volunteer, person.id, input({ phone: other.phone }))).rejects.toMatchObject({ status: 409, messageKey: "tickets:person.edit.errors.phoneTaken" });
    expect((await db.person.findUniqueOrThrow({ where: { id: person.id } })).firstName).toBe("Anna");
  });

  it("is refused like an unknown person for someone the staff member may not see", async () => {
    const stranger = await makePerson(db, { firstName: "Fremd", knownAt: elsewhere.id });
    await expect(correctPerson(volunteer, stranger.id, input())).rejects.toMatchObject({ status: 404 });
    expect((await db.person.findUniqueOrThrow({ where: { id: stranger.id } })).firstName).toBe("Fremd");
  });

  it("names what is wrong in the form", () => {
    const errors = (over: Record<string, string>) =>
      Object.values(CorrectPersonInput.safeParse({ firstName: "A", phone: "0151 12345678", language: "de", contactPreference: "sms", ...over }).error?.issues ?? []).map((i) => i.message);
    expect(errors({ lastNameInitial: "Mü" })).toEqual(["tickets:person.edit.errors.initial"]);
    expect(errors({ language: "xx" })).toEqual(["tickets:person.edit.errors.language"]);
    expect(errors({ contactPreference: "fax" })).toEqual(["tickets:person.edit.errors.contact"]);
    expect(errors({ phone: "123" })).toEqual(["common:errors.phoneInvalid"]);
    expect(errors({ firstName: " " })).toEqual(["common:errors.firstNameRequired"]);
  });
});
