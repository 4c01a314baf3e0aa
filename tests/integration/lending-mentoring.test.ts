import { describe, expect, it } from "vitest";

import { planSession, recordSession, SessionInput, updateSession } from "~/capabilities/lending/mentoring.server";
import { mentoringReport } from "~/capabilities/lending/mentoring-report.server";
import { localDayBounds, todayAtLocation } from "~/capabilities/lending/today.server";
import { addTopic, editTopic, listTopics, topicInput } from "~/capabilities/lending/topics.server";

import { AppError } from "~/lib/errors";
import { newReferenceCode } from "~/lib/reference-code";
import { createTestServices } from "../helpers/db";
import { makeLocation, makePerson, makeStaff, staffContext } from "../helpers/factories";

const services = await createTestServices("2026-03-27T12:00:00Z");
const { db, clock } = services;
const centre = await makeLocation(db, { name: "Begegnungszentrum Vahr" });
const home = await makeLocation(db, { name: "Haus am Park", kind: "care_home" });
const volunteerRow = await makeStaff(db, { role: "volunteer", locationIds: [centre.id] });
await db.staff.update({ where: { id: volunteerRow.id }, data: { name: "Petra Lindner" } });
const otherVolunteerRow = await makeStaff(db, { role: "volunteer", locationIds: [home.id] });
const coordinatorRow = await makeStaff(db, { role: "coordinator" });

const staff = (row: Parameters<typeof staffContext>[1]) => staffContext(services, row);
const volunteer = staff(volunteerRow);
const otherVolunteer = staff(otherVolunteerRow);
const coordinator = staff(coordinatorRow);

let tagNo = 0;
async function makeDevice(locationId: string, status = "on_loan") {
  return db.device.create({ data: { assetTag: `T-${++tagNo}`, locationId, model: "Tab", status } });
}

async function makeLoan(
  locationId: string,
  { dueAt = new Date("2026-05-01T10:00:00Z"), status = "active", firstName = "Gisela", followUp = null as string | null, followUpResolvedAt = null as Date | null } = {},
) {
  const device = await makeDevice(locationId, status === "active" ? "on_loan" : "available");
  const person = await makePerson(db, { firstName });
  const checkedOutAt = new Date(clock.now().getTime() - 14 * 86_400_000);
  return db.loan.create({
    data: {
      reference: newReferenceCode(),
      deviceId: device.id,
      activeDeviceId: status === "active" ? device.id : null,
      personId: person.id,
      locationId,
      mentorId: volunteerRow.id,
      status,
      checkedOutAt,
      dueAt,
      returnedAt: status === "active" ? null : clock.now(),
      agreementMode: "paper",
      agreementAcceptedAt: checkedOutAt,
      followUp,
      followUpResolvedAt,
    },
    include: { device: true, person: true },
  });
}

const session = (overrides: Record<string, unknown> = {}) =>
  SessionInput.parse({
    date: "2026-03-26",
    time: "14:00",
    durationMinutes: "60",
    topics: ["topic_wifi", "topic_video_calls"],
    attendance: "attended",
    notes: "WLAN eingerichtet.",
    ...overrides,
  });

async function expectAppError(promise: Promise<unknown>, status: number, messageKey?: string) {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).status).toBe(status);
  if (messageKey) expect((error as AppError).messageKey).toBe(messageKey);
}

const reminders = (personId: string) =>
  db.message.findMany({ where: { personId, template: "mentoringReminder" }, orderBy: { createdAt: "asc" } });

