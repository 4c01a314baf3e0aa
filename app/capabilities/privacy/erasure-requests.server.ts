// A citizen asks for erasure — on the web, by SMS (LÖSCHEN), or on the phone (staff note it). That becomes a task
// for staff: a ticket in the "Datenschutz" category, never a deletion by itself (a stranger could type anyone's
// number). The answer is the same whether the number is known or not; for an unknown number nothing is stored.
import { z } from "zod";
import type { Ctx, StaffCtx, Tx } from "~/context";
import { getT } from "~/i18n/i18n.server";
import { forbidden } from "~/lib/errors";
import { IdempotencyKey, retryingOnRace } from "~/lib/idempotency";
import { normaliseReferenceCode, uniqueReference } from "~/lib/reference-code";
import { PhoneInput } from "~/capabilities/people/persons.server";
import { can } from "~/capabilities/people/permissions";
import { requirePersonVisible } from "~/capabilities/people/visibility.server";
import { dueAtFor, OPEN_STATUSES, type TicketEventKind } from "~/capabilities/helpdesk/values";
import { audit } from "./audit.server";

/** The built-in ticket category of requests about one's own data (migration erasure_pending). */
export const PRIVACY_CATEGORY_KEY = "privacy";

export type ErasureRequestChannel = "web" | "sms" | "phone";

/** The public form: the number they are known by, and a reference if they have one. Nothing more. */
export const ErasureRequestInput = z.object({
  phone: PhoneInput,
  reference: z
    .string()
    .trim()
    .max(20, { error: "citizen:erasure.referenceInvalid" })
    .optional()
    .refine((v) => !v || normaliseReferenceCode(v) !== null, { error: "citizen:erasure.referenceInvalid" })
    .transform((v) => (v ? (normaliseReferenceCode(v) ?? undefined) : undefined)),
  idempotencyKey: IdempotencyKey,
});

/**
 * Files the request for the person with this number, in the caller's transaction: their open erasure request if
 * there is one, else a new ticket (high priority: the law gives a month). null when the number is unknown — then
 * there is nothing to erase and nothing is kept.
 */
export async function fileErasureRequest(
  ctx: Ctx,
  tx: Tx,
  input: { phone: string; channel: ErasureRequestChannel; reference?: string; idempotencyKey?: string },
): Promise<{ ticketId: string; reference: string; filed: boolean } | null> {
  const person = await tx.person.findUnique({ where: { phone: input.phone }, select: { id: true } });
  if (!person) return null;
  const category = await tx.ticketCategory.findUnique({ where: { key: PRIVACY_CATEGORY_KEY }, select: { id: true } });
  const open = await tx.ticket.findFirst({
    where: { personId: person.id, categoryId: category?.id ?? "-", status: { in: [...OPEN_STATUSES] }, events: { some: { kind: "created", data: { contains: '"erasureRequest":true' } } } },
    select: { id: true, reference: true },
  });
  if (open) return { ticketId: open.id, reference: open.reference, filed: false };
  const t = getT("de", "helpdesk");
  const now = ctx.clock.now();
  const ticket = await tx.ticket.create({
    data: {
      reference: await uniqueReference(tx),
      personId: person.id,
      categoryId: category?.id ?? null,
      channel: input.channel,
      priority: "high",
      description: t("erasureRequest.description", {
        channel: t(`erasureRequest.channels.${input.channel}`),
        reference: input.reference ? t("erasureRequest.givenReference", { reference: input.reference }) : "",
      }),
      idempotencyKey: input.idempotencyKey ?? null,
      createdAt: now,
      lastActivityAt: now,
      dueAt: dueAtFor({ priority: "high", pendingUntil: null, lastActivityAt: now }),
    },
    select: { id: true, reference: true },
  });
  await tx.ticketEvent.create({
    data: {
      ticketId: ticket.id,
      at: now,
      kind: "created" satisfies TicketEventKind,
      actorId: ctx.actor.kind === "staff" ? ctx.actor.staffId : null,
      data: JSON.stringify({ channel: input.channel, erasureRequest: true }),
    },
  });
  return { ticketId: ticket.id, reference: ticket.reference, filed: true };
}

/** The web form. The same form sent twice files once (the ticket keeps the form's key); the answer never differs. */
export async function requestErasureOnWeb(ctx: Ctx, input: z.output<typeof ErasureRequestInput>): Promise<void> {
  await retryingOnRace(() =>
    ctx.db.$transaction(async (tx) => {
      if (input.idempotencyKey && (await tx.ticket.findUnique({ where: { idempotencyKey: input.idempotencyKey }, select: { id: true } }))) return;
      await fileErasureRequest(ctx, tx, { phone: input.phone.e164, channel: "web", reference: input.reference, idempotencyKey: input.idempotencyKey });
    }),
  );
}

/** Whether this staff member may note a request for this person: 404 for someone they may not see, as everywhere. */
export async function requireErasureRequestable(ctx: StaffCtx, personId: string): Promise<void> {
  if (!can(ctx.actor, "person:manage")) throw forbidden("person:manage");
  await requirePersonVisible(ctx, personId);
}

/** Staff note that the person asked on the phone: a task for the coordinators, audit-logged. */
export async function recordErasureRequestByPhone(ctx: StaffCtx, personId: string) {
  if (!can(ctx.actor, "person:manage")) throw forbidden("person:manage");
  const person = await requirePersonVisible(ctx, personId);
  return ctx.db.$transaction(async (tx) => {
    const filed = (await fileErasureRequest(ctx, tx, { phone: person.phone, channel: "phone" }))!;
    if (filed.filed) await audit(ctx, tx, { action: "person.erasureRequested", subjectType: "Person", subjectId: person.id, details: { channel: "phone" } });
    return filed;
  });
}
