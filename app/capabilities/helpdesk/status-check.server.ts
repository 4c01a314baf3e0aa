// The citizen's status check: reference code + last 4 digits of the phone number → status and the last public
// message, in their language. Never tells whether a code or a number exists: a wrong pair is simply "not found".
import { z } from "zod";
import type { Ctx } from "~/context";
import { normaliseReferenceCode } from "~/lib/reference-code";
import type { TicketEventKind } from "./values";

export const StatusCheckInput = z.object({
  reference: z
    .string({ error: "helpdesk:errors.referenceRequired" })
    .trim()
    .min(1, { error: "helpdesk:errors.referenceRequired" })
    .max(20, { error: "helpdesk:errors.referenceInvalid" })
    .transform((v, ctx) => {
      const code = normaliseReferenceCode(v);
      if (!code) {
        ctx.addIssue({ code: "custom", message: "helpdesk:errors.referenceInvalid" });
        return z.NEVER;
      }
      return code;
    }),
  phoneLast4: z
    .string({ error: "helpdesk:errors.last4Required" })
    .trim()
    .regex(/^\d{4}$/, { error: "helpdesk:errors.last4Invalid" }),
});

export interface TicketStatusView {
  reference: string;
  status: string;
  lastMessage: { body: string; at: Date } | null;
  language: string;
}

export async function checkTicketStatus(ctx: Ctx, input: z.output<typeof StatusCheckInput>): Promise<TicketStatusView | null> {
  const ticket = await ctx.db.ticket.findUnique({
    where: { reference: input.reference },
    select: { reference: true, status: true, person: { select: { phone: true, language: true } } },
  });
  // Same answer, same work, whether the code or the digits are wrong.
  if (!ticket || !ticket.person.phone.endsWith(input.phoneLast4)) return null;
  const last = await ctx.db.ticketEvent.findFirst({
    where: { ticket: { reference: input.reference }, kind: "message_out" satisfies TicketEventKind, public: true },
    orderBy: { at: "desc" },
    select: { body: true, at: true },
  });
  return {
    reference: ticket.reference,
    status: ticket.status,
    lastMessage: last?.body ? { body: last.body, at: last.at } : null,
    language: ticket.person.language,
  };
}