describe("mentoring sessions", () => {
  it("a session planned across the spring DST change is stored in UTC and reminds the day before at 10:00 local", async () => {
    clock.set("2026-03-27T12:00:00Z");
    const loan = await makeLoan(centre.id);
    const planned = await planSession(volunteer, loan.id, session({ date: "2026-03-29", time: "10:00", attendance: "planned", topics: [] }));
    expect(planned.startsAt.toISOString()).toBe("2026-03-29T08:00:00.000Z"); // CEST, UTC+2
    expect(planned.attendance).toBe("planned");
    expect(planned.mentorId).toBe(volunteerRow.id); // the loan's mentor by default
    const [reminder] = await reminders(loan.personId);
    expect(reminder.sendAfter.toISOString()).toBe("2026-03-28T09:00:00.000Z"); // Saturday 10:00 CET, UTC+1
    expect(reminder.status).toBe("queued");
    expect(reminder.body).toContain("10:00");
    expect(reminder.body).toContain("Begegnungszentrum Vahr");
    expect(reminder.body).toContain("Petra");
    expect(reminder.body).not.toContain("Lindner"); // the mentor's first name only
    const entry = await db.auditEntry.findFirst({ where: { action: "mentoring.session.created", subjectId: planned.id } });
    expect(entry?.locationId).toBe(centre.id);
  });

  it("rescheduling cancels the still-queued reminder and queues one for the new time", async () => {
    clock.set("2026-03-27T12:00:00Z");
    const loan = await makeLoan(centre.id);
    const planned = await planSession(volunteer, loan.id, session({ date: "2026-03-29", time: "10:00", attendance: "planned" }));
    await updateSession(volunteer, planned.id, session({ date: "2026-03-31", time: "15:30", attendance: "planned" }));
    const [old, fresh] = await reminders(loan.personId);
    expect(old.status).toBe("cancelled");
    expect(fresh.status).toBe("queued");
    expect(fresh.sendAfter.toISOString()).toBe("2026-03-30T08:00:00.000Z"); // Monday 10:00 CEST
    expect(fresh.body).toContain("15:30");
    const stored = await db.mentoringSession.findUniqueOrThrow({ where: { id: planned.id } });
    expect(stored.startsAt.toISOString()).toBe("2026-03-31T13:30:00.000Z");
    expect(await db.auditEntry.count({ where: { action: "mentoring.session.updated", subjectId: planned.id } })).toBe(1);
  });

  it("planned late, the reminder goes out the same evening — or not at all when only quiet hours are left", async () => {
    const loan = await makeLoan(centre.id);
    clock.set("2026-03-27T16:00:00Z"); // Friday 17:00 in Berlin
    await planSession(volunteer, loan.id, session({ date: "2026-03-28", time: "15:00", attendance: "planned" }));
    const [sameEvening] = await reminders(loan.personId);
    expect(sameEvening.sendAfter.toISOString()).toBe("2026-03-27T16:00:00.000Z");

    const late = await makeLoan(centre.id);
    clock.set("2026-03-27T20:30:00Z"); // Friday 21:30: quiet hours until Saturday 09:00, the day of the session
    await planSession(volunteer, late.id, session({ date: "2026-03-28", time: "15:00", attendance: "planned" }));
    await planSession(volunteer, late.id, session({ date: "2026-03-27", time: "23:00", attendance: "planned" })); // tonight
    expect(await reminders(late.personId)).toEqual([]);
  });

  it("records attended and no-show sessions in the past, and the outcome afterwards", async () => {
    clock.set("2026-03-27T12:00:00Z");
    const loan = await makeLoan(centre.id);
    const held = await recordSession(volunteer, loan.id, session());
    expect(held).toMatchObject({ attendance: "attended", durationMinutes: 60, notes: "WLAN eingerichtet." });
    expect(JSON.parse(held.topics)).toEqual(["topic_wifi", "topic_video_calls"]);
    const missed = await recordSession(volunteer, loan.id, session({ date: "2026-03-25", attendance: "no_show", topics: [], notes: "" }));
    expect(missed.attendance).toBe("no_show");
    expect(await reminders(loan.personId)).toEqual([]); // nothing to remind of

    // Planned for tomorrow, then the outcome recorded after it happened.
    const planned = await planSession(volunteer, loan.id, session({ date: "2026-03-28", time: "11:00", attendance: "planned" }));
    clock.set("2026-03-28T12:00:00Z");
    const done = await updateSession(volunteer, planned.id, session({ date: "2026-03-28", time: "11:00", attendance: "attended", notes: "Fotos <b>geteilt</b>" }));
    expect(done.attendance).toBe("attended");
    expect(done.notes).toBe("Fotos <b>geteilt</b>"); // stored as the plain text it is
  });

  it("refuses an outcome for a time in the future", async () => {
    clock.set("2026-03-27T12:00:00Z");
    const loan = await makeLoan(centre.id);
    await expectAppError(recordSession(volunteer, loan.id, session({ date: "2026-03-27", time: "14:00" })), 400, "mentoring:errors.outcomeInFuture");
    await expectAppError(recordSession(volunteer, loan.id, session({ date: "2026-04-02", attendance: "no_show" })), 400, "mentoring:errors.outcomeInFuture");
    expect(await db.mentoringSession.count({ where: { loanId: loan.id } })).toBe(0);
  });

  it("checks the form: duration 15–240, topics when attended, notes length, a date and time", () => {
    expect(SessionInput.safeParse({ ...session(), durationMinutes: "10" }).success).toBe(false);
    expect(SessionInput.safeParse({ ...session(), durationMinutes: "241" }).success).toBe(false);
    expect(SessionInput.safeParse({ ...session(), topics: [] }).error?.issues[0]).toMatchObject({ path: ["topics"], message: "mentoring:errors.topicsRequired" });
    expect(SessionInput.safeParse({ ...session(), notes: "x".repeat(2001) }).success).toBe(false);
    expect(SessionInput.safeParse({ ...session(), date: "26.03.2026" }).success).toBe(false);
    expect(SessionInput.safeParse({ ...session(), time: "25:00" }).success).toBe(false);
    expect(SessionInput.safeParse({ ...session(), attendance: "maybe" }).success).toBe(false);
  });

  it("refuses new sessions for a returned loan with a clear message", async () => {
    const loan = await makeLoan(centre.id, { status: "returned" });
    await expectAppError(recordSession(volunteer, loan.id, session()), 409, "mentoring:errors.loanNotActive");
  });

  it("only staff of the loan's location (or coordinators) may add sessions", async () => {
    clock.set("2026-03-27T12:00:00Z");
    const loan = await makeLoan(centre.id);
    await expectAppError(recordSession(otherVolunteer, loan.id, session()), 403);
    await expectAppError(updateSession(otherVolunteer, (await recordSession(volunteer, loan.id, session())).id, session()), 403);
    const byCoordinator = await recordSession(coordinator, loan.id, session({ mentorId: coordinatorRow.id }));
    expect(byCoordinator.mentorId).toBe(coordinatorRow.id);
  });

  it("the mentor must work at the loan's location", async () => {
    const loan = await makeLoan(centre.id);
    await expectAppError(recordSession(volunteer, loan.id, session({ mentorId: otherVolunteerRow.id })), 400, "mentoring:errors.mentorNotAtLocation");
  });

  it("only active topics can be chosen", async () => {
    const loan = await makeLoan(centre.id);
    await expectAppError(recordSession(volunteer, loan.id, session({ topics: ["no-such-topic"] })), 400, "mentoring:errors.topicUnknown");
  });

  it("a replayed form (same idempotency key) does nothing twice and answers ok", async () => {
    clock.set("2026-03-27T12:00:00Z");
    const loan = await makeLoan(centre.id);
    const input = session({ date: "2026-04-03", time: "09:30", attendance: "planned", idempotencyKey: "form-key-1" });
    const first = await recordSession(volunteer, loan.id, input);
    const again = await recordSession(volunteer, loan.id, input);
    expect(again.id).toBe(first.id);
    expect(await db.mentoringSession.count({ where: { loanId: loan.id } })).toBe(1);
    expect(await reminders(loan.personId)).toHaveLength(1);
    expect(await db.auditEntry.count({ where: { action: "mentoring.session.created", subjectId: first.id } })).toBe(1);
    expect((await db.mentoringSession.findMany({ where: { loanId: loan.id }, select: { id: true } })).map((s) => s.id)).toEqual([first.id]);
  });
});

