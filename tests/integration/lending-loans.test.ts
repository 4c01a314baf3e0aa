import { describe, expect, it } from "vitest";

import { sendLoanReminders } from "~/capabilities/lending/loan-reminders.server";
import { extendLoan, getLoan, listLoans, markLoanLost } from "~/capabilities/lending/loans.server";
import { CheckInInput, CheckOutInput } from "~/capabilities/lending/loan-inputs.server";
import { checkInDevice, confirmReset, resolveFollowUp } from "~/capabilities/lending/loan-check-in.server";
import { checkOutDevice } from "~/capabilities/lending/loan-check-out.server";

import { setDeviceStatus } from "~/capabilities/lending/devices.server";
import { AppError } from "~/lib/errors";
import { newReferenceCode } from "~/lib/reference-code";
import { loanPhoto } from "~/capabilities/lending/loan-reads.server";
import { chosenDevice, deviceChoices, findBorrower, fromReservation, performCheckoutStep } from "~/web/check-out.server";
import { agreementPage, checkInPage, loanPage } from "~/web/loan-pages.server";
import { createTestServices } from "../helpers/db";
import { makeLocation, makePerson, makeStaff, staffContext } from "../helpers/factories";

const services = await createTestServices("2026-11-23T10:00:00Z");
const { db, clock } = services;
const centre = await makeLocation(db, { name: "Begegnungszentrum Vahr" });
const other = await makeLocation(db, { name: "Haus am Park" });
const volunteerRow = await makeStaff(db, { role: "volunteer", locationIds: [centre.id] });
const outsiderRow = await makeStaff(db, { role: "volunteer", locationIds: [other.id] });
const coordinatorRow = await makeStaff(db, { role: "coordinator" });
const topic = await db.mentoringTopic.create({ data: { key: "test_wifi", sortOrder: 1 } });
const oldTopic = await db.mentoringTopic.create({ data: { key: "test_old", active: false, sortOrder: 2 } });

/** Someone the centre knows, so its volunteers may lend to them (a person from elsewhere is refused like an unknown one). */
const knownPerson = (overrides: Parameters<typeof makePerson>[1] = {}) => makePerson(db, { knownAt: centre.id, ...overrides });

const staff = (row: Parameters<typeof staffContext>[1]) => staffContext(services, row);
const volunteer = staff(volunteerRow);
const outsider = staff(outsiderRow);
const coordinator = staff(coordinatorRow);

let tags = 0;
async function makeDevice(status = "available", locationId = centre.id) {
  tags++;
  return db.device.create({
    data: { assetTag: `T-${tags}`, locationId, model: "Galaxy Tab A9+", status, accessories: JSON.stringify(["charger", "case"]) },
  });
}

let keys = 0;
const checkOutForm = (overrides: Record<string, unknown> = {}) =>
  CheckOutInput.parse({
    deviceId: "",
    mentorId: volunteerRow.id,
    checklist: ["charged", "accessoriesPresent", "accountExplained", "simActive"],
    learningGoals: [topic.id],
    agreementMode: "on_screen",
    agreementAccepted: "on",
    idempotencyKey: `key-out-${++keys}-xxxxxxxx`,
    ...overrides,
  });

async function lend(overrides: Record<string, unknown> = {}) {
  const device = await makeDevice();
  const person = await knownPerson();
  const loan = await checkOutDevice(volunteer, checkOutForm({ deviceId: device.id, personId: person.id, ...overrides }));
  return { device, person, loan };
}

const checkInForm = (overrides: Record<string, unknown> = {}) =>
  CheckInInput.parse({
    accessoriesComplete: "yes",
    condition: "good",
    factoryReset: "yes",
    accountRemoved: "yes",
    sim: "deactivated",
    achievedGoals: [topic.id],
    outcome: "returned",
    idempotencyKey: `key-in-${++keys}-xxxxxxxx`,
    ...overrides,
  });

async function expectAppError(promise: Promise<unknown>, status: number, messageKey?: string) {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).status).toBe(status);
  if (messageKey) expect((error as AppError).messageKey).toBe(messageKey);
}

