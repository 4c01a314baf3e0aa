// Glue between the staff ticket pages and the helpdesk capability: the plain shapes the pages render, saved
// searches (no phone number or name ever sits in a URL), the ticket page's form actions, and capability
// refusals shown beside the form that caused them instead of as an error page.
import crypto from "node:crypto";
import { data } from "@remix-run/node";
import type { SubmissionResult } from "@conform-to/react";
import { z } from "zod";
import type { StaffCtx } from "~/context";
import { AppError } from "~/lib/errors";
import { phoneLink, type ParsedPhone } from "~/lib/phone.server";
import { languages } from "~/i18n/locales.server";
import { channelFor } from "~/capabilities/messaging/messenger.server";
import { can } from "~/capabilities/people/permissions";
import { listLocationsFor, listPublicLocations } from "~/capabilities/people/locations.server";
import { findPersonByPhone, PhoneInput } from "~/capabilities/people/persons.server";
import { listCategories } from "~/capabilities/helpdesk/categories.server";
import { listArticles } from "~/capabilities/helpdesk/articles.server";
import { personLending } from "~/capabilities/lending/person-lending.server";
import { personScheduling } from "~/capabilities/scheduling/person-scheduling.server";
import { audit } from "~/capabilities/privacy/audit.server";
import {
  assignableStaff,
  getTicket,
  listTickets,
  personOverview,
  staffNames,
  TICKET_VIEWS,
  type TicketListInput,
  type TicketView,
} from "~/capabilities/helpdesk/queries.server";
import {
  addNote,
  AssignInput,
  assignTicket,
  CallInput,
  changeStatus,
  ChangeStatusInput,
  ClassifyInput,
  classifyTicket,
  NoteInput,
  PendingInput,
  recordCall,
  ReplyInput,
  type ReplyLinks,
  replyToCitizen,
  setPending,
} from "~/capabilities/helpdesk/ticket-workflow.server";
import { pagesOf } from "~/lib/pages";
import { spelledOut } from "~/lib/reference-code";
import { OPEN_STATUSES, TRANSITIONS, type TicketStatus } from "~/capabilities/helpdesk/values";
import { errorResponse, respondTo } from "./errors.server";
import { parseForm, formIntent } from "./forms.server";
import { personName } from "~/lib/person-name";

export { personName };

const isOpen = (status: string) => OPEN_STATUSES.includes(status as TicketStatus);
const categoryOption = (c: { id: string; key: string; labels: string; active: boolean }) => ({
  id: c.id,
  key: c.key,
  labels: c.labels,
  active: c.active,
});

/** What every ticket form offers: the actor's places and the active categories. */
export async function ticketFormOptions(ctx: StaffCtx) {
  const [locations, categories] = await Promise.all([listLocationsFor(ctx), listCategories(ctx)]);
  return { locations: locations.map(({ id, name }) => ({ id, name })), categories: categories.map(categoryOption) };
}

// ---------------------------------------------------------------------------------------------------------
// The list and its search

export function viewFrom(url: URL): TicketView {
  const view = url.searchParams.get("view");
  return TICKET_VIEWS.find((v) => v === view) ?? "mine";
}

export async function ticketList(ctx: StaffCtx, input: TicketListInput) {
  const { tickets, total, pageCount } = await listTickets(ctx, input);
  return {
    total,
    pageCount,
    tickets: tickets.map((t) => ({
      id: t.id,
      reference: t.reference,
      person: personName(t.person),
      category: t.category,
      status: t.status,
      priority: t.priority,
      location: t.location?.name ?? null,
      assignee: t.assignee?.name ?? null,
      lastActivityAt: t.lastActivityAt.toISOString(),
      overdue: t.overdue,
    })),
  };
}

export const SearchInput = z
  .object({
    q: z.string().trim().max(100, { error: "tickets:errors.searchTooLong" }).optional(),
    categoryId: z.string().trim().optional(),
  })
  .refine((search) => Boolean(search.q || search.categoryId), { error: "tickets:errors.searchEmpty", path: ["q"] });

interface SavedSearch {
  staffId: string;
  q?: string;
  categoryId?: string;
  expiresAt: number;
}

// A search for a phone number or a first name must not end up in a URL (browser history, shared devices): the
// action keeps it here and redirects with an opaque token that only its author can use, for a short while.
// In memory, like the rate limits: one process serves the app; a restart only means searching again.
const SEARCH_MINUTES = 15;
const MAX_SEARCHES = 1000;
const searches = new Map<string, SavedSearch>();