describe("mentoring topics", () => {
  it("coordinators add a topic with a name in every language; it is offered until retired", async () => {
    const codes = ["de", "en", "ar"];
    expect(topicInput(codes).safeParse({ labels: { de: "Fahrkarten", en: "Tickets" } }).success).toBe(false);
    expect(topicInput(codes).safeParse({ labels: { de: "Fahrkarten", en: "Tickets", ar: " " } }).success).toBe(false);
    const labels = topicInput(codes).parse({ labels: { de: "Fahrkarten kaufen", en: "Buying tickets", ar: "شراء التذاكر" } }).labels;
    const topic = await addTopic(coordinator, { labels });
    expect(topic.key).toBe("custom-fahrkarten-kaufen");
    expect(JSON.parse(topic.labels)).toEqual({ de: "Fahrkarten kaufen", en: "Buying tickets", ar: "شراء التذاكر" });
    expect((await listTopics(coordinator)).map((t) => t.id)).toContain(topic.id);

    const renamed = await editTopic(coordinator, topic.id, { labels: { ...labels, en: "Tickets for bus and train" } });
    expect(JSON.parse(renamed.labels).en).toBe("Tickets for bus and train");

    await editTopic(coordinator, topic.id, { active: false });
    expect((await listTopics(coordinator)).map((t) => t.id)).not.toContain(topic.id);
    expect((await listTopics(coordinator, { includeRetired: true })).map((t) => t.id)).toContain(topic.id);
    const loan = await makeLoan(centre.id);
    await expectAppError(recordSession(volunteer, loan.id, session({ topics: [topic.id] })), 400, "mentoring:errors.topicUnknown");

    await editTopic(coordinator, topic.id, { active: true });
    expect((await listTopics(coordinator)).map((t) => t.id)).toContain(topic.id);
    expect(await db.auditEntry.count({ where: { subjectId: topic.id } })).toBe(4);
  });

  it("built-in topics keep their translated names; volunteers cannot manage topics", async () => {
    await expectAppError(editTopic(coordinator, "topic_wifi", { labels: { de: "X", en: "X", ar: "X" } }), 409, "mentoring:errors.builtInTopicNames");
    await expectAppError(addTopic(volunteer, { labels: { de: "X", en: "X", ar: "X" } }), 403);
    await expectAppError(addTopic(coordinator, { labels: { de: "Nur Deutsch", en: "Only English" } }), 400, "mentoring:errors.topicLabelRequired");
    await expectAppError(editTopic(volunteer, "topic_wifi", { active: false }), 403);
  });
});

