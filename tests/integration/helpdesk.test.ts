import { describe, expect, it } from "vitest";

import { closeResolvedTickets } from "~/capabilities/helpdesk/auto-close.server";
import { receiveCitizenMessage } from "~/capabilities/helpdesk/inbound.server";
import { listTickets } from "~/capabilities/helpdesk/queries.server";
import { checkTicketStatus, StatusCheckInput } from "~/capabilities/helpdesk/status-check.server";
import {
  addNote,
  assignTicket,
  changeStatus,
  openTicket,
  OpenTicketInput,
  recordCall,
  replyToCitizen,
  setPending,
} from "~/capabilities/helpdesk/tickets.server";
import { reportProblem, ReportProblemInput } from "~/capabilities/helpdesk/report.server";
import { addCallbackHour, CallbackHourInput } from "~/capabilities/scheduling/callback-hours.server";
import { ticketPage } from "~/web/tickets.server";
import { withActor } from "~/context";
import { AppError } from "~/lib/errors";
import { createTestServices } from "../helpers/db";
import { makeLocation, makeStaff, staffContext } from "../helpers/factories";

const services = await createTestServices();
const { db, clock } = services;
const library = await makeLocation(db, { kind: "library", name: "Stadtbibliothek" });
const centre = await makeLocation(db, { name: "Begegnungszentrum" });
const librarianRow = await makeStaff(db, { role: "librarian", locationIds: [library.id] });
const volunteerRow = await makeStaff(db, { role: "volunteer", locationIds: [centre.id] });

const staff = (row: Parameters<typeof staffContext>[1]) => staffContext(services, row);
const librarian = staff(librarianRow);
const volunteer = staff(volunteerRow);
const citizen = withActor(services, { kind: "citizen" });

const report = (overrides: Record<string, string> = {}) =>
  ReportProblemInput.parse({
    firstName: "Gisela",
    phone: "0151-23456789",
    language: "de",
    contactPreference: "sms",
    description: "Mein WLAN geht nicht mehr.",
    ...overrides,
  });

async function ticketByReference(reference: string) {
  return db.ticket.findUniqueOrThrow({ where: { reference }, include: { events: { orderBy: { at: "asc" } } } });
}

async function expectAppError(promise: Promise<unknown>, status: number, messageKey?: string) {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).status).toBe(status);
  if (messageKey) expect((error as AppError).messageKey).toBe(messageKey);
}

describe("intake", () => {
  it("a web report creates the person, a new ticket, a public 'created' event and an SMS with the code", async () => {
    const { reference } = await reportProblem(citizen, report());
    expect(reference).toMatch(/^[34679ACDEFGHJKMNPQRTUVWXY]{6}$/);
    const ticket = await ticketByReference(reference);
    expect(ticket).toMatchObject({ status: "new", channel: "web", description: "Mein WLAN geht nicht mehr." });
    expect(ticket.events.map((e) => [e.kind, e.public])).toEqual([["created", true]]);
    const person = await db.person.findUniqueOrThrow({ where: { id: ticket.personId } });
    expect(person).toMatchObject({ phone: "+4915123456789", phoneType: "mobile", firstName: "Gisela" });
    const message = await db.message.findFirstOrThrow({ where: { personId: person.id, template: "ticketCreated" } });
    expect(message.channel).toBe("sms");
    expect(message.body).toContain(reference);
    expect(message.body).not.toContain("WLAN"); // no ticket text at the provider
  });

  it.each([
    ["0151 / 234 567-89"],
    ["+49 (0)151 23456789"],
    ["0049 151 23456789"],
    ["+4915123456789"],
  ])("%s finds the same person, and a web form never renames them", async (phone) => {
    const { reference } = await reportProblem(citizen, report({ phone, firstName: "Jemand Anderes" }));
    const ticket = await ticketByReference(reference);
    const person = await db.person.findUniqueOrThrow({ where: { id: ticket.personId } });
    expect(person).toMatchObject({ phone: "+4915123456789", firstName: "Gisela" });
  });

  it("a landline caller is recorded for voice messages, with the code spelled out", async () => {
    const { reference } = await reportProblem(citizen, report({ phone: "0421 / 123 45-6", firstName: "Heinz" }));
    const ticket = await ticketByReference(reference);
    const message = await db.message.findFirstOrThrow({ where: { personId: ticket.personId } });
    expect(message.channel).toBe("voice");
    expect(message.body).toContain(reference.split("").join(" "));
  });

  it("refuses bad input with translated message keys", () => {
    const errors = (input: Record<string, string>) =>
      ReportProblemInput.safeParse({ firstName: "A", phone: "0151 23456789", description: "x", ...input }).error?.issues.map((i) => i.message);
    expect(errors({ description: "  " })).toEqual(["helpdesk:errors.descriptionRequired"]);
    expect(errors({ description: "x".repeat(10_000) })).toEqual(["helpdesk:errors.descriptionTooLong"]);
    expect(errors({ phone: "12345" })).toEqual(["common:errors.phoneInvalid"]);
    expect(errors({ phone: "" })).toEqual(["common:errors.phoneRequired"]);
  });

  it("staff take a phone ticket for a new caller and may assign it to themselves", async () => {
    const input = OpenTicketInput.parse({
      person: { firstName: "Erika", phone: "0421 9988776", language: "de" },
      channel: "phone",
      description: "Drucker druckt nicht",
      locationId: library.id,
      assignToMe: "on",
    });
    const { id } = await openTicket(librarian, input);
    const ticket = await db.ticket.findUniqueOrThrow({ where: { id } });
    expect(ticket).toMatchObject({ status: "open", assigneeId: librarianRow.id, channel: "phone", locationId: library.id });
    expect(await db.auditEntry.count({ where: { action: "ticket.opened", subjectId: id } })).toBe(1);
  });

  it("a volunteer cannot open a ticket for a location they do not work at", async () => {
    const input = OpenTicketInput.parse({
      person: { firstName: "Erika", phone: "0421 9988776" },
      channel: "walk_in",
      description: "x",
      locationId: library.id,
    });
    await expectAppError(openTicket(volunteer, input), 403);
  });
});