export function saveSearch(ctx: StaffCtx, search: { q?: string; categoryId?: string }): string {
  const now = ctx.clock.now().getTime();
  for (const [token, saved] of searches) if (saved.expiresAt <= now) searches.delete(token);
  if (searches.size >= MAX_SEARCHES) searches.delete(searches.keys().next().value!);
  const token = crypto.randomBytes(12).toString("base64url");
  searches.set(token, {
    staffId: ctx.actor.staffId,
    q: search.q || undefined,
    categoryId: search.categoryId || undefined,
    expiresAt: now + SEARCH_MINUTES * 60_000,
  });
  return token;
}

/** The saved search behind a token, or null when it expired or belongs to someone else. Reading it extends it. */
export function readSearch(ctx: StaffCtx, token: string | null): { q?: string; categoryId?: string } | null {
  const saved = token ? searches.get(token) : undefined;
  const now = ctx.clock.now().getTime();
  if (!saved || saved.staffId !== ctx.actor.staffId || saved.expiresAt <= now) return null;
  saved.expiresAt = now + SEARCH_MINUTES * 60_000;
  return { q: saved.q, categoryId: saved.categoryId };
}

// ---------------------------------------------------------------------------------------------------------
// Capability refusals in forms

/**
 * Runs a capability call for a form. A refusal about the input (400) or the ticket's current state (409)
 * comes back to be shown in that form's error summary; anything else (403, 404) becomes an error page.
 */
export async function attempt<T>(body: () => Promise<T>): Promise<{ ok: true; value: T } | { ok: false; refusal: AppError }> {
  return respondTo(async () => {
    try {
      return { ok: true as const, value: await body() };
    } catch (error) {
      if (error instanceof AppError && (error.status === 400 || error.status === 409)) return { ok: false as const, refusal: error };
      throw error;
    }
  });
}

/** Refusals that are about one field get linked to it from the error summary. */
const REFUSAL_FIELDS: Record<string, string> = {
  "helpdesk:errors.pendingInPast": "until",
  "helpdesk:errors.assigneeUnknown": "assigneeId",
  "helpdesk:errors.assigneeNotAtLocation": "assigneeId",
  "helpdesk:errors.categoryUnknown": "categoryId",
  "helpdesk:errors.articleUnknown": "article",
};

interface Replyable {
  reply(options?: { formErrors?: string[]; fieldErrors?: Record<string, string[]> }): SubmissionResult<string[]>;
}

export function refusalReply(submission: Replyable, refusal: AppError): SubmissionResult<string[]> {
  const field = REFUSAL_FIELDS[refusal.messageKey];
  return field
    ? submission.reply({ fieldErrors: { [field]: [refusal.messageKey] } })
    : submission.reply({ formErrors: [refusal.messageKey] });
}

// ---------------------------------------------------------------------------------------------------------
// Phone intake

/** The first step of phone intake: the number as the caller says it, in any German format. */
export const LookupInput = z.object({ phone: PhoneInput });

/** Who is calling: the person with this number (and their open tickets), or nobody yet. Audit-logged when found. */
export async function lookUpCaller(ctx: StaffCtx, phone: ParsedPhone) {
  const found = await findPersonByPhone(ctx, phone.e164);
  const overview = found ? await personOverview(ctx, found.id) : null;
  return {
    phone: { ...phoneLink(phone.e164), type: phone.type },
    person: overview
      ? {
          id: overview.person.id,
          name: personName(overview.person),
          language: overview.person.language,
          contactPreference: overview.person.contactPreference,
          openTickets: overview.tickets
            .filter((t) => isOpen(t.status))
            .map((t) => ({ id: t.id, reference: t.reference, status: t.status, createdAt: t.createdAt.toISOString() })),
        }
      : null,
  };
}

export async function intakeOptions(ctx: StaffCtx) {
  return { ...(await ticketFormOptions(ctx)), languages: languages() };
}

// ---------------------------------------------------------------------------------------------------------
// One ticket

const toIso = (date: Date | null) => (date ? date.toISOString() : null);

function eventData(json: string): Record<string, string | null> {
  try {
    const parsed = JSON.parse(json) as Record<string, unknown>;
    return Object.fromEntries(
      Object.entries(parsed).map(([key, value]) => [key, value == null ? null : String(value)]),
    );
  } catch {
    return {};
  }
}