describe("today at my location", () => {
  it("lists exactly this location's loans, sessions, waiting list and devices, with 'today' in Berlin time", async () => {
    const today = await makeLocation(db, { name: "Stadtteiltreff" });
    const elsewhere = await makeLocation(db, { name: "Anderswo" });
    const shift = staff(await makeStaff(db, { role: "volunteer", locationIds: [today.id] }));
    clock.set("2026-11-24T10:00:00Z"); // Tuesday 11:00 in Berlin

    const dueLate = await makeLoan(today.id, { dueAt: new Date("2026-11-24T22:30:00Z"), firstName: "Anna" }); // 23:30 local
    const dueTomorrow = await makeLoan(today.id, { dueAt: new Date("2026-11-24T23:30:00Z"), firstName: "Bruno" }); // 00:30 next day
    const overdue = await makeLoan(today.id, { dueAt: new Date("2026-11-21T15:00:00Z"), firstName: "Carla" });
    await makeLoan(elsewhere.id, { dueAt: new Date("2026-11-24T12:00:00Z"), firstName: "Dora" });
    await makeLoan(elsewhere.id, { dueAt: new Date("2026-11-01T12:00:00Z"), firstName: "Emil" });
    const missing = await makeLoan(today.id, { status: "returned", followUp: "Ladekabel", firstName: "Frieda" });
    await makeLoan(today.id, { status: "returned", followUp: "Hülle", followUpResolvedAt: new Date("2026-11-20T10:00:00Z") });

    const sessionNow = await db.mentoringSession.create({
      data: { loanId: dueTomorrow.id, mentorId: volunteerRow.id, startsAt: new Date("2026-11-24T13:00:00Z"), topics: JSON.stringify(["topic_wifi"]) },
    });
    await db.mentoringSession.create({ data: { loanId: dueTomorrow.id, startsAt: new Date("2026-11-24T23:15:00Z") } }); // 00:15 tomorrow
    const otherLoan = await makeLoan(elsewhere.id);
    await db.mentoringSession.create({ data: { loanId: otherLoan.id, startsAt: new Date("2026-11-24T13:00:00Z") } });

    const reset = await makeDevice(today.id, "needs_reset");
    await makeDevice(elsewhere.id, "needs_reset");
    await makeDevice(today.id, "available");
    await makeDevice(today.id, "in_repair");

    const waiting = [];
    for (const [i, name] of ["Gül", "Hans", "Ida", "Jan"].entries()) {
      const person = await makePerson(db, { firstName: name });
      waiting.push(
        await db.reservation.create({ data: { reference: newReferenceCode(), personId: person.id, locationId: today.id, channel: "phone", position: 4 - i } }),
      );
    }
    const offeredTo = await makePerson(db, { firstName: "Kai" });
    const offerDevice = await makeDevice(today.id, "reserved");
    const offer = await db.reservation.create({
      data: {
        reference: newReferenceCode(), personId: offeredTo.id, locationId: today.id, channel: "web", position: 0, status: "offered",
        offeredDeviceId: offerDevice.id, offeredAt: clock.now(), offerExpiresAt: new Date("2026-11-27T10:00:00Z"),
      },
    });
    const elsewherePerson = await makePerson(db, { firstName: "Lea" });
    await db.reservation.create({ data: { reference: newReferenceCode(), personId: elsewherePerson.id, locationId: elsewhere.id, channel: "web", position: 1 } });

    const view = await todayAtLocation(shift, today.id);
    expect(view.date).toBe("2026-11-24");
    expect(view.dueToday.map((l) => l.id)).toEqual([dueLate.id]);
    expect(view.overdue.map((l) => [l.id, l.daysOverdue])).toEqual([[overdue.id, 3]]);
    expect(view.sessions.map((s) => s.id)).toEqual([sessionNow.id]);
    expect(view.sessions[0]).toMatchObject({ firstName: "Bruno", assetTag: dueTomorrow.device.assetTag, mentor: "Petra Lindner" });
    expect(view.sessions[0].topics.map((t) => t.key)).toEqual(["wifi"]);
    expect(view.needsReset.map((d) => d.id)).toEqual([reset.id]);
    expect(view.waiting.map((r) => r.firstName)).toEqual(["Jan", "Ida", "Hans"]); // first three by position
    expect(view.waiting.map((r) => r.id)).not.toContain(waiting[0].id);
    expect(view.offers).toEqual([{ id: offer.id, status: "offered", firstName: "Kai", assetTag: offerDevice.assetTag, expiresAt: "2026-11-27T10:00:00.000Z" }]);
    expect(view.followUps.map((l) => [l.id, l.followUp])).toEqual([[missing.id, "Ladekabel"]]);
    expect(view.counts).toEqual({ available: 3, onLoan: 3, inRepair: 1 }); // two came back, one more on the shelf

    const audits = await db.auditEntry.findMany({ where: { action: "today.viewed", locationId: today.id } });
    expect(audits).toHaveLength(1); // one per page view, not one per person

    await expectAppError(todayAtLocation(shift, elsewhere.id), 403);
  });
});

