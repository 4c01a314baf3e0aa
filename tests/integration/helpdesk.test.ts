import { describe, expect, it } from "vitest";
import { spelledOut } from "~/lib/reference-code";

import { closeResolvedTickets } from "~/capabilities/helpdesk/auto-close.server";
import { receiveCitizenMessage } from "~/capabilities/helpdesk/inbound.server";
import { listTickets } from "~/capabilities/helpdesk/queries.server";
import { checkRequestStatus, StatusCheckInput } from "~/capabilities/helpdesk/status-check.server";
import { openTicket, OpenTicketInput } from "~/capabilities/helpdesk/tickets.server";
import {
  addNote,
  assignTicket,
  changeStatus,
  classifyTicket,
  recordCall,
  ReplyInput,
  replyToCitizen,
  setPending,
} from "~/capabilities/helpdesk/ticket-workflow.server";
import { reportProblem, ReportProblemInput, takeTicket } from "~/capabilities/helpdesk/report.server";
import { addCallbackHour, CallbackHourInput } from "~/capabilities/scheduling/callback-hours.server";
import { ticketPage } from "~/web/ticket-pages.server";
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
const coordinatorRow = await makeStaff(db, { role: "coordinator" });
const coordinatorOf = () => staff(coordinatorRow);
const volunteer = staff(volunteerRow);
const citizen = withActor(services, { kind: "citizen" });
const links = { publicUrl: "https://ambulanz.example" };

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

  it.each([
    ["walk_in", "new"],
    ["staff", "new"],
  ])("staff record a %s ticket as such, tracked by its channel", async (channel, status) => {
    const { id } = await openTicket(
      librarian,
      OpenTicketInput.parse({ person: { firstName: "Renate", phone: "0421 5550101" }, channel, description: "Tablet lädt nicht", locationId: library.id }),
    );
    const ticket = await db.ticket.findUniqueOrThrow({ where: { id }, include: { events: true } });
    expect(ticket).toMatchObject({ channel, status, locationId: library.id });
    expect(ticket.events.map((e) => e.kind)).toEqual(["created"]);
    // A web ticket is only ever the citizen's own form.
    expect(OpenTicketInput.safeParse({ person: { firstName: "R", phone: "0421 5550101" }, channel: "web", description: "x" }).success).toBe(false);
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
    // One concern, one reference: the callback carries the ticket's (decision 027).
    expect(waiting).toMatchObject({ personId: ticket.personId, status: "unscheduled", reference: first.reference, channel: "web" });
    expect(first.callback!.reference).toBe(first.reference);
    // One message, one reference to keep: the ticket's, saying the call is coming (not a second text).
    const messages = await db.message.findMany({ where: { personId: ticket.personId } });
    expect(messages.map((m) => m.template)).toEqual(["ticketCreatedCallbackLater"]);
    expect(messages[0]!.body).toContain(first.reference);

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
    const told = await db.message.findMany({ where: { personId: planned.personId } });
    expect(told.map((m) => m.template)).toEqual(["ticketCreatedCallback"]);
    expect(told[0]!.body).toContain("09:00");
    expect(told[0]!.body).toContain(second.reference);

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

  it("on the phone-intake screen too: the caller's wish becomes a callback at the ticket's place, once per form", async () => {
    const form = {
      person: { firstName: "Heinz", phone: "0421 / 98 76 54-3" },
      channel: "phone",
      description: "Das Telefon zeigt keine Nachrichten an.",
      locationId: library.id,
    };
    const input = OpenTicketInput.parse({ ...form, callbackWanted: "on", idempotencyKey: "intake-form-callback-1" });
    const first = await takeTicket(librarian, input);
    const again = await takeTicket(librarian, input);
    expect(again.id).toBe(first.id);
    const callbacks = await db.callback.findMany({ where: { ticketId: first.id } });
    expect(callbacks).toHaveLength(1);
    expect(callbacks[0]).toMatchObject({ locationId: library.id, channel: "phone", status: "scheduled", assignedId: librarianRow.id });
    expect(await db.auditEntry.count({ where: { action: "callback.requested", subjectId: callbacks[0]!.id, actorId: librarianRow.id } })).toBe(1);
    // The caller (a landline: a voice message) gets one message naming the ticket's reference and the call.
    const told = await db.message.findMany({ where: { personId: callbacks[0]!.personId } });
    expect(told.map((m) => m.template)).toEqual(["ticketCreatedCallback"]);
    expect(told[0]!.body).toContain(spelledOut(first.reference));
    expect(told[0]!.body).toContain("Wir rufen Sie am");

    // Without the tick: a ticket, no callback.
    const plain = await takeTicket(librarian, OpenTicketInput.parse({ ...form, idempotencyKey: "intake-form-callback-2" }));
    expect(await db.callback.count({ where: { ticketId: plain.id } })).toBe(0);
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
    await replyToCitizen(librarian, id, { body: "Bitte starten Sie das Telefon neu." }, links);
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
    await replyToCitizen(librarian, id, { body: "Wir rufen Sie morgen an." }, links);
    await addNote(librarian, id, { body: "Intern: nicht vorlesen" });
    const last4 = ticket.person.phone.slice(-4);
    const found = await checkRequestStatus(citizen, StatusCheckInput.parse({ reference: ticket.reference.toLowerCase(), phoneLast4: last4 }));
    expect(found).toMatchObject({ status: "waiting", lastMessage: { body: "Wir rufen Sie morgen an." } });
    const wrongDigits = String((Number(last4) + 1) % 10000).padStart(4, "0");
    expect(await checkRequestStatus(citizen, StatusCheckInput.parse({ reference: ticket.reference, phoneLast4: wrongDigits }))).toBeNull();
    expect(await checkRequestStatus(citizen, StatusCheckInput.parse({ reference: "AAAAAA", phoneLast4: last4 }))).toBeNull();
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

  it("a reply can link a help article: the SMS carries the link, a voice message names it, the timeline shows it", async () => {
    const article = await db.helpArticle.create({
      data: { slug: "banking-app", title: "Banking-App einrichten", body: "…", titleEasy: "Die Banking-App", bodyEasy: "…", published: true },
    });
    const draft = await db.helpArticle.create({
      data: { slug: "entwurf", title: "Entwurf", body: "…", titleEasy: "Entwurf", bodyEasy: "…", published: false },
    });
    const id = await libraryTicket("0176 22334455");
    await replyToCitizen(librarian, id, ReplyInput.parse({ body: "Hier steht, wie es geht.", article: article.id }), links);
    const ticket = await db.ticket.findUniqueOrThrow({ where: { id }, include: { events: { orderBy: { at: "asc" } } } });
    const sms = await db.message.findFirstOrThrow({ where: { personId: ticket.personId, template: "ticketReplyArticle" } });
    expect(sms.channel).toBe("sms");
    expect(sms.body).toContain("Hier steht, wie es geht.");
    expect(sms.body).toContain("https://ambulanz.example/help/banking-app");
    expect(sms.body).toContain(ticket.reference);
    const event = ticket.events.at(-1)!;
    expect(event).toMatchObject({ kind: "message_out", public: true, body: "Hier steht, wie es geht.\nBanking-App einrichten: https://ambulanz.example/help/banking-app" });

    // The Leichte Sprache version, to a landline: the call names the article instead of reading out an address.
    const landline = await libraryTicket("0421 7654321");
    await replyToCitizen(librarian, landline, ReplyInput.parse({ body: "Hören Sie gut zu.", article: `${article.id}:easy` }), links);
    const call = await db.message.findFirstOrThrow({ where: { template: "ticketReplyArticle", person: { phone: "+494217654321" } } });
    expect(call.channel).toBe("voice");
    expect(call.body).toContain("„Die Banking-App“");
    expect(call.body).not.toContain("https://");
    const easyEvent = await db.ticketEvent.findFirstOrThrow({ where: { ticketId: landline, kind: "message_out" } });
    expect(easyEvent.body).toContain("https://ambulanz.example/help/banking-app/leichte-sprache");

    // A draft or an unknown article: refused, and nothing is sent or written.
    const messagesBefore = await db.message.count();
    const eventsBefore = await db.ticketEvent.count({ where: { ticketId: id } });
    await expectAppError(replyToCitizen(librarian, id, ReplyInput.parse({ body: "x", article: draft.id }), links), 400, "helpdesk:errors.articleUnknown");
    await expectAppError(replyToCitizen(librarian, id, ReplyInput.parse({ body: "x", article: "gibt-es-nicht" }), links), 400, "helpdesk:errors.articleUnknown");
    expect(ReplyInput.safeParse({ body: "x", article: "<script>" }).error?.issues.map((i) => i.message)).toEqual(["helpdesk:errors.articleUnknown"]);
    expect(await db.message.count()).toBe(messagesBefore);
    expect(await db.ticketEvent.count({ where: { ticketId: id } })).toBe(eventsBefore);
  });

  it("priority and category can be changed later, and the change is on the timeline", async () => {
    const id = await libraryTicket();
    const category = await db.ticketCategory.create({ data: { key: "online_banking_test", labels: JSON.stringify({ de: "Online-Banking", en: "Online banking", ar: "الخدمات المصرفية" }) } });
    await classifyTicket(librarian, id, { priority: "urgent", categoryId: category.id });
    const ticket = await db.ticket.findUniqueOrThrow({ where: { id }, include: { events: { orderBy: { at: "asc" } } } });
    expect(ticket).toMatchObject({ priority: "urgent", categoryId: category.id });
    const classified = ticket.events.find((e) => e.kind === "classified")!;
    expect(JSON.parse(classified.data)).toEqual({ categoryId: category.id, priority: "urgent" });
    await expectAppError(classifyTicket(librarian, id, { priority: "low", categoryId: "gibt-es-nicht" }), 400, "helpdesk:errors.categoryUnknown");
    expect((await db.ticket.findUniqueOrThrow({ where: { id } })).priority).toBe("urgent");
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
    // Full-width characters (an East Asian or Arabic input method), spaced out: read as every channel reads a code.
    const fullWidth = [...reference].map((c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).join(" ");
    for (const q of [reference.toLowerCase(), fullWidth, "0170 / 556 677-8", "+49 170 5566778", "Waltraud", "6778"]) {
      const { tickets } = await listTickets(librarian, { view: "all", q, page: 1 });
      expect(tickets.map((t) => t.reference), q).toContain(reference);
    }
    const { tickets: none } = await listTickets(librarian, { view: "all", q: "Niemand", page: 1 });
    expect(none.map((t) => t.reference)).not.toContain(reference);
  });

  it("the location queue holds the open tickets of my places; search by category; every list is paginated", async () => {
    const category = await db.ticketCategory.create({ data: { key: "health_apps_test", labels: JSON.stringify({ de: "Gesundheits-Apps", en: "Health apps", ar: "تطبيقات الصحة" }) } });
    const ids: string[] = [];
    for (let i = 0; i < 27; i++) {
      const { id } = await openTicket(
        librarian,
        OpenTicketInput.parse({
          person: { firstName: "Paula", phone: `0160 70000${String(i).padStart(3, "0")}` },
          channel: "phone",
          description: "Die E-Rezept-App",
          categoryId: category.id,
          locationId: library.id,
        }),
      );
      ids.push(id);
    }
    const atCentre = await openTicket(
      volunteer,
      OpenTicketInput.parse({ person: { firstName: "Paula", phone: "0160 70000999" }, channel: "walk_in", description: "x", categoryId: category.id, locationId: centre.id }),
    );
    const queue = await listTickets(librarian, { view: "queue", page: 1, pageSize: 500 });
    expect(queue.tickets.map((t) => t.id)).toEqual(expect.arrayContaining(ids));
    expect(queue.tickets.map((t) => t.id)).not.toContain(atCentre.id);

    // The category on its own, and with a name: 27 at the library (the centre's is not the librarian's).
    const first = await listTickets(librarian, { view: "all", categoryId: category.id, page: 1 });
    expect(first).toMatchObject({ total: 27, pageCount: 2 });
    expect(first.tickets).toHaveLength(25);
    const second = await listTickets(librarian, { view: "all", categoryId: category.id, page: 2 });
    expect(second.tickets).toHaveLength(2);
    expect(new Set([...first.tickets, ...second.tickets].map((t) => t.id))).toEqual(new Set(ids));
    expect((await listTickets(librarian, { view: "all", q: "Paula", categoryId: category.id, page: 1 })).total).toBe(27);
    expect((await listTickets(coordinatorOf(), { view: "all", categoryId: category.id, page: 1 })).total).toBe(28);
  });

  it("web reports without a location are the shared intake, unassigned for everyone", async () => {
    const { reference } = await reportProblem(citizen, report({ phone: "0170 1112223" }));
    for (const who of [librarian, volunteer]) {
      const { tickets } = await listTickets(who, { view: "unassigned", page: 1, pageSize: 100 });
      expect(tickets.map((t) => t.reference)).toContain(reference);
    }
  });
});