describe("'please call me back' on the web form", () => {
  it("hands over to the callbacks in the same transaction: a linked callback, and the citizen is told it is coming", async () => {
    // Nobody keeps callback hours yet: the callback waits for someone, and the citizen hears that we will say when.
    const first = await reportProblem(citizen, report({ phone: "0151 44455566", firstName: "Olga", callbackWanted: "on" }));
    expect(first.callback).toMatchObject({ scheduledAt: null });
    const ticket = await ticketByReference(first.reference);
    expect(ticket.callbackWanted).toBe(true);
    const waiting = await db.callback.findFirstOrThrow({ where: { ticketId: ticket.id } });
    expect(waiting).toMatchObject({ personId: ticket.personId, status: "unscheduled", reference: first.callback!.reference, channel: "web" });
    const templates = (await db.message.findMany({ where: { personId: ticket.personId } })).map((m) => m.template).sort();
    expect(templates).toEqual(["callbackReceived", "ticketCreated"]);

    // The librarian keeps callback hours on weekdays 09:00–11:00: the next report gets a time in them (Tuesday 09:00
    // Berlin; Monday 10:00 UTC is already past Monday's hours), and that same time is in the citizen's message.
    for (const weekday of [1, 2, 3, 4, 5]) {
      await addCallbackHour(librarian, CallbackHourInput.parse({ locationId: library.id, weekday, startTime: "09:00", endTime: "11:00", slotMinutes: "15" }));
    }
    const second = await reportProblem(citizen, report({ phone: "0151 44455577", firstName: "Yusuf", callbackWanted: "on" }));
    expect(second.callback?.scheduledAt?.toISOString()).toBe("2026-11-24T08:00:00.000Z");
    const planned = await ticketByReference(second.reference);
    const callback = await db.callback.findFirstOrThrow({ where: { ticketId: planned.id } });
    expect(callback).toMatchObject({ status: "scheduled", assignedId: librarianRow.id });
    expect(callback.scheduledAt?.toISOString()).toBe("2026-11-24T08:00:00.000Z");
    const told = await db.message.findFirstOrThrow({ where: { personId: planned.personId, template: "callbackScheduled" } });
    expect(told.body).toContain("09:00");

    // Staff see the hand-over on the ticket: the callback, its state and its time.
    const page = await ticketPage(librarian, planned.id);
    expect(page.ticket.callbacks).toEqual([
      { id: callback.id, reference: callback.reference, status: "scheduled", scheduledAt: "2026-11-24T08:00:00.000Z" },
    ]);

    // Without the wish: no callback at all.
    const plain = await reportProblem(citizen, report({ phone: "0151 44455588" }));
    expect(plain.callback).toBeNull();
    expect(await db.callback.count({ where: { ticketId: (await ticketByReference(plain.reference)).id } })).toBe(0);
  });
});