describe("local days", () => {
  it("a Berlin day is 23 hours in spring and 25 in autumn", () => {
    const spring = localDayBounds(new Date("2026-03-29T12:00:00Z"), "Europe/Berlin");
    expect([spring.start.toISOString(), spring.end.toISOString()]).toEqual(["2026-03-28T23:00:00.000Z", "2026-03-29T22:00:00.000Z"]);
    const autumn = localDayBounds(new Date("2026-10-25T12:00:00Z"), "Europe/Berlin");
    expect([autumn.start.toISOString(), autumn.end.toISOString()]).toEqual(["2026-10-24T22:00:00.000Z", "2026-10-25T23:00:00.000Z"]);
  });
});

describe("programme numbers", () => {
  it("counts loans started, sessions held, attended vs no-show and hours per location and month, without names", async () => {
    const place = await makeLocation(db, { name: "Zählort" });
    const counter = staff(await makeStaff(db, { role: "volunteer", locationIds: [place.id] }));
    clock.set("2026-10-20T10:00:00Z");
    const loan = await makeLoan(place.id); // checked out 14 days before: 6 October
    await db.mentoringSession.createMany({
      data: [
        { loanId: loan.id, startsAt: new Date("2026-10-07T08:00:00Z"), durationMinutes: 60, attendance: "attended", topics: JSON.stringify(["topic_wifi", "topic_photos"]) },
        { loanId: loan.id, startsAt: new Date("2026-10-14T08:00:00Z"), durationMinutes: 30, attendance: "attended", topics: JSON.stringify(["topic_wifi"]) },
        { loanId: loan.id, startsAt: new Date("2026-10-21T08:00:00Z"), durationMinutes: 60, attendance: "no_show" },
        { loanId: loan.id, startsAt: new Date("2026-10-31T23:30:00Z"), durationMinutes: 60, attendance: "attended" }, // 1 November in Berlin
      ],
    });
    const rows = await mentoringReport(coordinator, "2026-10");
    const row = rows.find((r) => r.locationId === place.id)!;
    expect(row).toMatchObject({ loansStarted: 1, sessionsHeld: 3, attended: 2, noShow: 1, minutes: 90 });
    expect(row.topTopics).toEqual([{ topicId: "topic_wifi", count: 2 }, { topicId: "topic_photos", count: 1 }]);
    expect(JSON.stringify(rows)).not.toContain("Gisela");
    await expectAppError(mentoringReport(counter, "2026-10"), 403);
  });
});
