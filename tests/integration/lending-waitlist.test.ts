import { beforeEach, describe, expect, it } from "vitest";

import {
  AddToWaitingListInput,
  askToBorrow,
  AskToBorrowInput,
  cancelReservation,
  MoveInput,
  moveOnWaitingList,
  pruneClosedReservations,
} from "~/capabilities/lending/waiting-list.server";
import { answerOffer, expireOffers, offerFreeDevices } from "~/capabilities/lending/waiting-list-offers.server";
import { getReservation, listWaitingList } from "~/capabilities/lending/waiting-list-queries.server";
import { withActor } from "~/context";
import { AppError } from "~/lib/errors";
import { lendingOffers } from "../../jobs/lending-offers";
import { handlers, schedule } from "../../jobs/registry";
import { createTestServices } from "../helpers/db";
import { makeLocation, makeStaff, staffContext } from "../helpers/factories";

const START = "2026-11-23T10:00:00Z"; // a Monday, 11:00 in Berlin
const services = await createTestServices(START);
const { db, clock } = services;
beforeEach(() => clock.set(START));

const staff = (row: Parameters<typeof staffContext>[1]) => staffContext(services, row);
const citizen = withActor(services, { kind: "citizen" });
const system = withActor(services, { kind: "system", name: "test" });
const coordinator = staff(await makeStaff(db, { role: "coordinator" }));

let phoneCounter = 0;
const freshPhone = () => `0176 55${String(++phoneCounter).padStart(6, "0")}`;

async function place(kind = "care_home") {
  return makeLocation(db, { kind, name: `Haus ${++phoneCounter}` });
}

async function device(locationId: string, status = "available", tag = `T-${++phoneCounter}`) {
  return db.device.create({ data: { assetTag: tag, locationId, model: "Tablet", status } });
}

const ask = (locationId: string, overrides: Record<string, string> = {}) =>
  askToBorrow(
    citizen,
    AskToBorrowInput.parse({ firstName: "Ayşe", phone: freshPhone(), language: "de", contactPreference: "sms", locationId, ...overrides }),
  );

async function expectAppError(promise: Promise<unknown>, status: number, messageKey?: string) {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).status).toBe(status);
  if (messageKey) expect((error as AppError).messageKey).toBe(messageKey);
}

const reservation = (id: string) =>
  db.reservation.findUniqueOrThrow({ where: { id }, include: { events: { orderBy: { at: "asc" } }, person: true } });
const messagesTo = (personId: string, template: string) =>
  db.message.findMany({ where: { personId, template }, orderBy: { createdAt: "asc" } });