/** The ticket page: the ticket (its view is audit-logged), its timeline, and what the forms offer. */
export async function ticketPage(ctx: StaffCtx, ticketId: string) {
  const ticket = await getTicket(ctx, ticketId);
  const events = ticket.events.map((e) => ({
    id: e.id,
    at: e.at.toISOString(),
    kind: e.kind,
    public: e.public,
    actor: e.actor?.name ?? null,
    body: e.body,
    data: eventData(e.data),
    recording: null as { id: string; seconds: number } | null,
  }));
  // Voice messages: the timeline offers the recording (played through /team/recordings/<id>, audit-logged).
  const messageIds = ticket.events.map((e) => e.messageId).filter((id): id is string => Boolean(id));
  if (messageIds.length) {
    const recordings = await ctx.db.voiceRecording.findMany({ where: { messageId: { in: messageIds } }, select: { id: true, seconds: true, messageId: true } });
    for (const [i, e] of ticket.events.entries()) {
      const recording = recordings.find((r) => r.messageId === e.messageId);
      if (recording) events[i]!.recording = { id: recording.id, seconds: recording.seconds };
    }
  }
  const mentioned = [...new Set(events.map((e) => e.data.assigneeId).filter((id): id is string => Boolean(id)))];
  const [staff, categories, places, ownPlaces, names, articles, callbacks] = await Promise.all([
    assignableStaff(ctx, ticket.locationId),
    listCategories(ctx, { includeRetired: true }),
    listPublicLocations(ctx),
    listLocationsFor(ctx),
    staffNames(ctx, mentioned),
    listArticles(ctx, { publishedOnly: true }),
    // "Please call me back" handed over to the callbacks: the call this ticket is waiting for, for those who make them.
    can(ctx.actor, "callback:manage")
      ? ctx.db.callback.findMany({
          where: { ticketId: ticket.id },
          orderBy: { createdAt: "asc" },
          select: { id: true, reference: true, status: true, scheduledAt: true },
        })
      : [],
  ]);
  const now = ctx.clock.now();
  return {
    ticket: {
      id: ticket.id,
      reference: ticket.reference,
      spelled: spelledOut(ticket.reference),
      status: ticket.status,
      priority: ticket.priority,
      channel: ticket.channel,
      description: ticket.description,
      callbackWanted: ticket.callbackWanted,
      callbacks: callbacks.map((c) => ({ id: c.id, reference: c.reference, status: c.status, scheduledAt: toIso(c.scheduledAt) })),
      createdAt: ticket.createdAt.toISOString(),
      pendingUntil: toIso(ticket.pendingUntil),
      overdue: isOpen(ticket.status) && ticket.dueAt <= now,
      categoryId: ticket.categoryId,
      person: { id: ticket.person.id, name: personName(ticket.person) },
      /** How a reply reaches the citizen (SMS, or a voice call for landlines and who prefer it). */
      replyChannel: channelFor(ticket.person),
      location: ticket.location,
      assignee: ticket.assignee,
    },
    events,
    names: { staff: names, locations: Object.fromEntries(places.map((p) => [p.id, p.name])) },
    categories: categories.map(categoryOption),
    canManage: can(ctx.actor, "ticket:manage", ticket.locationId),
    options: {
      nextStatuses: TRANSITIONS[ticket.status as TicketStatus] ?? [],
      staff,
      locations: ownPlaces.map(({ id, name }) => ({ id, name })),
      /** Published help articles a reply can link, each in plain German and in Leichte Sprache. */
      articles: articles.map(({ id, title, titleEasy }) => ({ id, title, titleEasy })),
    },
  };
}

interface TicketAction<S extends z.ZodType> {
  schema: S;
  run: (ctx: StaffCtx, ticketId: string, input: z.output<S>, links: ReplyLinks) => Promise<unknown>;
}
const act = <S extends z.ZodType>(schema: S, run: TicketAction<S>["run"]): TicketAction<S> => ({ schema, run });

/** Every form on the ticket page: its `intent`, the capability's input schema, and the call. */
const TICKET_ACTIONS = {
  status: act(ChangeStatusInput, changeStatus),
  assign: act(AssignInput, assignTicket),
  note: act(NoteInput, addNote),
  reply: act(ReplyInput, replyToCitizen),
  call: act(CallInput, recordCall),
  pending: act(PendingInput, setPending),
  classify: act(ClassifyInput, classifyTicket),
};
export type TicketIntent = keyof typeof TICKET_ACTIONS;

/**
 * One form of the ticket page, chosen by its hidden `intent`. Invalid input and refusals answer with the form's
 * own errors (400, or 409 for a ticket that changed meanwhile); success answers with a reset form.
 */
