// Glue between the staff ticket pages and the helpdesk capability: the plain shapes the pages render, saved
// searches (no phone number or name ever sits in a URL) and the ticket page's form actions.
import crypto from "node:crypto";
import { z } from "zod";
import type { StaffCtx } from "~/context";
import { givenView, personName } from "~/lib/person-name";
import { languages } from "~/i18n/locales.server";
import { channelFor } from "~/capabilities/messaging/messenger.server";
import { listLocationsFor, listPublicLocations } from "~/capabilities/people/locations.server";
import { listCategories } from "~/capabilities/helpdesk/categories.server";
import { listArticles } from "~/capabilities/helpdesk/articles.server";
import { recordingsOf } from "~/capabilities/phone/voice-message.server";
import {
  assignableStaff,
  getTicket,
  listTickets,
  staffNames,
  ticketCallbacks,
  TICKET_VIEWS,
  type TicketListInput,
  type TicketView,
} from "~/capabilities/helpdesk/queries.server";
import {
  addNote,
  AssignInput,
  assignTicket,
  CallInput,
  ChangeStatusInput,
  changeStatus,
  ClassifyInput,
  classifyTicket,
  NoteInput,
  PendingInput,
  recordCall,
  ReplyInput,
  replyToCitizen,
  type ReplyLinks,
  setPending,
} from "~/capabilities/helpdesk/ticket-workflow.server";
import { spelledOut } from "~/lib/reference-code";
import { OPEN_STATUSES, TRANSITIONS, type TicketStatus } from "~/capabilities/helpdesk/values";
import { intentForm, performIntent } from "./forms.server";

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
// Phone intake

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
  const recordings = await recordingsOf(ctx, ticket.events.map((e) => e.messageId).filter((id): id is string => Boolean(id)));
  for (const [i, e] of ticket.events.entries()) {
    const recording = recordings.find((r) => r.messageId === e.messageId);
    if (recording) events[i]!.recording = { id: recording.id, seconds: recording.seconds };
  }
  const mentioned = [...new Set(events.map((e) => e.data.assigneeId).filter((id): id is string => Boolean(id)))];
  const [staff, categories, places, ownPlaces, names, articles, callbacks] = await Promise.all([
    assignableStaff(ctx, ticket.locationId),
    listCategories(ctx, { includeRetired: true }),
    listPublicLocations(ctx),
    listLocationsFor(ctx),
    staffNames(ctx, mentioned),
    listArticles(ctx, { publishedOnly: true }),
    ticketCallbacks(ctx, ticket.id),
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
      person: { id: ticket.person.id, name: personName(ticket.person), given: givenView(ticket) },
      /** How a reply reaches the citizen (SMS, or a voice call for landlines and who prefer it). */
      replyChannel: channelFor(ticket.person),
      location: ticket.location,
      assignee: ticket.assignee,
    },
    events,
    names: { staff: names, locations: Object.fromEntries(places.map((p) => [p.id, p.name])) },
    categories: categories.map(categoryOption),
    canManage: ticket.canManage,
    options: {
      nextStatuses: TRANSITIONS[ticket.status as TicketStatus] ?? [],
      staff,
      locations: ownPlaces.map(({ id, name }) => ({ id, name })),
      /** Published help articles a reply can link, each in plain German and in Leichte Sprache. */
      articles: articles.map(({ id, title, titleEasy }) => ({ id, title, titleEasy })),
    },
  };
}

/** One form of the ticket page, chosen by its hidden `intent` (performIntent says how it answers). */
export async function performTicketAction(ctx: StaffCtx, ticketId: string, request: Request, links: ReplyLinks) {
  const on = <S extends z.ZodType>(schema: S, run: (ctx: StaffCtx, id: string, input: z.output<S>, links: ReplyLinks) => Promise<unknown>) =>
    intentForm(schema, (input) => run(ctx, ticketId, input, links));
  return performIntent(request, {
    status: on(ChangeStatusInput, changeStatus),
    assign: on(AssignInput, assignTicket),
    note: on(NoteInput, addNote),
    reply: on(ReplyInput, replyToCitizen),
    call: on(CallInput, recordCall),
    pending: on(PendingInput, setPending),
    classify: on(ClassifyInput, classifyTicket),
  });
}