describe("asking to borrow", () => {
  it("a web request puts the person at the end of the list, with a reference, a 'joined' entry and a message", async () => {
    const home = await place();
    const first = await ask(home.id);
    const second = await ask(home.id, { wishes: "Videoanrufe <b>mit</b> Enkeln" });
    expect(second).toMatchObject({ created: true, place: 2 });
    expect(second.reference).toMatch(/^[34679ACDEFGHJKMNPQRTUVWXY]{6}$/);
    expect(second.reference).not.toBe(first.reference);
    const row = await reservation(second.reservationId);
    expect(row).toMatchObject({ channel: "web", status: "waiting", position: 2, wishes: "Videoanrufe <b>mit</b> Enkeln" });
    expect(row.events.map((e) => e.kind)).toEqual(["joined"]);
    const [message] = await messagesTo(row.personId, "reservationJoined");
    expect(message!.body).toContain(second.reference);
    expect(message!.body).toContain(home.name);
    expect(message!.body).toContain("sobald ein Tablet frei ist");
  });

  it("a voice message spells the reference out", async () => {
    const home = await place();
    const { reference, reservationId } = await ask(home.id, { contactPreference: "voice" });
    const row = await reservation(reservationId);
    const [message] = await messagesTo(row.personId, "reservationJoined");
    expect(message!.channel).toBe("voice");
    expect(message!.body).toContain(reference.split("").join(" "));
  });

  it("a second request from someone already waiting there creates nothing, keeps their name, and re-sends the reference once a day", async () => {
    const home = await place();
    const phone = freshPhone();
    const first = await ask(home.id, { phone, firstName: "Gisela" });
    const again = await ask(home.id, { phone: phone.replace(/ /g, ""), firstName: "Mallory" });
    const third = await ask(home.id, { phone, firstName: "Gisela" });
    expect(again).toMatchObject({ created: false, reservationId: first.reservationId, reference: first.reference, place: 1 });
    expect(third.reference).toBe(first.reference);
    expect(await db.reservation.count({ where: { locationId: home.id } })).toBe(1);
    const row = await reservation(first.reservationId);
    expect(row.person.firstName).toBe("Gisela");
    expect(row.events.map((e) => e.kind)).toEqual(["joined"]);
    // The first message, and one re-send today, however often the form is sent.
    expect((await messagesTo(row.personId, "reservationJoined")).map((m) => m.body.includes(first.reference))).toEqual([true, true]);
    clock.set("2026-11-24T10:00:00Z");
    await ask(home.id, { phone, firstName: "Gisela" });
    expect(await messagesTo(row.personId, "reservationJoined")).toHaveLength(3);
  });

  it("staff adding someone already waiting are told their place; at another place they get a new one", async () => {
    const home = await place();
    const other = await place("meeting_centre");
    await ask(home.id);
    const phone = freshPhone();
    const mine = await ask(home.id, { phone });
    const input = (locationId: string) =>
      AddToWaitingListInput.parse({ person: { firstName: "Heinz", phone, language: "de", contactPreference: "sms" }, channel: "phone", locationId });
    const answer = await askToBorrow(coordinator, input(home.id));
    expect(answer).toMatchObject({ created: false, reservationId: mine.reservationId, place: 2 });
    const elsewhere = await askToBorrow(coordinator, input(other.id));
    expect(elsewhere).toMatchObject({ created: true, place: 1 });
    expect((await reservation(elsewhere.reservationId)).channel).toBe("phone");
    expect(await db.auditEntry.count({ where: { action: "reservation.created", subjectId: elsewhere.reservationId } })).toBe(1);
  });

  it("only meeting centres and care homes lend", async () => {
    const library = await place("library");
    await expectAppError(ask(library.id), 400, "waitlist:errors.locationNotLending");
    await expectAppError(ask("no-such-place"), 400, "waitlist:errors.locationNotLending");
    expect(await db.reservation.count({ where: { locationId: library.id } })).toBe(0);
    expect(AskToBorrowInput.safeParse({ firstName: "A", phone: "0176 1234567", locationId: "" }).error?.issues[0]?.message).toBe(
      "waitlist:errors.locationRequired",
    );
    expect(
      AskToBorrowInput.safeParse({ firstName: "A", phone: "0176 1234567", locationId: library.id, wishes: "x".repeat(501) }).error?.issues[0]?.message,
    ).toBe("waitlist:errors.wishesTooLong");
  });

  it("staff may add people only where they work", async () => {
    const home = await place();
    const elsewhere = await place();
    const volunteer = staff(await makeStaff(db, { role: "volunteer", locationIds: [home.id] }));
    const input = AddToWaitingListInput.parse({
      person: { firstName: "Heinz", phone: freshPhone() },
      channel: "walk_in",
      locationId: elsewhere.id,
    });
    await expectAppError(askToBorrow(volunteer, input), 403);
    const ok = await askToBorrow(volunteer, { ...input, locationId: home.id });
    expect((await reservation(ok.reservationId)).channel).toBe("walk_in");
  });
});

