// Deleting records for good, one function per kind, each inside the caller's transaction: first the anonymous
// figures the reports need are counted (figures.server.ts), then the row goes with everything hanging off it.
// The retention run uses these; erasure on request (Art. 17) can use the same ones.
import type { Ctx, Tx } from "~/context";
import { jsonList } from "~/capabilities/lending/values";
import { FigureTally, saveFigures } from "./figures.server";

type DeleteCtx = Pick<Ctx, "clock">;
const DAY_MS = 86_400_000;
const ids = (rows: { id: string }[]) => rows.map((r) => r.id);

/** Prisma's SQLite driver takes at most 999 values per query: longer id lists are worked through in parts. */
const PART = 400;
async function inParts(list: string[], work: (part: string[]) => Promise<number>): Promise<number> {
  let total = 0;
  for (let i = 0; i < list.length; i += PART) total += await work(list.slice(i, i + PART));
  return total;
}

/** Tickets with their timeline, the messages it shows and the calls made for them. */
export async function deleteTickets(ctx: DeleteCtx, tx: Tx, ticketIds: string[]): Promise<number> {
  return inParts(ticketIds, async (ticketIds) => {
    const tickets = await tx.ticket.findMany({
      where: { id: { in: ticketIds } },
      select: { createdAt: true, locationId: true, channel: true, category: { select: { key: true } } },
    });
    const tally = new FigureTally();
    for (const t of tickets) {
      tally.add(t.createdAt, t.locationId, "tickets.opened");
      tally.add(t.createdAt, t.locationId, `tickets.channel.${t.channel}`);
      tally.add(t.createdAt, t.locationId, `tickets.category.${t.category?.key ?? "none"}`);
    }
    await saveFigures(ctx, tx, tally);
    const shown = await tx.ticketEvent.findMany({
      where: { ticketId: { in: ticketIds }, messageId: { not: null } },
      select: { messageId: true },
    });
    await deleteMessages(
      ctx,
      tx,
      shown.map((e) => e.messageId!)
    );
    await tx.call.deleteMany({ where: { ticketId: { in: ticketIds } } });
    const { count } = await tx.ticket.deleteMany({ where: { id: { in: ticketIds } } }); // events cascade
    return count;
  });
}

/** Loans with their agreement data, mentoring sessions and damage photos. */
export async function deleteLoans(ctx: DeleteCtx, tx: Tx, loanIds: string[]): Promise<number> {
  return inParts(loanIds, async (loanIds) => {
    const loans = await tx.loan.findMany({
      where: { id: { in: loanIds } },
      select: {
        locationId: true,
        status: true,
        checkedOutAt: true,
        returnedAt: true,
        sessions: { select: { startsAt: true, durationMinutes: true, attendance: true, topics: true } },
      },
    });
    const tally = new FigureTally();
    for (const loan of loans) {
      const place = loan.locationId;
      tally.add(loan.checkedOutAt, place, "loans.started");
      if (loan.returnedAt) {
        tally.add(loan.returnedAt, place, "loans.ended");
        tally.add(loan.returnedAt, place, `loans.ended.${loan.status}`);
        tally.add(
          loan.returnedAt,
          place,
          "loans.days",
          Math.round((loan.returnedAt.getTime() - loan.checkedOutAt.getTime()) / DAY_MS)
        );
      }
      for (const s of loan.sessions) {
        if (s.attendance === "planned") continue; // the mentoring report counts held sessions only
        tally.add(s.startsAt, place, "mentoring.sessions");
        if (s.attendance === "no_show") tally.add(s.startsAt, place, "mentoring.noShow");
        if (s.attendance !== "attended") continue;
        tally.add(s.startsAt, place, "mentoring.attended");
        tally.add(s.startsAt, place, "mentoring.attendedMinutes", s.durationMinutes);
        for (const topicId of jsonList(s.topics)) tally.add(s.startsAt, place, `mentoring.topic.${topicId}`);
      }
    }
    await saveFigures(ctx, tx, tally);
    const { count } = await tx.loan.deleteMany({ where: { id: { in: loanIds } } }); // sessions and photos cascade
    return count;
  });
}

