// A citizen reports a problem on the web: a ticket, and — when they ask for it — a callback linked to it. Its own
// module because it joins the helpdesk and the callbacks (which open tickets themselves): no circular imports.
import { z } from "zod";
import type { Ctx } from "~/context";
import { AppError } from "~/lib/errors";
import { findOrCreatePerson, NewPersonInput } from "~/capabilities/people/persons.server";
import { createCallback, defaultWindows } from "~/capabilities/scheduling/callbacks.server";
import { createTicket, Description, OptionalId } from "./tickets.server";

/** The public web form: the problem in their own words, and how to reach them. Nothing more. */
export const ReportProblemInput = NewPersonInput.extend({
  description: Description,
  categoryId: OptionalId,
  callbackWanted: z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean()),
});

/**
 * A citizen reports a problem on the web. Returns the reference code to show on screen and, when they asked to be
 * called back, the callback created in the same transaction: when it is planned (null: not yet, the team says when).
 */
export async function reportProblem(ctx: Ctx, input: z.output<typeof ReportProblemInput>) {
  return ctx.db.$transaction(async (tx) => {
    const person = await findOrCreatePerson(tx, input);
    if (input.categoryId && !(await tx.ticketCategory.findFirst({ where: { id: input.categoryId, active: true } }))) {
      throw new AppError(400, "helpdesk:errors.categoryUnknown");
    }
    const ticket = await createTicket(ctx, tx, {
      personId: person.id,
      channel: "web",
      description: input.description,
      categoryId: input.categoryId,
      callbackWanted: input.callbackWanted,
    });
    // "Please call me back": a callback in the next working days' callback hours, linked to the ticket.
    const callback = input.callbackWanted
      ? await createCallback(ctx, tx, { personId: person.id, locationId: null, windows: defaultWindows(ctx.clock.now()), channel: "web", ticketId: ticket.id })
      : null;
    return {
      reference: ticket.reference,
      callback: callback && { reference: callback.reference, scheduledAt: callback.scheduledAt, timeZone: callback.timeZone },
    };
  });
}