describe("the order of the list", () => {
  it("is first come first served, with place numbers and first name + initial only", async () => {
    const home = await place();
    for (const firstName of ["Erste", "Zweite", "Dritte"]) await ask(home.id, { firstName });
    await db.person.updateMany({ where: { firstName: "Zweite" }, data: { lastNameInitial: "K" } });
    const { entries, total } = await listWaitingList(coordinator, { locationId: home.id, page: 1 });
    expect(total).toBe(3);
    expect(entries.map((e) => [e.place, e.firstName, e.lastNameInitial])).toEqual([
      [1, "Erste", null],
      [2, "Zweite", "K"],
      [3, "Dritte", null],
    ]);
    expect(Object.keys(entries[0]!)).not.toContain("phone");
  });

  it("a coordinator moves someone with a reason; the reason, who and from/to are kept; volunteers may not", async () => {
    const home = await place();
    const volunteer = staff(await makeStaff(db, { role: "volunteer", locationIds: [home.id] }));
    const a = await ask(home.id, { firstName: "Anna" });
    const b = await ask(home.id, { firstName: "Bernd" });
    const c = await ask(home.id, { firstName: "Clara" });
    const reason = "Pflegedienst bittet dringend: allein, ohne Kontakt zur Familie";

    await expectAppError(moveOnWaitingList(volunteer, c.reservationId, MoveInput.parse({ placeAfterId: "top", reason })), 403);
    expect(MoveInput.safeParse({ placeAfterId: "top", reason: "  " }).error?.issues[0]?.message).toBe("waitlist:errors.reasonRequired");
    expect(MoveInput.safeParse({ placeAfterId: "top", reason: "kurz" }).error?.issues[0]?.message).toBe("waitlist:errors.reasonRequired");
    expect(MoveInput.safeParse({ reason }).error?.issues[0]?.message).toBe("waitlist:errors.placeRequired");
    expect(MoveInput.safeParse({ placeAfterId: "top", reason: "x".repeat(501) }).error?.issues[0]?.message).toBe("waitlist:errors.reasonTooLong");

    expect(await moveOnWaitingList(coordinator, c.reservationId, MoveInput.parse({ placeAfterId: "top", reason }))).toEqual({ from: 3, to: 1 });
    expect(await moveOnWaitingList(coordinator, a.reservationId, MoveInput.parse({ placeAfterId: b.reservationId, reason: "Anna möchte warten, bis Bernd dran war" }))).toEqual({ from: 2, to: 3 });
    const { entries } = await listWaitingList(coordinator, { locationId: home.id, page: 1 });
    expect(entries.map((e) => e.firstName)).toEqual(["Clara", "Bernd", "Anna"]);

    const moved = await reservation(c.reservationId);
    const event = moved.events.find((e) => e.kind === "moved")!;
    expect(event).toMatchObject({ reason, actorId: coordinator.actor.staffId });
    expect(JSON.parse(event.data)).toEqual({ from: 3, to: 1 });
    expect(await db.auditEntry.count({ where: { action: "reservation.moved", subjectId: c.reservationId } })).toBe(1);
    const audit = await db.auditEntry.findFirstOrThrow({ where: { action: "reservation.moved", subjectId: c.reservationId } });
    expect(audit.details).not.toContain("Pflegedienst");

    // Moving after someone not on this list is refused.
    await expectAppError(moveOnWaitingList(coordinator, a.reservationId, MoveInput.parse({ placeAfterId: "nobody", reason })), 400, "waitlist:errors.placeUnknown");
  });

  it("viewing a place is audit-logged and shows its history", async () => {
    const home = await place();
    const { reservationId } = await ask(home.id);
    const page = await getReservation(coordinator, reservationId);
    expect(page.place).toBe(1);
    expect(page.reservation.events.map((e) => e.kind)).toEqual(["joined"]);
    expect(await db.auditEntry.count({ where: { action: "reservation.viewed", subjectId: reservationId } })).toBe(1);
    const stranger = staff(await makeStaff(db, { role: "volunteer", locationIds: [(await place()).id] }));
    await expectAppError(getReservation(stranger, reservationId), 403);
    await expectAppError(listWaitingList(stranger, { locationId: home.id, page: 1 }), 403);
  });
});

