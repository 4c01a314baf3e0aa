// The retention schedule (Löschkonzept): for each kind of record, when it has ended and how long after that it is
// kept. The nightly run and the page's "what the next run removes" both read these conditions, so they cannot differ.
import { fromDate } from "@internationalized/date";
import type { Prisma } from "~/generated/prisma/client";
import type { RetentionDays } from "~/context";
import { OPEN_RESERVATION_STATUSES } from "~/capabilities/lending/values";
import { PROGRAMME_TIME_ZONE } from "~/lib/time-zone";

/** Every setting the schedule reads, in days: the operator's retention settings and the message texts' own. */
export type RetentionSettings = Omit<RetentionDays, "auditDays"> & { messageDays: number };

export const ENDED_LOAN_STATUSES = ["returned", "lost", "stolen"];
export const FINISHED_CALLBACK_STATUSES = ["done", "failed", "cancelled"];

/** A person is never deleted on the day they were entered: a desk may still be adding their first request. */
export const NEW_PERSON_GRACE_DAYS = 1;

/**
 * "N days after": the same wall-clock time N calendar days earlier in Berlin, so a record closed at 14:00 goes at
 * 14:00 whether or not the clocks changed in between (N × 24 hours would be an hour off across a DST change).
 */
export function daysBefore(now: Date, days: number): Date {
  return fromDate(now, PROGRAMME_TIME_ZONE).subtract({ days }).toDate();
}

/** The Berlin calendar day ("YYYY-MM-DD") of a moment. */
function berlinDay(at: Date): string {
  return fromDate(at, PROGRAMME_TIME_ZONE).toString().slice(0, 10);
}

export interface Cutoffs {
  tickets: Date;
  loans: Date;
  appointments: Date;
  /** Day lists are kept by their day: those of days before this one have ended long enough. */
  dayWaitsBefore: string;
  callbacks: Date;
  reservations: Date;
  messages: Date;
  newPerson: Date;
}

export function cutoffs(now: Date, s: RetentionSettings): Cutoffs {
  const appointments = daysBefore(now, s.appointmentDays);
  return {
    tickets: daysBefore(now, s.ticketDays),
    loans: daysBefore(now, s.loanDays),
    appointments,
    // A day's list ends at midnight after the day: gone once that midnight lies N days back.
    dayWaitsBefore: berlinDay(appointments),
    callbacks: daysBefore(now, s.callbackDays),
    reservations: daysBefore(now, s.waitlistDays),
    messages: daysBefore(now, s.messageDays),
    newPerson: daysBefore(now, NEW_PERSON_GRACE_DAYS),
  };
}

/** Closed tickets, counted from closing; open, waiting and resolved ones never. */
export const dueTickets = (c: Cutoffs): Prisma.TicketWhereInput => ({ status: "closed", closedAt: { lte: c.tickets } });

/** Ended loans (returned, lost, stolen), counted from the return; an active loan never. */
export const dueLoans = (c: Cutoffs): Prisma.LoanWhereInput => ({
  status: { in: ENDED_LOAN_STATUSES },
  returnedAt: { lte: c.loans },
});

/** Ended places on a tablet waiting list, counted from their last change (when they ended). */
export const dueReservations = (c: Cutoffs): Prisma.ReservationWhereInput => ({
  status: { notIn: [...OPEN_RESERVATION_STATUSES] },
  updatedAt: { lte: c.reservations },
});

/** Appointments whose time has passed, whatever became of them. */
export const dueAppointments = (c: Cutoffs): Prisma.AppointmentWhereInput => ({ endsAt: { lte: c.appointments } });

export const dueWalkIns = (c: Cutoffs): Prisma.WalkInWhereInput => ({ arrivedAt: { lte: c.appointments } });

export const dueDayWaits = (c: Cutoffs): Prisma.DayWaitWhereInput => ({ day: { lt: c.dayWaitsBefore } });

/** Finished callbacks (done, failed, cancelled), counted from their last change; promised ones never. */
export const dueCallbacks = (c: Cutoffs): Prisma.CallbackWhereInput => ({
  status: { in: FINISHED_CALLBACK_STATUSES },
  updatedAt: { lte: c.callbacks },
});

/** Calls made for a ticket or a callback go with it; a call made for neither keeps the callbacks' period. */
export const dueLooseCalls = (c: Cutoffs): Prisma.CallWhereInput => ({
  ticketId: null,
  callbackId: null,
  createdAt: { lte: c.callbacks },
});

/** Messages whose text has had its time (MESSAGE_RETENTION_DAYS after the final status, or after arrival). */
export const oldMessages = (c: Cutoffs): Prisma.MessageWhereInput => ({
  OR: [{ finalAt: { lte: c.messages } }, { direction: "inbound", finalAt: null, createdAt: { lte: c.messages } }],
});

/**
 * Old messages whose row may go on its own: the provider's copy is deleted (or there never was one). Those a
 * ticket's timeline still shows stay with the ticket; the run checks that batch by batch.
 */
export const dueMessages = (c: Cutoffs): Prisma.MessageWhereInput => ({
  AND: [oldMessages(c), { OR: [{ purgedAt: { not: null } }, { providerId: null, recordingSid: null }] }],
});

/**
 * A person with nothing left once this run is done: every ticket, loan, place, appointment, visit, day list,
 * callback, call and message of theirs is due (or there is none).
 */
export const duePersons = (c: Cutoffs): Prisma.PersonWhereInput => ({
  createdAt: { lte: c.newPerson },
  tickets: { every: dueTickets(c) },
  loans: { every: dueLoans(c) },
  reservations: { every: dueReservations(c) },
  appointments: { every: dueAppointments(c) },
  walkIns: { every: dueWalkIns(c) },
  dayWaits: { every: dueDayWaits(c) },
  callbacks: { every: dueCallbacks(c) },
  // A call for a ticket or callback goes with it, and all of those are due here.
  calls: {
    every: { OR: [{ ticketId: { not: null } }, { callbackId: { not: null } }, { createdAt: { lte: c.callbacks } }] },
  },
  messages: { every: oldMessages(c) },
});
