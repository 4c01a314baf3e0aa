// A problem reported on the web or taken by staff: a ticket, and — when the person asks for it — a callback linked
// to it, in the same transaction. Its own module because it joins the helpdesk and the callbacks (which open
// tickets themselves): no circular imports.
import { z } from "zod";
import type { Ctx, StaffCtx } from "~/context";
import { type GivenWithRequest, NewPersonInput, personForRequest } from "~/capabilities/people/persons.server";
import { noteConsent } from "~/capabilities/privacy/consent.server";
import { createCallback } from "~/capabilities/scheduling/callbacks.server";
import { defaultWindows } from "~/capabilities/scheduling/callback-windows.server";
import type { CallbackChannel } from "~/capabilities/scheduling/values";
import { IdempotencyKey, retryingOnRace } from "~/lib/idempotency";
import { PROGRAMME_TIME_ZONE } from "~/lib/time-zone";
import { createTicket, Description, openTicket, OpenTicketInput, OptionalId } from "./tickets.server";

/** The public web form: the problem in their own words, and how to reach them. Nothing more. */
export const ReportProblemInput = NewPersonInput.extend({
  description: Description,
  categoryId: OptionalId,
  callbackWanted: z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean()),
  idempotencyKey: IdempotencyKey,
});

/**
 * A citizen reports a problem on the web. Returns the reference code to show on screen and, when they asked to be
 * called back, the callback created in the same transaction: when it is planned (null: not yet, the team says when).
 * The same form sent again (a double press on a slow line) answers with the first ticket and sends nothing: the
 * ticket keeps the form's key under a unique index, so of two parallel sends one commits and the other, refused by
 * the index, runs again and finds it (`replayed`).
 */
export async function reportProblem(ctx: Ctx, input: z.output<typeof ReportProblemInput>) {
  return retryingOnRace(() =>
    ctx.db.$transaction(async (tx) => {
      if (input.idempotencyKey) {
        const earlier = await tx.ticket.findUnique({ where: { idempotencyKey: input.idempotencyKey }, select: { id: true, reference: true } });
        if (earlier) {
          const callback = await tx.callback.findFirst({
            where: { ticketId: earlier.id },
            orderBy: { createdAt: "asc" },
            select: { reference: true, scheduledAt: true, location: { select: { timeZone: true } } },
          });
          return {
            reference: earlier.reference,
            callback: callback
              ? { reference: callback.reference, scheduledAt: callback.scheduledAt, timeZone: callback.location?.timeZone ?? PROGRAMME_TIME_ZONE }
              : null,
            replayed: true,
          };
        }
      }
      const { person, given } = await personForRequest(ctx, tx, input);
      // Sent after the form's privacy notice, which says that we write and call about the request (decision 033).
      await noteConsent(ctx, tx, person.id, "contact", "web");
      // "Please call me back": a callback in the next working days' callback hours, linked to the ticket and under
      // its reference; the ticket's confirmation names it (one message with one reference, not two).
      const { reference, callback } = await createTicket(
        ctx,
        tx,
        {
          personId: person.id,
          channel: "web",
          description: input.description,
          categoryId: input.categoryId,
          callbackWanted: input.callbackWanted,
          idempotencyKey: input.idempotencyKey,
          ...given,
        },
        undefined,
        input.callbackWanted ? (tx, ticket) => createCallback(ctx, tx, callbackFor(ticket, "web", ctx.clock.now())) : undefined,
      );
      return {
        reference,
        callback: callback ? { reference: callback.reference, scheduledAt: callback.scheduledAt, timeZone: callback.timeZone } : null,
        replayed: false,
      };
    }),
  );
}

/**
 * The callback that goes with a ticket: in the next working days' callback hours, told in the ticket's message, and
 * under the ticket's reference — one concern, one reference the person sees everywhere (decision 027). It keeps
 * what the person said with the ticket, so the call's messages greet and speak as the ticket's did.
 */
const callbackFor = (
  ticket: { id: string; reference: string; personId: string; locationId: string | null } & GivenWithRequest,
  channel: CallbackChannel,
  now: Date,
) => ({
  personId: ticket.personId,
  locationId: ticket.locationId,
  windows: defaultWindows(now),
  channel,
  ticketId: ticket.id,
  reference: ticket.reference,
  given: { givenName: ticket.givenName, givenLanguage: ticket.givenLanguage },
  confirm: false,
});

/**
 * Staff take a ticket (phone intake, walk-in, on their own). "The person wants to be called back" hands over to the
 * callbacks like the web form: a callback in the next working days' callback hours of the ticket's place (or the
 * programme-wide pool), linked to the ticket; the ticket's message tells when. A replayed form creates neither twice.
 */
export async function takeTicket(ctx: StaffCtx, input: z.output<typeof OpenTicketInput>) {
  if (!input.callbackWanted) return openTicket(ctx, input);
  return openTicket(ctx, input, (tx, ticket) =>
    createCallback(ctx, tx, callbackFor(ticket, input.channel === "walk_in" ? "staff" : input.channel, ctx.clock.now())),
  );
}