describe("offers", () => {
  it("pair the first waiting person with a free device: device reserved, offer until 18:00 offerDays later, message with the date", async () => {
    const home = await place();
    const first = await ask(home.id, { firstName: "Erste" });
    const second = await ask(home.id, { firstName: "Zweite" });
    const tablet = await device(home.id);
    await device(home.id, "in_repair");

    expect(await offerFreeDevices(system)).toBeGreaterThanOrEqual(1);
    const offered = await reservation(first.reservationId);
    expect(offered).toMatchObject({ status: "offered", offeredDeviceId: tablet.id });
    expect(offered.offeredAt?.toISOString()).toBe(new Date(START).toISOString());
    expect(offered.offerExpiresAt?.toISOString()).toBe("2026-11-26T17:00:00.000Z"); // Thursday 18:00 in Berlin
    expect(offered.events.map((e) => e.kind)).toEqual(["joined", "offered"]);
    expect((await reservation(second.reservationId)).status).toBe("waiting");
    expect((await db.device.findUniqueOrThrow({ where: { id: tablet.id } })).status).toBe("reserved");
    const history = await db.deviceEvent.findFirstOrThrow({ where: { deviceId: tablet.id } });
    expect(JSON.parse(history.data)).toMatchObject({ from: "available", to: "reserved", reservationId: first.reservationId });

    const [message] = await messagesTo(offered.personId, "deviceOffered");
    expect(message!.body).toContain(home.name);
    expect(message!.body).toContain("Donnerstag, 26. November");
    expect(message!.body).toContain("0421 1234570");
    expect(message!.sendAfter.toISOString()).toBe(new Date(START).toISOString());
  });

  it("the date is in the person's language, and nothing is sent during quiet hours", async () => {
    const home = await place();
    clock.set("2026-11-23T21:30:00Z"); // 22:30 in Berlin
    const { reservationId } = await ask(home.id, { language: "en" });
    await device(home.id);
    await offerFreeDevices(system);
    const row = await reservation(reservationId);
    const [joined] = await messagesTo(row.personId, "reservationJoined");
    const [offer] = await messagesTo(row.personId, "deviceOffered");
    expect(offer!.body).toContain("Thursday, November 26");
    expect(offer!.sendAfter.toISOString()).toBe("2026-11-24T08:00:00.000Z"); // 09:00 in Berlin
    expect(joined!.sendAfter.toISOString()).toBe("2026-11-24T08:00:00.000Z");
  });

  it("nobody is offered anything when no device is free", async () => {
    const home = await place();
    const { reservationId } = await ask(home.id);
    await device(home.id, "on_loan");
    await device(home.id, "needs_reset");
    await offerFreeDevices(system);
    expect((await reservation(reservationId)).status).toBe("waiting");
    expect(await db.message.count({ where: { template: "deviceOffered", person: { reservations: { some: { id: reservationId } } } } })).toBe(0);
  });

  it("a device at one place is not offered to someone waiting at another", async () => {
    const home = await place();
    const centre = await place("meeting_centre");
    const { reservationId } = await ask(home.id);
    const tablet = await device(centre.id);
    await offerFreeDevices(system);
    expect((await reservation(reservationId)).status).toBe("waiting");
    expect((await db.device.findUniqueOrThrow({ where: { id: tablet.id } })).status).toBe("available");
  });

  it("an offer not answered in time expires and the device goes to the next person", async () => {
    const home = await place();
    const first = await ask(home.id);
    const second = await ask(home.id);
    const tablet = await device(home.id);
    await offerFreeDevices(system);

    clock.set("2026-11-26T16:59:00Z");
    expect(await expireOffers(system)).toBe(0);
    clock.set("2026-11-26T17:00:00Z");
    expect(await expireOffers(system)).toBeGreaterThanOrEqual(1);
    const expired = await reservation(first.reservationId);
    expect(expired).toMatchObject({ status: "expired", offeredDeviceId: null });
    expect(expired.events.map((e) => e.kind)).toEqual(["joined", "offered", "offer_expired"]);
    expect((await db.device.findUniqueOrThrow({ where: { id: tablet.id } })).status).toBe("available");
    const [ended] = await messagesTo(expired.personId, "offerExpired");
    expect(ended!.body).toContain("abgelaufen");

    await offerFreeDevices(system);
    expect(await reservation(second.reservationId)).toMatchObject({ status: "offered", offeredDeviceId: tablet.id });
    expect((await reservation(first.reservationId)).status).toBe("expired");
  });

  it("accepted keeps the device reserved; declined frees it for the next person", async () => {
    const home = await place();
    const volunteer = staff(await makeStaff(db, { role: "volunteer", locationIds: [home.id] }));
    const first = await ask(home.id);
    const second = await ask(home.id);
    const third = await ask(home.id);
    const [one, two] = [await device(home.id), await device(home.id)];
    await offerFreeDevices(system);
    expect((await reservation(third.reservationId)).status).toBe("waiting");

    await answerOffer(volunteer, first.reservationId, { answer: "accepted" });
    expect((await reservation(first.reservationId)).status).toBe("accepted");
    expect((await db.device.findUniqueOrThrow({ where: { id: one.id } })).status).toBe("reserved");
    await expectAppError(answerOffer(volunteer, first.reservationId, { answer: "accepted" }), 409, "waitlist:errors.noOffer");

    await answerOffer(volunteer, second.reservationId, { answer: "declined", note: "Hat schon ein Gerät von der Tochter" });
    const declined = await reservation(second.reservationId);
    expect(declined.status).toBe("declined");
    expect(declined.events.at(-1)).toMatchObject({ kind: "declined", reason: "Hat schon ein Gerät von der Tochter" });
    expect((await db.device.findUniqueOrThrow({ where: { id: two.id } })).status).toBe("available");
    await offerFreeDevices(system);
    expect(await reservation(third.reservationId)).toMatchObject({ status: "offered", offeredDeviceId: two.id });
    expect(await db.auditEntry.count({ where: { action: "reservation.declined", subjectId: second.reservationId } })).toBe(1);
  });

  it("cancelling frees an offered device; a cancelled place cannot be cancelled again", async () => {
    const home = await place();
    const first = await ask(home.id);
    const tablet = await device(home.id);
    await offerFreeDevices(system);
    await cancelReservation(coordinator, first.reservationId, { note: "Zieht zu den Kindern" });
    expect(await reservation(first.reservationId)).toMatchObject({ status: "cancelled", offeredDeviceId: null });
    expect((await db.device.findUniqueOrThrow({ where: { id: tablet.id } })).status).toBe("available");
    await expectAppError(cancelReservation(coordinator, first.reservationId, {}), 409, "waitlist:errors.notOpen");
    // Cancelled, they may ask again and get a new place.
    const row = await reservation(first.reservationId);
    const again = await ask(home.id, { phone: row.person.phone });
    expect(again.created).toBe(true);
  });

  it("the job runs every minute, and running it twice offers nothing twice", async () => {
    expect(schedule).toContainEqual({ type: "lending.offers", cron: "0 * * * * *" });
    expect(handlers["lending.offers"]).toBe(lendingOffers);
    const home = await place();
    const first = await ask(home.id);
    const second = await ask(home.id);
    const tablet = await device(home.id);
    await lendingOffers(services);
    await lendingOffers(services);
    expect(await reservation(first.reservationId)).toMatchObject({ status: "offered", offeredDeviceId: tablet.id });
    expect((await reservation(second.reservationId)).status).toBe("waiting");
    const row = await reservation(first.reservationId);
    expect(await messagesTo(row.personId, "deviceOffered")).toHaveLength(1);
    expect(row.events.filter((e) => e.kind === "offered")).toHaveLength(1);
  });
});

describe("keeping data no longer than needed", () => {
  it("ended requests are deleted with their history a year after they ended; open ones stay", async () => {
    const home = await place();
    const ended = await ask(home.id);
    const waiting = await ask(home.id);
    const recent = await ask(home.id);
    await cancelReservation(coordinator, ended.reservationId, {});
    clock.set("2027-06-01T10:00:00Z");
    await cancelReservation(coordinator, recent.reservationId, {});
    clock.set("2027-11-23T09:00:00Z"); // not yet a full year
    expect(await pruneClosedReservations(services)).toBe(0);
    clock.set("2027-11-24T10:00:00Z");
    expect(await pruneClosedReservations(services)).toBeGreaterThanOrEqual(1);
    expect(await db.reservation.findUnique({ where: { id: ended.reservationId } })).toBeNull();
    expect(await db.reservationEvent.count({ where: { reservationId: ended.reservationId } })).toBe(0);
    expect((await reservation(waiting.reservationId)).status).toBe("waiting");
    expect((await reservation(recent.reservationId)).status).toBe("cancelled");
    expect(schedule.map((s) => s.type)).toContain("lending.pruneReservations");
  });
});