/** Places on a tablet waiting list with their history. */
export async function deleteReservations(ctx: DeleteCtx, tx: Tx, reservationIds: string[]): Promise<number> {
  return inParts(reservationIds, async (reservationIds) => {
    const places = await tx.reservation.findMany({
      where: { id: { in: reservationIds } },
      select: { createdAt: true, locationId: true, channel: true, status: true },
    });
    const tally = new FigureTally();
    for (const p of places) {
      tally.add(p.createdAt, p.locationId, "waitlist.places");
      tally.add(p.createdAt, p.locationId, `waitlist.channel.${p.channel}`);
      tally.add(p.createdAt, p.locationId, `waitlist.ended.${p.status}`);
    }
    await saveFigures(ctx, tx, tally);
    const { count } = await tx.reservation.deleteMany({ where: { id: { in: reservationIds } } }); // events cascade
    return count;
  });
}

/** Appointments in the consultation hours. */
export async function deleteAppointments(ctx: DeleteCtx, tx: Tx, appointmentIds: string[]): Promise<number> {
  return inParts(appointmentIds, async (appointmentIds) => {
    const rows = await tx.appointment.findMany({
      where: { id: { in: appointmentIds } },
      select: { startsAt: true, locationId: true, channel: true, status: true },
    });
    const tally = new FigureTally();
    for (const a of rows) {
      tally.add(a.startsAt, a.locationId, `appointments.channel.${a.channel}`);
      tally.add(a.startsAt, a.locationId, `appointments.status.${a.status}`);
    }
    await saveFigures(ctx, tx, tally);
    const { count } = await tx.appointment.deleteMany({ where: { id: { in: appointmentIds } } });
    return count;
  });
}

/** Visits without an appointment. */
export async function deleteWalkIns(ctx: DeleteCtx, tx: Tx, walkInIds: string[]): Promise<number> {
  return inParts(walkInIds, async (walkInIds) => {
    const rows = await tx.walkIn.findMany({
      where: { id: { in: walkInIds } },
      select: { arrivedAt: true, locationId: true, status: true },
    });
    const tally = new FigureTally();
    for (const w of rows) {
      tally.add(w.arrivedAt, w.locationId, "walkIns");
      tally.add(w.arrivedAt, w.locationId, `walkIns.status.${w.status}`);
    }
    await saveFigures(ctx, tx, tally);
    const { count } = await tx.walkIn.deleteMany({ where: { id: { in: walkInIds } } });
    return count;
  });
}

/** Places on the waiting list of a fully booked day. */
export async function deleteDayWaits(ctx: DeleteCtx, tx: Tx, dayWaitIds: string[]): Promise<number> {
  return inParts(dayWaitIds, async (dayWaitIds) => {
    const rows = await tx.dayWait.findMany({
      where: { id: { in: dayWaitIds } },
      select: { day: true, locationId: true, status: true },
    });
    const tally = new FigureTally();
    for (const d of rows) {
      tally.add(d.day, d.locationId, "dayWaits");
      tally.add(d.day, d.locationId, `dayWaits.status.${d.status}`);
    }
    await saveFigures(ctx, tx, tally);
    const { count } = await tx.dayWait.deleteMany({ where: { id: { in: dayWaitIds } } });
    return count;
  });
}

