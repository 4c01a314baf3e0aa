// One visibility rule for people (capabilities/people/visibility.server.ts), everywhere staff can find someone: a
// volunteer of another place never learns the name behind a number known only at the library — not in any caller
// look-up, not in the ticket search, not on the person page — while the library's own staff and the coordinator do.
// An intake for that number still files the request under the one existing record, without renaming it.
import { describe, expect, it } from "vitest";
import { takeTicket } from "~/capabilities/helpdesk/report.server";
import { openTicket, OpenTicketInput } from "~/capabilities/helpdesk/tickets.server";
import type { StaffCtx } from "~/context";
import { AppError } from "~/lib/errors";
import { parsePhone } from "~/lib/phone.server";
import { lookUpBorrower, lookUpCallbackCaller, lookUpCaller } from "~/web/caller-lookup.server";
import { borrowerFrom, findBorrower } from "~/web/check-out.server";
import { bookingStep } from "~/web/desk-pages.server";
import { personPage } from "~/web/person-page.server";
import { ticketList } from "~/web/ticket-pages.server";
import { createTestServices } from "../helpers/db";
import { makeLocation, makeStaff, staffContext } from "../helpers/factories";

const services = await createTestServices("2026-11-23T10:00:00Z");
const { db } = services;
const library = await makeLocation(db, { name: "Stadtbibliothek", kind: "library" });
const centre = await makeLocation(db, { name: "Begegnungszentrum Vahr" });
const librarian = staffContext(services, await makeStaff(db, { role: "volunteer", locationIds: [library.id] }));
const outsider = staffContext(services, await makeStaff(db, { role: "volunteer", locationIds: [centre.id] }));
const coordinator = staffContext(services, await makeStaff(db, { role: "coordinator" }));

// Gisela called the library once: a ticket there is all the programme has of her.
const typed = "0151 / 5550 7777";
const phone = parsePhone(typed)!;
const opened = await takeTicket(
  librarian,
  OpenTicketInput.parse({
    person: { firstName: "Gisela", phone: typed },
    channel: "phone",
    description: "Das Tablet findet das WLAN der Bibliothek nicht",
    locationId: library.id,
  }),
);
const gisela = await db.person.update({ where: { phone: phone.e164 }, data: { lastNameInitial: "M" } });

/** Everything every look-up, the search and the person page show this staff member of the number and the name. */
async function whatIsShown(ctx: StaffCtx, place: string) {
  return {
    ticketIntake: (await lookUpCaller(ctx, phone)).person,
    deskBooking: (await bookingStep(ctx, phone, place)).caller.person,
    waitingListIntake: (await lookUpBorrower(ctx, phone)).person,
    callbackIntake: (await lookUpCallbackCaller(ctx, phone, "de")).person,
    checkOutByNumber: await findBorrower(ctx, typed),
    checkOutByName: await findBorrower(ctx, "Gise"),
    checkOutHiddenField: await borrowerFrom(ctx, { personId: gisela.id }),
    searchByNumber: (await ticketList(ctx, { view: "all", q: typed, page: 1 })).tickets,
    searchByDigits: (await ticketList(ctx, { view: "all", q: "7777", page: 1 })).tickets,
    searchByName: (await ticketList(ctx, { view: "all", q: "gisela", page: 1 })).tickets,
    personPage: await personPage(ctx, gisela.id).catch((error: unknown) => error),
  };
}

const lookedUp = () => db.auditEntry.count({ where: { subjectId: gisela.id, action: { in: ["person.lookedUp", "person.viewed"] } } });

describe("a person known only at the library", () => {
  it("is nobody to a volunteer of the meeting centre: no name in any look-up, the search or the person page", async () => {
    const before = await lookedUp();
    const shown = await whatIsShown(outsider, centre.id);
    expect(shown.ticketIntake).toBeNull();
    expect(shown.deskBooking).toBeNull();
    expect(shown.waitingListIntake).toBeNull();
    expect(shown.callbackIntake).toBeNull();
    expect(shown.checkOutByNumber).toMatchObject({ kind: "phone", person: null });
    expect(shown.checkOutByName).toEqual({ kind: "name", matches: [] });
    expect(shown.checkOutHiddenField).toBeNull();
    expect(shown.searchByNumber).toEqual([]);
    expect(shown.searchByDigits).toEqual([]);
    expect(shown.searchByName).toEqual([]);
    expect(shown.personPage).toBeInstanceOf(AppError);
    expect((shown.personPage as AppError).status).toBe(404);
    // Nothing anywhere names her, and nothing was shown, so nothing was logged as looked at.
    expect(JSON.stringify(shown)).not.toContain("Gisela");
    expect(await lookedUp()).toBe(before);
  });

  it("is found by the library's staff and by the coordinator, everywhere", async () => {
    for (const [ctx, place] of [
      [librarian, library.id],
      [coordinator, centre.id],
    ] as const) {
      const shown = await whatIsShown(ctx, place);
      for (const person of [shown.ticketIntake, shown.deskBooking, shown.waitingListIntake, shown.callbackIntake]) {
        expect(person).toMatchObject({ name: "Gisela M." });
      }
      expect(shown.ticketIntake?.openTickets.map((t) => t.id)).toEqual([opened.id]);
      expect(shown.checkOutByNumber).toMatchObject({ kind: "phone", person: { id: gisela.id, name: "Gisela M." } });
      expect(shown.checkOutByName.kind === "name" && shown.checkOutByName.matches).toEqual([
        { id: gisela.id, name: "Gisela M.", phone: expect.stringMatching(/777$/) },
      ]);
      expect(shown.checkOutHiddenField).toMatchObject({ personId: gisela.id, name: "Gisela M." });
      for (const found of [shown.searchByNumber, shown.searchByDigits, shown.searchByName]) {
        expect(found.map((t) => t.person)).toEqual(["Gisela M."]);
      }
      expect(shown.personPage).toMatchObject({ person: { id: gisela.id, name: "Gisela M." }, tickets: [{ id: opened.id }] });
    }
  });

  it("a picked id from elsewhere is refused like an unknown one; a typed-in number files under her one record, unrenamed", async () => {
    // A form replayed with her id (she was never offered to this volunteer) does not attach anything to her.
    const forged = await openTicket(
      outsider,
      OpenTicketInput.parse({ personId: gisela.id, channel: "phone", description: "Anruf", locationId: centre.id }),
    ).catch((error: unknown) => error);
    expect(forged).toMatchObject({ status: 400, messageKey: "helpdesk:errors.personMissing" });

    // The volunteer takes her as a new caller, with whatever name she gives: the ticket is hers, her record unchanged.
    const ticket = await takeTicket(
      outsider,
      OpenTicketInput.parse({
        person: { firstName: "Gisi", phone: "+4915155507777" },
        channel: "phone",
        description: "Noch einmal das WLAN",
        locationId: centre.id,
      }),
    );
    expect((await db.ticket.findUniqueOrThrow({ where: { id: ticket.id } })).personId).toBe(gisela.id);
    expect(await db.person.findMany({ where: { phone: phone.e164 }, select: { firstName: true, lastNameInitial: true } })).toEqual([
      { firstName: "Gisela", lastNameInitial: "M" },
    ]);
    // Now she has a ticket at the centre, so the centre knows her — but its person page lists only the centre's ticket.
    const page = await personPage(outsider, gisela.id);
    expect(page.tickets.map((t) => t.id)).toEqual([ticket.id]);
  });
});