export async function performTicketAction(ctx: StaffCtx, ticketId: string, request: Request, links: ReplyLinks) {
  const intent = await formIntent(request);
  if (typeof intent !== "string" || !Object.hasOwn(TICKET_ACTIONS, intent)) {
    throw errorResponse(new AppError(400, "errors.page.400.body", { intent: String(intent) }));
  }
  const name = intent as TicketIntent;
  const { schema, run } = TICKET_ACTIONS[name] as unknown as TicketAction<z.ZodType>;
  const { submission } = await parseForm(request, schema);
  if (submission.status !== "success") {
    return data({ intent: name, saved: false, result: submission.reply() }, { status: 400 });
  }
  const outcome = await attempt(() => run(ctx, ticketId, submission.value, links));
  if (!outcome.ok) {
    return data({ intent: name, saved: false, result: refusalReply(submission, outcome.refusal) }, { status: outcome.refusal.status });
  }
  return data({ intent: name, saved: true, result: submission.reply({ resetForm: true }) }, { status: 200 });
}

// ---------------------------------------------------------------------------------------------------------
// One person

/** Each list on the person page comes in pages of this many (newest first). */
export const PERSON_ROWS_PER_PAGE = 25;

/** The person page's lists, each paged on its own: also their ?<name>= in the address and their section's id. */
export const PERSON_SECTIONS = ["tickets", "loans", "reservations", "appointments", "callbacks"] as const;
export type PersonPageNumbers = Partial<Record<(typeof PERSON_SECTIONS)[number], number>>;

/** The person page: ONE audit entry per view, with how much of each kind it showed (counts, nothing personal). */
export async function personPage(ctx: StaffCtx, personId: string, pages: PersonPageNumbers = {}) {
  const at = (name: keyof PersonPageNumbers) => pages[name] ?? 1;
  const pageSize = PERSON_ROWS_PER_PAGE;
  const { person, tickets, ticketCount } = await personOverview(ctx, personId, { logged: false, page: at("tickets"), pageSize });
  const lending = await personLending(ctx, personId, { loans: at("loans"), reservations: at("reservations"), pageSize });
  const scheduling = await personScheduling(ctx, personId, { appointments: at("appointments"), callbacks: at("callbacks"), pageSize });
  await audit(ctx, ctx.db, {
    action: "person.viewed",
    subjectType: "Person",
    subjectId: person.id,
    details: {
      tickets: tickets.length,
      loans: lending?.loans.length ?? 0,
      reservations: lending?.reservations.length ?? 0,
      appointments: scheduling.appointments.length,
      callbacks: scheduling.callbacks.length,
      via: "person",
    },
  });
  const language = languages().find((l) => l.code === person.language);
  return {
    person: {
      id: person.id,
      name: personName(person),
      phone: phoneLink(person.phone),
      phoneType: person.phoneType,
      language: language ?? { code: person.language, name: person.language, dir: "ltr" as const },
      contactPreference: person.contactPreference,
    },
    ticketPages: pagesOf(ticketCount, at("tickets"), pageSize),
    appointmentPages: pagesOf(scheduling.appointmentCount, at("appointments"), pageSize),
    callbackPages: pagesOf(scheduling.callbackCount, at("callbacks"), pageSize),
    tickets: tickets.map((t) => ({
      id: t.id,
      reference: t.reference,
      status: t.status,
      createdAt: t.createdAt.toISOString(),
      category: t.category,
      location: t.location?.name ?? null,
    })),
    appointments: scheduling.appointments.map((a) => ({
      id: a.id,
      reference: a.reference,
      status: a.status,
      startsAt: a.startsAt.toISOString(),
      timeZone: a.location.timeZone,
      location: a.location.name,
    })),
    callbacks: scheduling.callbacks.map((c) => ({
      id: c.id,
      reference: c.reference,
      status: c.status,
      scheduledAt: c.scheduledAt?.toISOString() ?? null,
      attempts: c.attemptCount,
      createdAt: c.createdAt.toISOString(),
    })),
    showScheduling: can(ctx.actor, "schedule:view") || can(ctx.actor, "callback:manage"),
    /** null when the staff member does not work with loans. */
    lending: lending && {
      loans: lending.loans.map((l) => ({
        id: l.id,
        reference: l.reference,
        status: l.status,
        device: l.device.assetTag,
        location: l.location.name,
        checkedOutAt: l.checkedOutAt.toISOString(),
        dueAt: l.dueAt.toISOString(),
      })),
      reservations: lending.reservations.map((r) => ({
        id: r.id,
        reference: r.reference,
        status: r.status,
        location: r.location.name,
        createdAt: r.createdAt.toISOString(),
      })),
      loanPages: pagesOf(lending.loanCount, at("loans"), pageSize),
      reservationPages: pagesOf(lending.reservationCount, at("reservations"), pageSize),
    },
  };
}