/** Callbacks with their attempts and the calls made for them. */
export async function deleteCallbacks(ctx: DeleteCtx, tx: Tx, callbackIds: string[]): Promise<number> {
  return inParts(callbackIds, async (callbackIds) => {
    const rows = await tx.callback.findMany({
      where: { id: { in: callbackIds } },
      select: {
        createdAt: true,
        locationId: true,
        channel: true,
        status: true,
        attempts: { where: { outcome: "reached" }, select: { id: true }, take: 1 },
      },
    });
    const tally = new FigureTally();
    for (const c of rows) {
      tally.add(c.createdAt, c.locationId, "callbacks.requested");
      tally.add(c.createdAt, c.locationId, `callbacks.channel.${c.channel}`);
      if (c.status === "done" || c.attempts.length) tally.add(c.createdAt, c.locationId, "callbacks.reached");
    }
    await saveFigures(ctx, tx, tally);
    await tx.call.deleteMany({ where: { callbackId: { in: callbackIds } } });
    const { count } = await tx.callback.deleteMany({ where: { id: { in: callbackIds } } }); // attempts cascade
    return count;
  });
}

/** Click-to-call records (who called whom when; no content). */
export async function deleteCalls(ctx: DeleteCtx, tx: Tx, callIds: string[]): Promise<number> {
  return inParts(callIds, async (callIds) => {
    const rows = await tx.call.findMany({ where: { id: { in: callIds } }, select: { createdAt: true, status: true } });
    const tally = new FigureTally();
    for (const c of rows) tally.add(c.createdAt, null, `calls.${c.status}`);
    await saveFigures(ctx, tx, tally);
    const { count } = await tx.call.deleteMany({ where: { id: { in: callIds } } });
    return count;
  });
}

/**
 * Messages and their recordings. One whose copy at the provider is not deleted yet keeps an empty shell (no text,
 * no number, no person) so the purge job can still ask the provider to delete it; the next run removes the shell.
 */
export async function deleteMessages(_ctx: DeleteCtx, tx: Tx, messageIds: string[]): Promise<number> {
  return inParts(messageIds, async (messageIds) => {
    const atProvider = { purgedAt: null, OR: [{ providerId: { not: null } }, { recordingSid: { not: null } }] };
    await tx.voiceRecording.deleteMany({ where: { messageId: { in: messageIds } } });
    await tx.message.updateMany({
      where: { id: { in: messageIds }, ...atProvider },
      data: { body: "", toPhone: "", personId: null, lastError: null },
    });
    const { count } = await tx.message.deleteMany({ where: { id: { in: messageIds }, NOT: atProvider } });
    return count;
  });
}

/**
 * People, with whatever is still stored about them: each kind through its own function above (so its figures are
 * counted), then messages sent to or received from their number, then the person. The retention run calls this only
 * for people with nothing left; erasure on request decides first what may go.
 */
export async function deletePersons(ctx: DeleteCtx, tx: Tx, personIds: string[]): Promise<number> {
  return inParts(personIds, async (personIds) => {
    const mine = { where: { personId: { in: personIds } }, select: { id: true } } as const;
    await deleteTickets(ctx, tx, ids(await tx.ticket.findMany(mine)));
    await deleteLoans(ctx, tx, ids(await tx.loan.findMany(mine)));
    await deleteReservations(ctx, tx, ids(await tx.reservation.findMany(mine)));
    await deleteAppointments(ctx, tx, ids(await tx.appointment.findMany(mine)));
    await deleteWalkIns(ctx, tx, ids(await tx.walkIn.findMany(mine)));
    await deleteDayWaits(ctx, tx, ids(await tx.dayWait.findMany(mine)));
    await deleteCallbacks(ctx, tx, ids(await tx.callback.findMany(mine)));
    await deleteCalls(ctx, tx, ids(await tx.call.findMany(mine)));
    const phones = (await tx.person.findMany({ where: { id: { in: personIds } }, select: { phone: true } })).map(
      (p) => p.phone
    );
    await deleteMessages(
      ctx,
      tx,
      ids(await tx.message.findMany({ where: { personId: { in: personIds } }, select: { id: true } }))
    );
    await deleteMessages(
      ctx,
      tx,
      ids(await tx.message.findMany({ where: { toPhone: { in: phones } }, select: { id: true } }))
    );
    const { count } = await tx.person.deleteMany({ where: { id: { in: personIds } } });
    return count;
  });
}