describe("workflow", () => {
  async function libraryTicket(phone = "0176 11223344") {
    const { id } = await openTicket(
      librarian,
      OpenTicketInput.parse({ person: { firstName: "Ali", phone }, channel: "phone", description: "Banking-App", locationId: library.id }),
    );
    return id;
  }

  it("moves through the allowed statuses and refuses the others", async () => {
    const id = await libraryTicket();
    await changeStatus(librarian, id, { status: "open" });
    await expectAppError(changeStatus(librarian, id, { status: "closed" }), 409, "helpdesk:errors.transitionNotAllowed");
    await changeStatus(librarian, id, { status: "resolved", note: "Erklärt" });
    const ticket = await db.ticket.findUniqueOrThrow({ where: { id } });
    expect(ticket.status).toBe("resolved");
    expect(ticket.resolvedAt).not.toBeNull();
  });

  it("a reply goes to the outbox, is public, and the ticket waits for the citizen; their answer reopens it", async () => {
    const id = await libraryTicket();
    await addNote(librarian, id, { body: "Intern: Kundin ist unsicher" });
    await replyToCitizen(librarian, id, { body: "Bitte starten Sie das Telefon neu." });
    let ticket = await db.ticket.findUniqueOrThrow({ where: { id }, include: { person: true } });
    expect(ticket.status).toBe("waiting");
    const out = await db.message.findFirstOrThrow({ where: { personId: ticket.personId, template: "ticketReply" } });
    expect(out.body).toContain("Bitte starten Sie das Telefon neu.");

    const result = await receiveCitizenMessage(citizen, { from: ticket.person.phone, body: "Geht wieder, danke!", channel: "sms", providerId: "SM-1" });
    expect(result).toMatchObject({ outcome: "reopened", ticketId: id });
    ticket = await db.ticket.findUniqueOrThrow({ where: { id }, include: { person: true } });
    expect(ticket.status).toBe("open");

    const again = await receiveCitizenMessage(citizen, { from: ticket.person.phone, body: "Geht wieder, danke!", channel: "sms", providerId: "SM-1" });
    expect(again.outcome).toBe("duplicate");
    expect(await db.ticketEvent.count({ where: { ticketId: id, kind: "message_in" } })).toBe(1);
  });

  it("the status check shows the last public message, never an internal note, and hides whether a code exists", async () => {
    const id = await libraryTicket();
    const ticket = await db.ticket.findUniqueOrThrow({ where: { id }, include: { person: true } });
    await replyToCitizen(librarian, id, { body: "Wir rufen Sie morgen an." });
    await addNote(librarian, id, { body: "Intern: nicht vorlesen" });
    const last4 = ticket.person.phone.slice(-4);
    const found = await checkTicketStatus(db, StatusCheckInput.parse({ reference: ticket.reference.toLowerCase(), phoneLast4: last4 }));
    expect(found).toMatchObject({ status: "waiting", lastMessage: { body: "Wir rufen Sie morgen an." } });
    const wrongDigits = String((Number(last4) + 1) % 10000).padStart(4, "0");
    expect(await checkTicketStatus(db, StatusCheckInput.parse({ reference: ticket.reference, phoneLast4: wrongDigits }))).toBeNull();
    expect(await checkTicketStatus(db, StatusCheckInput.parse({ reference: "AAAAAA", phoneLast4: last4 }))).toBeNull();
    expect(StatusCheckInput.safeParse({ reference: "0O1IL5", phoneLast4: "12" }).success).toBe(false);
  });

  it("records calls and pending reminders; a pending date must lie ahead and makes the ticket due then", async () => {
    const id = await libraryTicket();
    await recordCall(librarian, id, { outcome: "no_answer" });
    await expectAppError(setPending(librarian, id, { until: new Date(clock.now().getTime() - 1000) }), 400, "helpdesk:errors.pendingInPast");
    await setPending(librarian, id, { until: new Date(clock.now().getTime() + 86_400_000), note: "Nach dem Update" });
    const kinds = (await db.ticketEvent.findMany({ where: { ticketId: id }, orderBy: { at: "asc" } })).map((e) => e.kind);
    expect(kinds).toEqual(["created", "call", "pending"]);

    const overdueBefore = await listTickets(librarian, { view: "overdue", page: 1 });
    expect(overdueBefore.tickets.some((t) => t.id === id)).toBe(false);
    clock.advance(86_400_000 + 1000);
    const overdueAfter = await listTickets(librarian, { view: "overdue", page: 1 });
    expect(overdueAfter.tickets.find((t) => t.id === id)?.overdue).toBe(true);
  });

  it("assignment: only to staff of the ticket's location", async () => {
    const id = await libraryTicket();
    await expectAppError(assignTicket(librarian, id, { assigneeId: volunteerRow.id }), 400, "helpdesk:errors.assigneeNotAtLocation");
    await assignTicket(librarian, id, { assigneeId: librarianRow.id });
    const mine = await listTickets(librarian, { view: "mine", page: 1 });
    expect(mine.tickets.some((t) => t.id === id)).toBe(true);
  });

  it("staff cannot move a ticket into the queue of a location they do not work at", async () => {
    const id = await libraryTicket();
    await expectAppError(assignTicket(librarian, id, { locationId: centre.id }), 403);
  });

  it("a volunteer cannot change a ticket of another location", async () => {
    const id = await libraryTicket();
    await expectAppError(addNote(volunteer, id, { body: "x" }), 403);
  });

  it("resolved tickets close by themselves after a week, unless the citizen answered", async () => {
    const quiet = await libraryTicket("0176 99990001");
    const answered = await libraryTicket("0176 99990001");
    await changeStatus(librarian, quiet, { status: "resolved" });
    clock.advance(60_000);
    await changeStatus(librarian, answered, { status: "resolved" });
    const person = (await db.ticket.findUniqueOrThrow({ where: { id: answered }, include: { person: true } })).person;
    // Both tickets belong to the same caller; the answer goes to the most recently active one.
    await receiveCitizenMessage(citizen, { from: person.phone, body: "Noch eine Frage", channel: "sms", providerId: "SM-2" });
    clock.advance(8 * 86_400_000);
    await closeResolvedTickets(services);
    const statuses = await db.ticket.findMany({ where: { id: { in: [quiet, answered] } }, select: { id: true, status: true } });
    expect(statuses.filter((t) => t.status === "closed")).toHaveLength(1);
    expect(statuses.filter((t) => t.status === "open")).toHaveLength(1);
  });
});

