// Offline replays (docs/decisions/015-offline-pwa.md): a new ticket's form sent twice — replayed after reconnecting,
// or twice at once — opens one ticket with one confirmation message.
import { describe, expect, it } from "vitest";
import { openTicket, OpenTicketInput } from "~/capabilities/helpdesk/tickets.server";
import { createTestServices } from "../helpers/db";
import { makeLocation, makeStaff, staffContext } from "../helpers/factories";

const services = await createTestServices();
const { db } = services;
const centre = await makeLocation(db, { name: "Begegnungszentrum" });
const volunteer = staffContext(services, await makeStaff(db, { role: "volunteer", locationIds: [centre.id] }));

const form = (idempotencyKey: string, phone = "0151 22334455") =>
  OpenTicketInput.parse({
    person: { firstName: "Erika", phone, language: "de" },
    channel: "walk_in",
    description: "Tablet geht nicht an",
    locationId: centre.id,
    idempotencyKey,
  });

const ticketsOf = async (phone: string) => db.ticket.count({ where: { person: { phone } } });

describe("new tickets sent again", () => {
  it("the same form replayed opens one ticket, with one message and one audit entry", async () => {
    const first = await openTicket(volunteer, form("form-key-0001"));
    const again = await openTicket(volunteer, form("form-key-0001"));
    expect(again).toEqual(first);
    expect(await ticketsOf("+4915122334455")).toBe(1);
    expect(await db.message.count({ where: { template: "ticketCreated", person: { phone: "+4915122334455" } } })).toBe(1);
    expect(await db.auditEntry.count({ where: { action: "ticket.opened", subjectId: first.id } })).toBe(1);
  });

  it("the same form sent twice at once still opens one ticket", async () => {
    const [a, b] = await Promise.all([
      openTicket(volunteer, form("form-key-0002", "0151 99887766")),
      openTicket(volunteer, form("form-key-0002", "0151 99887766")),
    ]);
    expect(a.id).toBe(b.id);
    expect(await ticketsOf("+4915199887766")).toBe(1);
  });

  it("two forms (two keys) are two tickets; an empty key is no key", async () => {
    await openTicket(volunteer, form("form-key-0003", "0151 12121212"));
    await openTicket(volunteer, form("form-key-0004", "0151 12121212"));
    await openTicket(volunteer, form("", "0151 12121212"));
    expect(await ticketsOf("+4915112121212")).toBe(3);
  });

  it("the ticket's 'created' event points at its confirmation message", async () => {
    const { id } = await openTicket(volunteer, form("form-key-0005", "0151 56565656"));
    const created = await db.ticketEvent.findFirstOrThrow({ where: { ticketId: id, kind: "created" } });
    const message = await db.message.findUniqueOrThrow({ where: { id: created.messageId! } });
    expect(message.idempotencyKey).toBe("ticket-opened:form-key-0005");
  });
});