describe("check-out", () => {
  it("lends an available device to a new person: device on loan with history, a message, an audit entry", async () => {
    const device = await makeDevice();
    const result = await checkOutDevice(
      volunteer,
      checkOutForm({
        deviceId: device.id,
        person: { firstName: "Erika", phone: "0151 5550 9999", language: "de", contactPreference: "sms" },
      }),
    );
    const loan = await db.loan.findUniqueOrThrow({ where: { id: result.id }, include: { person: true } });
    expect(loan).toMatchObject({ status: "active", activeDeviceId: device.id, handedOutById: volunteerRow.id, mentorId: volunteerRow.id });
    expect(loan.reference).toMatch(/^[34679ACDEFGHJKMNPQRTUVWXY]{6}$/);
    expect(loan.person).toMatchObject({ firstName: "Erika", phone: "+4915155509999" });
    // Default: the location's 8 weeks, due at 18:00 Berlin.
    expect(loan.dueAt.toISOString()).toBe("2027-01-18T17:00:00.000Z");
    expect(JSON.parse(loan.learningGoals)).toEqual([{ topicId: topic.id, achieved: null }]);
    expect((await db.device.findUniqueOrThrow({ where: { id: device.id } })).status).toBe("on_loan");
    const events = await db.deviceEvent.findMany({ where: { deviceId: device.id } });
    expect(events.map((e) => [e.kind, e.loanId, JSON.parse(e.data).to])).toEqual([["checked_out", loan.id, "on_loan"]]);
    const message = await db.message.findFirstOrThrow({ where: { personId: loan.personId, template: "loanCheckedOut" } });
    expect(message.body).toContain(loan.reference);
    expect(message.body).toContain("Galaxy Tab A9+");
    expect(message.body).toContain("18. Januar 2027");
    expect(await db.auditEntry.count({ where: { action: "loan.checkedOut", subjectId: loan.id } })).toBe(1);
  });

  it("a loan made in the evening tells the person the next morning", async () => {
    clock.set("2026-11-23T19:30:00Z"); // 20:30 in Berlin
    const { person } = await lend();
    const message = await db.message.findFirstOrThrow({ where: { personId: person.id, template: "loanCheckedOut" } });
    expect(message.sendAfter.toISOString()).toBe("2026-11-24T08:00:00.000Z");
    clock.set("2026-11-23T10:00:00Z");
  });

  it("names every checklist item that is not ticked", () => {
    const parsed = CheckOutInput.safeParse({
      deviceId: "x",
      mentorId: "y",
      checklist: ["charged", "simActive"],
      agreementMode: "paper",
          agreementAcceptedAt: clock.now(),
      agreementAccepted: "on",
      idempotencyKey: "abcdefghij",
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues.map((i) => i.message)).toEqual([
      "loans:errors.checklistMissing.accessoriesPresent",
      "loans:errors.checklistMissing.accountExplained",
    ]);
  });

  it("refuses a missing checklist item and an unaccepted agreement in the capability too", async () => {
    const device = await makeDevice();
    const person = await knownPerson();
    const form = { ...checkOutForm({ deviceId: device.id, personId: person.id }), checklist: ["charged" as const] };
    await expectAppError(checkOutDevice(volunteer, form), 400, "loans:errors.checklistIncomplete");
    const unaccepted = { ...checkOutForm({ deviceId: device.id, personId: person.id }), agreementAccepted: false };
    await expectAppError(checkOutDevice(volunteer, unaccepted), 400, "loans:errors.agreementNotAccepted");
    expect((await db.device.findUniqueOrThrow({ where: { id: device.id } })).status).toBe("available");
  });

  it("refuses a due date in the past or too far ahead, and takes today", async () => {
    const device = await makeDevice();
    const person = await knownPerson();
    await expectAppError(checkOutDevice(volunteer, checkOutForm({ deviceId: device.id, personId: person.id, dueOn: "2026-11-22" })), 400, "loans:errors.dueInPast");
    await expectAppError(checkOutDevice(volunteer, checkOutForm({ deviceId: device.id, personId: person.id, dueOn: "2027-11-22" })), 400, "loans:errors.dueTooLate");
    const loan = await checkOutDevice(volunteer, checkOutForm({ deviceId: device.id, personId: person.id, dueOn: "2026-11-23" }));
    expect((await db.loan.findUniqueOrThrow({ where: { id: loan.id } })).dueAt.toISOString()).toBe("2026-11-23T17:00:00.000Z");
  });

  it.each([
    ["on_loan", "loans:errors.deviceOnLoan"],
    ["needs_reset", "loans:errors.deviceNeedsReset"],
    ["in_repair", "loans:errors.deviceInRepair"],
    ["retired", "loans:errors.deviceRetired"],
    ["reserved", "loans:errors.deviceReservedForOther"],
  ])("refuses a device that is %s with a clear 409", async (status, key) => {
    const device = await makeDevice(status);
    const person = await knownPerson();
    await expectAppError(checkOutDevice(volunteer, checkOutForm({ deviceId: device.id, personId: person.id })), 409, key);
    expect(await db.loan.count({ where: { deviceId: device.id } })).toBe(0);
  });

  it("refuses a device reserved for someone else, lends it to the person it is reserved for and fulfils the reservation", async () => {
    const device = await makeDevice("reserved");
    const waiting = await knownPerson();
    const someoneElse = await knownPerson();
    const reservation = await db.reservation.create({
      data: { reference: "RSV234", personId: waiting.id, locationId: centre.id, channel: "phone", status: "offered", position: 1, offeredDeviceId: device.id },
    });
    await expectAppError(checkOutDevice(volunteer, checkOutForm({ deviceId: device.id, personId: someoneElse.id })), 409, "loans:errors.deviceReservedForOther");
    const loan = await checkOutDevice(volunteer, checkOutForm({ deviceId: device.id, personId: waiting.id }));
    expect(await db.reservation.findUniqueOrThrow({ where: { id: reservation.id } })).toMatchObject({ status: "fulfilled", loanId: loan.id });
    expect((await db.reservationEvent.findMany({ where: { reservationId: reservation.id } })).map((e) => e.kind)).toEqual(["fulfilled"]);
    expect((await db.device.findUniqueOrThrow({ where: { id: device.id } })).status).toBe("on_loan");
  });

  it("refuses a mentor who does not work at the location, and an inactive learning goal", async () => {
    const device = await makeDevice();
    const person = await knownPerson();
    await expectAppError(checkOutDevice(volunteer, checkOutForm({ deviceId: device.id, personId: person.id, mentorId: outsiderRow.id })), 400, "loans:errors.mentorNotAtLocation");
    await expectAppError(checkOutDevice(volunteer, checkOutForm({ deviceId: device.id, personId: person.id, learningGoals: [oldTopic.id] })), 400, "loans:errors.topicUnknown");
    // A coordinator may mentor anywhere.
    await checkOutDevice(volunteer, checkOutForm({ deviceId: device.id, personId: person.id, mentorId: coordinatorRow.id }));
  });

  it("two volunteers lending one device at the same moment make exactly one loan; the other gets a clear 409", async () => {
    const device = await makeDevice();
    const [a, b] = [await knownPerson(), await knownPerson()];
    const results = await Promise.allSettled([
      checkOutDevice(volunteer, checkOutForm({ deviceId: device.id, personId: a.id })),
      checkOutDevice(coordinator, checkOutForm({ deviceId: device.id, personId: b.id, mentorId: coordinatorRow.id })),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toBeInstanceOf(AppError);
    expect((refused.reason as AppError).status).toBe(409);
    expect(["loans:errors.justLent", "loans:errors.deviceOnLoan"]).toContain((refused.reason as AppError).messageKey);
    expect(await db.loan.count({ where: { deviceId: device.id } })).toBe(1);
    expect(await db.deviceEvent.count({ where: { deviceId: device.id, kind: "checked_out" } })).toBe(1);
  });

  it("the database itself refuses an active loan of a device in need of a reset, in repair, retired or held for someone else", async () => {
    const person = await knownPerson();
    const rawLoan = (deviceId: string, personId = person.id) =>
      db.loan.create({
        data: {
          reference: newReferenceCode(),
          deviceId,
          activeDeviceId: deviceId,
          personId,
          locationId: centre.id,
          status: "active",
          checkedOutAt: clock.now(),
          dueAt: new Date("2026-12-24T17:00:00Z"),
          agreementMode: "paper",
          mentorId: volunteerRow.id,
          handedOutById: volunteerRow.id,
          agreementAcceptedAt: clock.now(),
        },
      });
    for (const status of ["needs_reset", "in_repair", "retired", "reserved"]) {
      const device = await makeDevice(status);
      // The SQLite adapter reports the trigger's abort as a foreign-key violation (P2003); the rows all exist.
      await expect(rawLoan(device.id), status).rejects.toMatchObject({ code: "P2003" });
      expect(await db.loan.count({ where: { deviceId: device.id } })).toBe(0);
    }
    // Held for this very person: allowed (and a returned loan is history, whatever the device's status now).
    const held = await makeDevice("reserved");
    const other = await knownPerson();
    await db.reservation.create({
      data: { reference: newReferenceCode(), personId: other.id, locationId: centre.id, channel: "phone", position: 99, status: "offered", offeredDeviceId: held.id },
    });
    await expect(rawLoan(held.id, person.id)).rejects.toMatchObject({ code: "P2003" });
    await expect(rawLoan(held.id, other.id)).resolves.toMatchObject({ deviceId: held.id });
    const available = await makeDevice("available");
    await expect(rawLoan(available.id)).resolves.toMatchObject({ deviceId: available.id });
    const resetting = await makeDevice("needs_reset");
    await db.loan.create({
      data: { reference: newReferenceCode(), deviceId: resetting.id, personId: person.id, locationId: centre.id, status: "returned", checkedOutAt: clock.now(), dueAt: clock.now(), agreementMode: "paper", agreementAcceptedAt: clock.now(), mentorId: volunteerRow.id, handedOutById: volunteerRow.id },
    });
  });

  it("lending while someone sends the same device to repair: exactly one wins, the other gets a clear 409", async () => {
    for (let round = 0; round < 5; round++) {
      const device = await makeDevice();
      const person = await knownPerson();
      const [lent, repaired] = await Promise.allSettled([
        checkOutDevice(volunteer, checkOutForm({ deviceId: device.id, personId: person.id })),
        setDeviceStatus(coordinator, device.id, { status: "in_repair", note: "Akku bläht sich" }),
      ]);
      const after = await db.device.findUniqueOrThrow({ where: { id: device.id } });
      const loans = await db.loan.count({ where: { deviceId: device.id, status: "active" } });
      if (lent.status === "fulfilled") {
        expect(repaired.status).toBe("rejected");
        expect(((repaired as PromiseRejectedResult).reason as AppError).status).toBe(409);
        expect([after.status, loans]).toEqual(["on_loan", 1]);
      } else {
        expect(repaired.status).toBe("fulfilled");
        expect(lent.reason).toBeInstanceOf(AppError);
        expect((lent.reason as AppError).status).toBe(409);
        expect((lent.reason as AppError).messageKey).toBe("loans:errors.deviceInRepair");
        expect([after.status, loans]).toEqual(["in_repair", 0]);
      }
    }
  });

  it("a replay of the same form (same key) returns the same loan and sends one message", async () => {
    const device = await makeDevice();
    const person = await knownPerson();
    const form = checkOutForm({ deviceId: device.id, personId: person.id });
    const first = await checkOutDevice(volunteer, form);
    const again = await checkOutDevice(volunteer, form);
    expect(again.id).toBe(first.id);
    expect(await db.loan.count({ where: { deviceId: device.id } })).toBe(1);
    expect(await db.message.count({ where: { personId: person.id, template: "loanCheckedOut" } })).toBe(1);
  });

  it("a volunteer of another location may neither lend nor view there", async () => {
    const device = await makeDevice();
    const person = await knownPerson();
    await expectAppError(checkOutDevice(outsider, checkOutForm({ deviceId: device.id, personId: person.id, mentorId: outsiderRow.id })), 403);
    const { loan } = await lend();
    await expectAppError(getLoan(outsider, loan.id), 403);
    await expectAppError(checkInDevice(outsider, loan.id, checkInForm()), 403);
    await expectAppError(listLoans(outsider, { view: "active", locationId: centre.id, page: 1 }), 403);
    const theirs = await listLoans(outsider, { view: "active", page: 1 });
    expect(theirs.loans.every((l) => l.locationId === other.id)).toBe(true);
  });

  it("every view of a loan is audit-logged", async () => {
    const { loan } = await lend();
    await getLoan(volunteer, loan.id);
    await getLoan(volunteer, loan.id);
    expect(await db.auditEntry.count({ where: { action: "loan.viewed", subjectId: loan.id } })).toBe(2);
  });

  it("the agreement comes in the borrower's language (Arabic right to left) and in German large print; paper or screen", async () => {
    const device = await makeDevice();
    const person = await knownPerson({ language: "ar", firstName: "Yusuf" });
    const onScreen = await checkOutDevice(volunteer, checkOutForm({ deviceId: device.id, personId: person.id, dueOn: "2026-12-24" }));
    const own = await agreementPage(volunteer, onScreen.id, "person", 365);
    expect(own).toMatchObject({ variant: "person", lng: "ar", dir: "rtl", borrower: expect.stringContaining("Yusuf") });
    expect(own.text.title).toBe("عقد إعارة جهاز لوحي");
    expect(own.text.acceptedOnScreen).toContain("تمت الموافقة على الشاشة");
    const large = await agreementPage(volunteer, onScreen.id, "large", 365);
    expect(large).toMatchObject({ variant: "large", lng: "de", dir: "ltr" });
    expect(large.text.title).toBe("Leihvertrag für ein Tablet");
    expect(large.text.until).toContain("24. Dezember 2026");
    // The deletion the agreement promises is RETENTION_LOAN_DAYS, the period the retention run keeps.
    expect(large.text.termList).toContain(
      "Datenschutz: Wir speichern Ihren Vornamen, Ihre Telefonnummer, Ihre Sprache und die Ausleihe. Wir löschen diese Angaben, wenn Sie sie nicht mehr brauchen, spätestens ein Jahr nach der Rückgabe.",
    );
    const shorter = await agreementPage(volunteer, onScreen.id, "large", 200);
    expect(shorter.text.termList.at(-1)).toContain("spätestens 200 Tage nach der Rückgabe");

    const paper = await lend({ agreementMode: "paper" });
    const signed = await agreementPage(volunteer, paper.loan.id, "person", 365);
    expect(signed.text.acceptedOnScreen).toBeNull(); // to be signed on the printed sheet
  });

  it("each page that shows a person's loan leaves its own audit entry, naming the page but no personal data", async () => {
    const { loan, person } = await lend();
    const pages = async () =>
      (await db.auditEntry.findMany({ where: { action: "loan.viewed", subjectId: { in: [loan.id, person.id] } }, orderBy: { at: "asc" } })).map(
        (e) => ({ actor: e.actorId, ...JSON.parse(e.details) }),
      );
    await loanPage(volunteer, loan.id);
    await agreementPage(volunteer, loan.id, "person", 365);
    await agreementPage(coordinator, loan.id, "large", 365);
    await checkInPage(volunteer, loan.id, "checkIn");
    await checkInDevice(volunteer, loan.id, {
      ...checkInForm({ condition: "damaged", damageNote: "Kratzer" }),
      photo: { contentType: "image/png", data: new Uint8Array([137, 80, 78, 71]) },
    });
    await checkInPage(volunteer, loan.id, "reset");
    const photo = await db.loanPhoto.findFirstOrThrow({ where: { loanId: loan.id } });
    await loanPhoto(volunteer, loan.id, photo.id);
    // The person page logs its one look as person.viewed (tests/integration/person-record.test.ts).
    expect(await pages()).toEqual([
      { actor: volunteerRow.id, actorKind: "staff", page: "loan" },
      { actor: volunteerRow.id, actorKind: "staff", page: "agreement", variant: "person" },
      { actor: coordinatorRow.id, actorKind: "staff", page: "agreement", variant: "large" },
      { actor: volunteerRow.id, actorKind: "staff", page: "checkIn" },
      { actor: volunteerRow.id, actorKind: "staff", page: "reset" },
      { actor: volunteerRow.id, actorKind: "staff", page: "photo" },
    ]);
    const details = (await db.auditEntry.findMany({ where: { subjectId: { in: [loan.id, person.id] } } })).map((e) => e.details).join(" ");
    expect(details).not.toContain(person.firstName);
    expect(details).not.toContain(person.phone);
    // Refused looks leave nothing behind.
    const before = await db.auditEntry.count({ where: { action: "loan.viewed" } });
    await expectAppError(checkInPage(outsider, loan.id, "checkIn"), 403);
    await expectAppError(loanPhoto(outsider, loan.id, photo.id), 403);
    expect(await db.auditEntry.count({ where: { action: "loan.viewed" } })).toBe(before);
  });

  it("a list of loans (names with devices) is logged once per page with the view and row count", async () => {
    await lend();
    const before = await db.auditEntry.count({ where: { action: "loans.listed" } });
    const list = await listLoans(volunteer, { view: "active", locationId: centre.id, page: 1 });
    const entry = await db.auditEntry.findFirstOrThrow({ where: { action: "loans.listed" }, orderBy: { at: "desc" } });
    expect(await db.auditEntry.count({ where: { action: "loans.listed" } })).toBe(before + 1);
    expect(entry).toMatchObject({ actorId: volunteerRow.id, locationId: centre.id });
    expect(JSON.parse(entry.details)).toMatchObject({ view: "active", page: 1, count: list.loans.length });
  });
});

describe("check-in and after", () => {
  it("a full return: loan returned, device needs a reset, goals marked, reset makes it available", async () => {
    const { device, loan } = await lend();
    await checkInDevice(volunteer, loan.id, checkInForm());
    const returned = await db.loan.findUniqueOrThrow({ where: { id: loan.id } });
    expect(returned).toMatchObject({ status: "returned", activeDeviceId: null, receivedById: volunteerRow.id, outcome: "returned", followUp: null });
    expect(JSON.parse(returned.learningGoals)).toEqual([{ topicId: topic.id, achieved: true }]);
    expect(JSON.parse(returned.checklistIn!)).toMatchObject({ accessoriesComplete: true, condition: "good", factoryReset: true, sim: "deactivated" });
    expect((await db.device.findUniqueOrThrow({ where: { id: device.id } })).status).toBe("needs_reset");
    await expectAppError(confirmReset(volunteer, loan.id, { factoryReset: true, accountsRemoved: true, charged: true }).then(() => confirmReset(volunteer, loan.id, { factoryReset: true, accountsRemoved: true, charged: true })), 409, "loans:errors.resetNotNeeded");
    expect((await db.device.findUniqueOrThrow({ where: { id: device.id } })).status).toBe("available");
    const kinds = (await db.deviceEvent.findMany({ where: { deviceId: device.id }, orderBy: { at: "asc" } })).map((e) => e.kind);
    expect(kinds).toEqual(["checked_out", "checked_in", "reset_confirmed"]);
  });

  it("a partial return keeps a follow-up open until it is resolved", async () => {
    const { loan } = await lend();
    await checkInDevice(volunteer, loan.id, checkInForm({ accessoriesComplete: "no", missingAccessories: ["charger"] }));
    const open = await listLoans(volunteer, { view: "followUps", page: 1 });
    expect(open.loans.map((l) => l.id)).toContain(loan.id);
    expect((await db.loan.findUniqueOrThrow({ where: { id: loan.id } })).followUp).toBe("charger");
    await resolveFollowUp(volunteer, loan.id, { note: "Ladegerät nachgebracht" });
    expect((await listLoans(volunteer, { view: "followUps", page: 1 })).loans.map((l) => l.id)).not.toContain(loan.id);
    await expectAppError(resolveFollowUp(volunteer, loan.id, {}), 409, "loans:errors.noFollowUp");
  });

  it("asks which accessories are missing and for a note on damage", () => {
    const parsed = CheckInInput.safeParse({
      accessoriesComplete: "no",
      condition: "damaged",
      factoryReset: "yes",
      accountRemoved: "no",
      sim: "none",
      outcome: "returned",
      idempotencyKey: "abcdefghij",
    });
    expect(parsed.error!.issues.map((i) => i.message)).toEqual(["loans:errors.missingAccessoriesRequired", "loans:errors.damageNoteRequired"]);
  });

  it("stores a damage photo; refuses other types and big files", async () => {
    const { loan } = await lend();
    const form = checkInForm({ condition: "damaged", damageNote: "Sprung im Glas" });
    await expectAppError(checkInDevice(volunteer, loan.id, { ...form, photo: { contentType: "image/gif", data: new Uint8Array(10) } }), 400, "loans:errors.photoType");
    await expectAppError(checkInDevice(volunteer, loan.id, { ...form, photo: { contentType: "image/jpeg", data: new Uint8Array(5 * 1024 * 1024 + 1) } }), 400, "loans:errors.photoTooLarge");
    await checkInDevice(volunteer, loan.id, { ...form, photo: { contentType: "image/png", data: new Uint8Array([137, 80, 78, 71]) } });
    const photos = await db.loanPhoto.findMany({ where: { loanId: loan.id } });
    expect(photos.map((p) => [p.contentType, p.data.length])).toEqual([["image/png", 4]]);
  });

  it("returning twice is refused with 409; a replay of the same form answers ok", async () => {
    const { device, loan } = await lend();
    const form = checkInForm();
    await checkInDevice(volunteer, loan.id, form);
    expect(await checkInDevice(volunteer, loan.id, form)).toEqual({ replay: true });
    await expectAppError(checkInDevice(volunteer, loan.id, checkInForm()), 409, "loans:errors.alreadyReturned");
    expect(await db.deviceEvent.count({ where: { deviceId: device.id, kind: "checked_in" } })).toBe(1);
  });

  it("a lost or stolen device retires it and ends the loan", async () => {
    const { device, loan } = await lend();
    await markLoanLost(volunteer, loan.id, { kind: "stolen", note: "Anzeige erstattet" });
    expect(await db.loan.findUniqueOrThrow({ where: { id: loan.id } })).toMatchObject({ status: "stolen", activeDeviceId: null });
    expect((await db.device.findUniqueOrThrow({ where: { id: device.id } })).status).toBe("retired");
    expect((await db.deviceEvent.findFirstOrThrow({ where: { deviceId: device.id, loanId: loan.id, kind: "stolen" } })).data).toContain("retired");
    await expectAppError(checkInDevice(volunteer, loan.id, checkInForm()), 409, "loans:errors.alreadyReturned");
    const lost = await lend();
    await markLoanLost(volunteer, lost.loan.id, { kind: "lost" });
    expect((await db.loan.findUniqueOrThrow({ where: { id: lost.loan.id } })).status).toBe("lost");
  });

  it("an extension needs a later date and tells the person", async () => {
    const { loan, person } = await lend({ dueOn: "2026-12-10" });
    await expectAppError(extendLoan(volunteer, loan.id, { dueOn: "2026-12-09" }), 400, "loans:errors.extendNotLater");
    await expectAppError(extendLoan(volunteer, loan.id, { dueOn: "2026-11-20" }), 400, "loans:errors.dueInPast");
    await extendLoan(volunteer, loan.id, { dueOn: "2026-12-24" });
    const extended = await db.loan.findUniqueOrThrow({ where: { id: loan.id } });
    expect(extended.extendedCount).toBe(1);
    expect(extended.dueAt.toISOString()).toBe("2026-12-24T17:00:00.000Z");
    const message = await db.message.findFirstOrThrow({ where: { personId: person.id, template: "loanExtended" } });
    expect(message.body).toContain("24. Dezember 2026");
  });
});

describe("reminders", () => {
  const reminders = (personId: string) =>
    db.message.findMany({ where: { personId, template: { in: ["loanDueSoon", "loanOverdue"] } }, orderBy: { createdAt: "asc" } });

  it("3 days before, never twice, then on days 1 and 7 after; an extension moves them", async () => {
    clock.set("2026-11-23T10:00:00Z");
    const { loan, person } = await lend({ dueOn: "2026-12-01" }); // due 2026-12-01 18:00 Berlin
    clock.set("2026-11-28T16:00:00Z"); // 3 days + 1 h before
    await sendLoanReminders(services);
    expect(await reminders(person.id)).toHaveLength(0);
    clock.set("2026-11-28T17:30:00Z");
    await sendLoanReminders(services);
    await sendLoanReminders(services);
    const soon = await reminders(person.id);
    expect(soon.map((m) => m.template)).toEqual(["loanDueSoon"]);
    expect(soon[0].body).toContain("1. Dezember 2026");
    expect(soon[0].sendAfter.toISOString()).toBe("2026-11-28T17:30:00.000Z");

    // Extended before the due date: the old reminder no longer applies; new ones follow the new date.
    await db.message.update({ where: { id: soon[0].id }, data: { status: "queued" } });
    await extendLoan(volunteer, loan.id, { dueOn: "2026-12-08" });
    expect((await db.message.findUniqueOrThrow({ where: { id: soon[0].id } })).status).toBe("cancelled");
    clock.set("2026-12-02T12:00:00Z"); // a day after the old date: not overdue any more
    await sendLoanReminders(services);
    expect((await reminders(person.id)).map((m) => m.template)).toEqual(["loanDueSoon"]);
    clock.set("2026-12-05T17:10:00Z");
    await sendLoanReminders(services);
    expect((await reminders(person.id)).map((m) => m.template)).toEqual(["loanDueSoon", "loanDueSoon"]);

    clock.set("2026-12-09T17:10:00Z"); // +1 day
    await sendLoanReminders(services);
    await sendLoanReminders(services);
    clock.set("2026-12-12T10:00:00Z"); // +4 days: nothing new
    await sendLoanReminders(services);
    clock.set("2026-12-15T17:10:00Z"); // +7 days
    await sendLoanReminders(services);
    clock.set("2026-12-20T10:00:00Z");
    await sendLoanReminders(services);
    expect((await reminders(person.id)).map((m) => m.template)).toEqual(["loanDueSoon", "loanDueSoon", "loanOverdue", "loanOverdue"]);
  });

  it("holds an evening reminder until 09:00 the next morning", async () => {
    clock.set("2026-11-23T10:00:00Z");
    const { person } = await lend({ dueOn: "2026-11-30" });
    clock.set("2026-11-27T20:30:00Z"); // 21:30 in Berlin, within 3 days
    await sendLoanReminders(services);
    const [message] = await reminders(person.id);
    expect(message.template).toBe("loanDueSoon");
    expect(message.sendAfter.toISOString()).toBe("2026-11-28T08:00:00.000Z");
  });

  it("a landline gets a spoken reminder in the person's language, a mobile an SMS; both wait for 09:00", async () => {
    clock.set("2026-11-23T10:00:00Z");
    const device = await makeDevice();
    const landline = await knownPerson({ phone: "+494219990011", phoneType: "landline", firstName: "Heinz" });
    await checkOutDevice(volunteer, checkOutForm({ deviceId: device.id, personId: landline.id, dueOn: "2026-11-30" }));
    const other = await makeDevice();
    const mobile = await knownPerson({ language: "en", firstName: "Margaret" });
    await checkOutDevice(volunteer, checkOutForm({ deviceId: other.id, personId: mobile.id, dueOn: "2026-11-30" }));
    clock.set("2026-11-27T20:30:00Z"); // 21:30 in Berlin, within 3 days: quiet hours
    await sendLoanReminders(services);
    const [spoken] = await reminders(landline.id);
    expect(spoken).toMatchObject({ template: "loanDueSoon", channel: "voice" });
    expect(spoken.body).toContain("Guten Tag Heinz");
    expect(spoken.sendAfter.toISOString()).toBe("2026-11-28T08:00:00.000Z");
    const [text] = await reminders(mobile.id);
    expect(text).toMatchObject({ template: "loanDueSoon", channel: "sms" });
    expect(text.body).toContain("November 30, 2026");
    expect(text.sendAfter.toISOString()).toBe("2026-11-28T08:00:00.000Z");
  });

  it("sends nothing for returned loans, and a return cancels a queued reminder", async () => {
    clock.set("2026-11-23T10:00:00Z");
    const { loan, person } = await lend({ dueOn: "2026-11-25" });
    await sendLoanReminders(services);
    const [queued] = await reminders(person.id);
    expect(queued.status).toBe("queued");
    await checkInDevice(volunteer, loan.id, checkInForm());
    expect((await db.message.findUniqueOrThrow({ where: { id: queued.id } })).status).toBe("cancelled");
    clock.set("2026-11-27T10:00:00Z");
    await sendLoanReminders(services);
    expect(await reminders(person.id)).toHaveLength(1);
  });
});

describe("lists", () => {
  it("shows overdue and due-soon loans in their views", async () => {
    clock.set("2026-11-23T10:00:00Z");
    const { loan } = await lend({ dueOn: "2026-11-26" });
    expect((await listLoans(volunteer, { view: "dueSoon", page: 1 })).loans.map((l) => l.id)).toContain(loan.id);
    clock.set("2026-11-28T10:00:00Z");
    const overdue = await listLoans(volunteer, { view: "overdue", locationId: centre.id, page: 1 });
    expect(overdue.loans.find((l) => l.id === loan.id)?.overdue).toBe(true);
    await checkInDevice(volunteer, loan.id, checkInForm());
    expect((await listLoans(volunteer, { view: "returned", page: 1 })).loans.map((l) => l.id)).toContain(loan.id);
  });
});

describe("the check-out page", () => {
  const post = (fields: Record<string, string | string[]>) => {
    const body = new FormData();
    for (const [k, v] of Object.entries(fields)) for (const value of [v].flat()) body.append(k, value);
    return new Request("http://localhost/team/loans/new", { method: "POST", body });
  };

  it("finds people by any German phone format or by first name, never creating anyone", async () => {
    const person = await knownPerson({ phone: "+4915155501111", firstName: "Hildegard" });
    const byPhone = await findBorrower(volunteer, "0151 / 5550-1111");
    expect(byPhone).toMatchObject({ kind: "phone", person: { id: person.id } });
    const byName = await findBorrower(volunteer, "Hilde");
    expect(byName.kind === "name" && byName.matches.map((m) => m.id)).toContain(person.id);
    const unknown = await findBorrower(volunteer, "0151 5550 2222");
    expect(unknown).toMatchObject({ kind: "phone", person: null });
    expect(await db.person.count({ where: { phone: "+4915155502222" } })).toBe(0);
    // Known only at the centre: a volunteer of another place finds her neither by number nor by name.
    expect(await findBorrower(outsider, "0151 / 5550-1111")).toMatchObject({ kind: "phone", person: null });
    const elsewhere = await findBorrower(outsider, "Hilde");
    expect(elsewhere.kind === "name" && elsewhere.matches.map((m) => m.id)).not.toContain(person.id);
  });

  it("offers available devices where the actor works and those held for this person; refuses others at the tag field", async () => {
    const free = await makeDevice();
    const elsewhere = await makeDevice("available", other.id);
    const held = await makeDevice("reserved");
    const person = await knownPerson();
    await db.reservation.create({
      data: { reference: "RSV679", personId: person.id, locationId: centre.id, channel: "web", status: "accepted", position: 2, offeredDeviceId: held.id },
    });
    const ids = (await deviceChoices(volunteer, person.id)).map((d) => d.id);
    expect(ids).toEqual(expect.arrayContaining([free.id, held.id]));
    expect(ids).not.toContain(elsewhere.id);
    expect((await deviceChoices(volunteer)).map((d) => d.id)).not.toContain(held.id);
    expect(await chosenDevice(volunteer, { assetTag: held.assetTag.toLowerCase() }, person.id)).toMatchObject({ device: { id: held.id } });
    expect(await chosenDevice(volunteer, { assetTag: held.assetTag })).toMatchObject({ error: { field: "assetTag", key: "loans:errors.deviceReservedForOther" } });
    expect(await chosenDevice(volunteer, { deviceId: elsewhere.id })).toMatchObject({ error: { key: "loans:errors.deviceElsewhere" } });
    expect(await chosenDevice(volunteer, { assetTag: "NOPE-1" })).toMatchObject({ error: { key: "loans:errors.deviceUnknown" } });

    // From the waiting list: straight to the details with that person and device.
    const reservation = await db.reservation.findFirstOrThrow({ where: { offeredDeviceId: held.id } });
    const start = await fromReservation(volunteer, reservation.id);
    expect(start).toMatchObject({ borrower: { personId: person.id }, options: { device: { id: held.id } } });
    await expectAppError(fromReservation(outsider, reservation.id), 403);
  });

  it("walks the steps for someone new and creates them only with the loan", async () => {
    const device = await makeDevice();
    const step1 = await performCheckoutStep(volunteer, post({ intent: "find", query: "0171 5550 3333" }));
    expect(step1).toMatchObject({ step: "newPerson" });
    const person = { "person.firstName": "Ilse", "person.phone": "+4917155503333", "person.language": "tr", "person.contactPreference": "sms" };
    const step2 = await performCheckoutStep(volunteer, post({ intent: "person", ...person }));
    expect(step2).toMatchObject({ step: "device", borrower: { name: "Ilse" } });
    const step3 = await performCheckoutStep(volunteer, post({ intent: "device", ...person, assetTag: device.assetTag }));
    expect(step3).toMatchObject({ step: "details", options: { device: { id: device.id }, dueOn: expect.any(String) } });
    expect(await db.person.count({ where: { phone: "+4917155503333" } })).toBe(0);
    const done = await performCheckoutStep(
      volunteer,
      post({
        intent: "checkout",
        ...person,
        deviceId: device.id,
        mentorId: volunteerRow.id,
        checklist: ["charged", "accessoriesPresent", "accountExplained", "simActive"],
        agreementMode: "paper",
        agreementAccepted: "on",
        idempotencyKey: "step-key-12345678",
      }),
    );
    expect(done).toMatchObject({ step: "done" });
    const loan = await db.loan.findUniqueOrThrow({ where: { checkOutKey: "step-key-12345678" }, include: { person: true } });
    expect(loan.person).toMatchObject({ firstName: "Ilse", language: "tr" });
    expect(loan.agreementLanguage).toBe("tr");
  });
});