describe("inbound messages and search", () => {
  it("a text from an unknown number starts a ticket with the message as its first entry", async () => {
    const result = await receiveCitizenMessage(citizen, { from: "+4916099887766", body: "Hilfe, mein Handy ist gesperrt", channel: "sms", providerId: "SM-3" });
    expect(result.outcome).toBe("created");
    const ticket = await db.ticket.findUniqueOrThrow({ where: { id: (result as { ticketId: string }).ticketId }, include: { events: true } });
    expect(ticket).toMatchObject({ channel: "sms", status: "new" });
    expect(ticket.events.map((e) => e.kind).sort()).toEqual(["created", "message_in"]);
  });

  it("finds tickets by reference, by phone in any German format, and by first name", async () => {
    const { reference } = await reportProblem(citizen, report({ phone: "0170 5566778", firstName: "Waltraud" }));
    for (const q of [reference.toLowerCase(), "0170 / 556 677-8", "+49 170 5566778", "Waltraud", "6778"]) {
      const { tickets } = await listTickets(librarian, { view: "all", q, page: 1 });
      expect(tickets.map((t) => t.reference), q).toContain(reference);
    }
    const { tickets: none } = await listTickets(librarian, { view: "all", q: "Niemand", page: 1 });
    expect(none.map((t) => t.reference)).not.toContain(reference);
  });

  it("web reports without a location are the shared intake, unassigned for everyone", async () => {
    const { reference } = await reportProblem(citizen, report({ phone: "0170 1112223" }));
    for (const who of [librarian, volunteer]) {
      const { tickets } = await listTickets(who, { view: "unassigned", page: 1, pageSize: 100 });
      expect(tickets.map((t) => t.reference)).toContain(reference);
    }
  });
});
