// Glue between the loan pages and the lending capability: the steps of check-out (who, which device, the details),
// the plain shapes the pages render, the loan page's forms, the agreement's text in the borrower's language.
import crypto from "node:crypto";
import { data } from "@remix-run/node";
import { parseWithZod } from "@conform-to/zod/v4";
import { z } from "zod";
import type { StaffCtx } from "~/context";
import { AppError, forbidden, notFound } from "~/lib/errors";
import { maskPhone, parsePhone, phoneLink } from "~/lib/phone.server";
import { getT } from "~/i18n/i18n.server";
import { isSupportedLanguage, languages } from "~/i18n/locales.server";
import { can, locationScope } from "~/capabilities/people/permissions";
import { audit } from "~/capabilities/privacy/audit.server";
import { NewPersonInput } from "~/capabilities/people/persons.server";
import { topicName } from "~/i18n/own-labels";
import { extendLoan, getLoan, markLoanLost } from "~/capabilities/lending/loans.server";
import { checkOutDevice, mentorsFor } from "~/capabilities/lending/loan-check-out.server";
import { CheckOutInput, ExtendInput, LostInput, ResolveFollowUpInput } from "~/capabilities/lending/loan-inputs.server";
import { defaultDueOn, dueOnOf } from "~/capabilities/lending/loan-dates";
import { resolveFollowUp } from "~/capabilities/lending/loan-check-in.server";
import { spelledOut } from "~/lib/reference-code";
import { jsonList, jsonObject } from "~/capabilities/lending/values";
import { errorResponse } from "./errors.server";
import { parseForm, formIntent } from "./forms.server";
import { attempt, personName } from "./tickets.server";
import type { SubmissionResult } from "@conform-to/react";

export const newFormKey = () => crypto.randomUUID();

/** Refusals about one field are linked to it from the error summary; the rest stand above the form. */
const REFUSAL_FIELDS: Record<string, string> = {
  "loans:errors.dueInPast": "dueOn",
  "loans:errors.dueTooLate": "dueOn",
  "loans:errors.extendNotLater": "dueOn",
  "loans:errors.mentorNotAtLocation": "mentorId",
  "loans:errors.topicUnknown": "learningGoals",
  "loans:errors.checklistIncomplete": "checklist",
  "loans:errors.agreementNotAccepted": "agreementAccepted",
  "loans:errors.photoType": "photo",
  "loans:errors.photoTooLarge": "photo",
  "loans:errors.damageNoteRequired": "damageNote",
  "common:errors.phoneInvalid": "query",
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
// Check-out, step 1: who

/** A phone number (any German format) or a first name; posted, never in a URL. */
export const FindPersonInput = z.object({
  query: z
    .string({ error: "loans:errors.findRequired" })
    .trim()
    .min(2, { error: "loans:errors.findRequired" })
    .max(60, { error: "loans:errors.findTooLong" }),
});

export interface Borrower {
  personId?: string;
  person?: { firstName: string; phone: string; language: string; contactPreference: string };
  name: string;
  phone?: { display: string; type: string };
}

/** By number: the person or a new one to create with it. By name: up to ten people to choose from. */
export async function findBorrower(ctx: StaffCtx, query: string) {
  const phone = /\d{5,}/.test(query.replace(/\D/g, "")) ? parsePhone(query) : null;
  if (/\d/.test(query) && !phone) throw new AppError(400, "common:errors.phoneInvalid");
  if (phone) {
    const person = await ctx.db.person.findUnique({ where: { phone: phone.e164 } });
    if (person) await auditLookup(ctx, person.id);
    return {
      kind: "phone" as const,
      phone: { e164: phone.e164, type: phone.type, display: phoneLink(phone.e164).display },
      person: person ? { id: person.id, name: personName(person), language: person.language } : null,
    };
  }
  const people = await ctx.db.person.findMany({
    where: { firstName: { startsWith: query } },
    orderBy: [{ firstName: "asc" }, { createdAt: "asc" }],
    take: 10,
  });
  return {
    kind: "name" as const,
    // Enough of the number to tell two Giselas apart, no more.
    matches: people.map((p) => ({ id: p.id, name: personName(p), phone: maskPhone(p.phone) })),
  };
}

async function auditLookup(ctx: StaffCtx, personId: string) {
  await audit(ctx, ctx.db, { action: "person.lookedUp", subjectType: "Person", subjectId: personId });
}

/** Who the loan is for, read back from the hidden fields of the later steps. */
export const BorrowerInput = z.object({
  personId: z.preprocess((v) => (v === "" ? undefined : v), z.string().optional()),
  person: NewPersonInput.optional(),
});

export async function borrowerFrom(ctx: StaffCtx, input: z.output<typeof BorrowerInput>): Promise<Borrower | null> {
  if (input.personId) {
    const person = await ctx.db.person.findUnique({ where: { id: input.personId } });
    return person ? { personId: person.id, name: personName(person) } : null;
  }
  if (input.person) {
    const { firstName, phone, language, contactPreference } = input.person;
    return {
      person: { firstName, phone: phone.e164, language, contactPreference: phone.type === "landline" ? "voice" : contactPreference },
      name: firstName,
      phone: { display: phoneLink(phone.e164).display, type: phone.type },
    };
  }
  return null;
}

// ---------------------------------------------------------------------------------------------------------
// Check-out, step 2: which device

export const ChooseDeviceInput = BorrowerInput.extend({
  deviceId: z.preprocess((v) => (v === "" ? undefined : v), z.string().optional()),
  assetTag: z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), z.string().trim().max(40).optional()),
}).refine((v) => v.deviceId || v.assetTag, { error: "loans:errors.deviceRequired", path: ["deviceId"] });

const scopeWhere = (ctx: StaffCtx) => {
  const scope = locationScope(ctx.actor);
  return scope === "all" ? {} : { locationId: { in: [...scope] } };
};

/** Available devices where the actor works, and those held for this person. */
export async function deviceChoices(ctx: StaffCtx, personId?: string) {
  const devices = await ctx.db.device.findMany({
    where: {
      ...scopeWhere(ctx),
      OR: [
        { status: "available" },
        ...(personId ? [{ status: "reserved", reservations: { some: { personId, status: { in: ["offered", "accepted"] } } } }] : []),
      ],
    },
    include: { location: { select: { name: true } } },
    orderBy: [{ location: { name: "asc" } }, { assetTag: "asc" }],
    take: 200,
  });
  return devices.map((d) => ({ id: d.id, assetTag: d.assetTag, model: d.model, location: d.location.name, reserved: d.status === "reserved" }));
}

const REFUSED: Record<string, string> = {
  on_loan: "loans:errors.deviceOnLoan",
  needs_reset: "loans:errors.deviceNeedsReset",
  in_repair: "loans:errors.deviceInRepair",
  retired: "loans:errors.deviceRetired",
  reserved: "loans:errors.deviceReservedForOther",
};

/** The device by its id or typed/scanned tag, refused early (at the tag field) when it cannot go out. */
export async function chosenDevice(ctx: StaffCtx, input: { deviceId?: string; assetTag?: string }, personId?: string) {
  const device = input.assetTag
    ? await ctx.db.device.findFirst({ where: { assetTag: input.assetTag.toUpperCase().replace(/\s+/g, "") } })
    : await ctx.db.device.findUnique({ where: { id: input.deviceId } });
  const field = input.assetTag ? "assetTag" : "deviceId";
  if (!device) return { error: { field, key: "loans:errors.deviceUnknown" } };
  if (!can(ctx.actor, "loan:manage", device.locationId)) return { error: { field, key: "loans:errors.deviceElsewhere" } };
  if (device.status === "available") return { device };
  if (device.status === "reserved" && personId) {
    const held = await ctx.db.reservation.count({ where: { offeredDeviceId: device.id, personId, status: { in: ["offered", "accepted"] } } });
    if (held) return { device };
  }
  return { error: { field, key: REFUSED[device.status] ?? "loans:errors.deviceUnavailable" } };
}

// ---------------------------------------------------------------------------------------------------------
// Check-out, step 3: the details

export async function detailsOptions(ctx: StaffCtx, deviceId: string) {
  const device = await ctx.db.device.findUniqueOrThrow({ where: { id: deviceId }, include: { location: true } });
  const [mentors, topics] = await Promise.all([
    mentorsFor(ctx, ctx.db, device.locationId),
    ctx.db.mentoringTopic.findMany({ where: { active: true }, orderBy: [{ sortOrder: "asc" }, { key: "asc" }] }),
  ]);
  return {
    device: { id: device.id, assetTag: device.assetTag, model: device.model, location: device.location.name },
    dueOn: defaultDueOn(ctx, device.location),
    mentors,
    me: ctx.actor.staffId,
    topics: topics.map((t) => ({ id: t.id, key: t.key, labels: t.labels })),
  };
}

/** A reservation's person and offered device, to start check-out at its last step (from the waiting list). */
export async function fromReservation(ctx: StaffCtx, reservationId: string) {
  const reservation = await ctx.db.reservation.findUnique({ where: { id: reservationId }, include: { person: true } });
  if (!reservation || !reservation.offeredDeviceId || !["offered", "accepted"].includes(reservation.status)) return null;
  if (!can(ctx.actor, "loan:manage", reservation.locationId)) throw forbidden("loan:manage");
  return {
    borrower: { personId: reservation.personId, name: personName(reservation.person) } satisfies Borrower,
    options: await detailsOptions(ctx, reservation.offeredDeviceId),
  };
}

export function languageOptions() {
  return languages().map((l) => ({ code: l.code, name: l.name }));
}

// ---------------------------------------------------------------------------------------------------------
// Check-out: one route, four forms, each posting its `intent`; what was chosen travels in hidden fields.

const ChoosePersonInput = BorrowerInput.extend({ query: z.string().optional() }).refine((v) => v.personId || v.person, {
  error: "loans:errors.personRequired",
  path: ["personId"],
});

export async function performCheckoutStep(ctx: StaffCtx, request: Request) {
  const intent = await formIntent(request);
  if (intent === "person") {
    const { submission, formData } = await parseForm(request, ChoosePersonInput);
    if (submission.status !== "success") {
      const query = String(formData.get("query") ?? "");
      const phone = parsePhone(String(formData.get("person.phone") ?? ""));
      const found = query ? await findBorrower(ctx, query).catch(() => null) : null;
      if (found?.kind === "name") return data({ step: "choose" as const, found, query, result: submission.reply() }, { status: 400 });
      if (phone) {
        const again = await findBorrower(ctx, phone.e164);
        if (again.kind === "phone") return data({ step: "newPerson" as const, found: again, result: submission.reply() }, { status: 400 });
      }
      return data({ step: "find" as const, result: null }, { status: 400 });
    }
    const borrower = await borrowerFrom(ctx, submission.value);
    if (!borrower) return data({ step: "find" as const, result: null }, { status: 400 });
    return { step: "device" as const, borrower, devices: await deviceChoices(ctx, borrower.personId), result: null };
  }
  if (intent === "device") {
    const { submission, formData } = await parseForm(request, ChooseDeviceInput);
    const borrower = await borrowerFrom(ctx, BorrowerInput.safeParse(readBorrower(formData)).data ?? {});
    if (!borrower) return data({ step: "find" as const, result: null }, { status: 400 });
    const devices = () => deviceChoices(ctx, borrower.personId);
    if (submission.status !== "success") return data({ step: "device" as const, borrower, devices: await devices(), result: submission.reply() }, { status: 400 });
    const chosen = await chosenDevice(ctx, submission.value, borrower.personId);
    if (chosen.error) {
      const result = submission.reply({ fieldErrors: { [chosen.error.field]: [chosen.error.key] } });
      return data({ step: "device" as const, borrower, devices: await devices(), result }, { status: 409 });
    }
    return { step: "details" as const, borrower, options: await detailsOptions(ctx, chosen.device.id), result: null };
  }
  if (intent === "checkout") {
    const { submission, formData } = await parseForm(request, CheckOutInput);
    const borrower = await borrowerFrom(ctx, BorrowerInput.safeParse(readBorrower(formData)).data ?? {});
    const deviceId = String(formData.get("deviceId") ?? "");
    if (!borrower || !deviceId) return data({ step: "find" as const, result: null }, { status: 400 });
    const details = async (result: unknown, status: number) =>
      data({ step: "details" as const, borrower, options: await detailsOptions(ctx, deviceId), result: result as never }, { status });
    if (submission.status !== "success") return details(submission.reply(), 400);
    const outcome = await attempt(() => checkOutDevice(ctx, submission.value));
    if (!outcome.ok) return details(refusalReply(submission, outcome.refusal), outcome.refusal.status);
    return { step: "done" as const, loanId: outcome.value.id };
  }
  const { submission } = await parseForm(request, FindPersonInput);
  if (submission.status !== "success") return data({ step: "find" as const, result: submission.reply() }, { status: 400 });
  const outcome = await attempt(() => findBorrower(ctx, submission.value.query));
  if (!outcome.ok) return data({ step: "find" as const, result: refusalReply(submission, outcome.refusal) }, { status: 400 });
  const found = outcome.value;
  if (found.kind === "phone" && found.person) {
    const borrower: Borrower = { personId: found.person.id, name: found.person.name };
    return { step: "device" as const, borrower, devices: await deviceChoices(ctx, borrower.personId), result: null };
  }
  if (found.kind === "phone") return { step: "newPerson" as const, found, result: null };
  return { step: "choose" as const, found, query: submission.value.query, result: null };
}

function readBorrower(formData: FormData) {
  const personId = String(formData.get("personId") ?? "");
  if (personId) return { personId };
  const field = (name: string) => String(formData.get(`person.${name}`) ?? "");
  if (!field("phone")) return {};
  return {
    person: { firstName: field("firstName"), phone: field("phone"), language: field("language") || "de", contactPreference: field("contactPreference") || "sms" },
  };
}

// ---------------------------------------------------------------------------------------------------------
// The list

export function loanRows(loans: Awaited<ReturnType<typeof import("~/capabilities/lending/loans.server").listLoans>>["loans"]) {
  return loans.map((l) => ({
    id: l.id,
    reference: l.reference,
    person: l.person.firstName,
    assetTag: l.device.assetTag,
    location: l.location.name,
    status: l.status,
    dueAt: l.dueAt.toISOString(),
    overdue: l.overdue,
    followUp: Boolean(l.followUp && !l.followUpResolvedAt),
  }));
}

// ---------------------------------------------------------------------------------------------------------
// One loan

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

export async function loanPage(ctx: StaffCtx, loanId: string) {
  const loan = await getLoan(ctx, loanId, { page: "loan" });
  const topics = await ctx.db.mentoringTopic.findMany();
  const topicById = new Map(topics.map((t) => [t.id, { key: t.key, labels: t.labels }]));
  const now = ctx.clock.now();
  return {
    loan: {
      id: loan.id,
      reference: loan.reference,
      spelled: spelledOut(loan.reference),
      status: loan.status,
      dueAt: loan.dueAt.toISOString(),
      dueOn: dueOnOf(loan.dueAt, loan.location.timeZone),
      overdue: loan.status === "active" && loan.dueAt < now,
      checkedOutAt: loan.checkedOutAt.toISOString(),
      returnedAt: iso(loan.returnedAt),
      extendedCount: loan.extendedCount,
      agreementMode: loan.agreementMode,
      agreementLanguage: loan.agreementLanguage,
      outcome: loan.outcome,
      damageNote: loan.damageNote,
      followUp: loan.followUp ? loan.followUp.split(",") : [],
      followUpResolvedAt: iso(loan.followUpResolvedAt),
      checklistOut: Object.keys(jsonObject<Record<string, boolean>>(loan.checklistOut)),
      checklistIn: loan.checklistIn ? jsonObject<Record<string, unknown>>(loan.checklistIn) : null,
      goals: jsonList<{ topicId: string; achieved: boolean | null }>(loan.learningGoals).map((g) => ({
        topic: topicById.get(g.topicId) ?? { key: g.topicId, labels: "{}" },
        achieved: g.achieved,
      })),
      person: { id: loan.person.id, name: personName(loan.person) },
      device: { id: loan.device.id, assetTag: loan.device.assetTag, model: loan.device.model, status: loan.device.status },
      location: { id: loan.location.id, name: loan.location.name },
      mentor: loan.mentor?.name ?? null,
      handedOutBy: loan.handedOutBy?.name ?? null,
      receivedBy: loan.receivedBy?.name ?? null,
      photos: loan.photos.map((p) => p.id),
      sessions: loan.sessions.map((s) => ({
        id: s.id,
        startsAt: s.startsAt.toISOString(),
        attendance: s.attendance,
        mentor: s.mentor?.name ?? null,
      })),
    },
    canManage: can(ctx.actor, "loan:manage", loan.locationId),
    timeZone: loan.location.timeZone,
  };
}

/** What the check-in and reset pages show of a loan (not its person: the form is about the device). */
export async function checkInPage(ctx: StaffCtx, loanId: string, page: "checkIn" | "reset") {
  const loan = await ctx.db.loan.findUnique({ where: { id: loanId }, include: { device: { select: { assetTag: true, status: true } } } });
  if (!loan) throw notFound("loan");
  if (!can(ctx.actor, "loan:manage", loan.locationId)) throw forbidden("loan:manage");
  await audit(ctx, ctx.db, { action: "loan.viewed", subjectType: "Loan", subjectId: loan.id, locationId: loan.locationId, details: { page } });
  const goals = jsonList<{ topicId: string }>(loan.learningGoals);
  const topics = await ctx.db.mentoringTopic.findMany({ where: { id: { in: goals.map((g) => g.topicId) } } });
  return {
    loan: {
      id: loan.id,
      reference: loan.reference,
      status: loan.status,
      assetTag: loan.device.assetTag,
      deviceStatus: loan.device.status,
      goals: topics.map((t) => ({ topicId: t.id, topic: { key: t.key, labels: t.labels } })),
    },
  };
}

interface LoanAction<S extends z.ZodType> {
  schema: S;
  run: (ctx: StaffCtx, loanId: string, input: z.output<S>) => Promise<unknown>;
}
const act = <S extends z.ZodType>(schema: S, run: LoanAction<S>["run"]): LoanAction<S> => ({ schema, run });
const LOAN_ACTIONS = {
  extend: act(ExtendInput, extendLoan),
  lost: act(LostInput, markLoanLost),
  resolveFollowUp: act(ResolveFollowUpInput, resolveFollowUp),
};

/** One form of the loan page by its `intent`: errors to that form, success with a reset form. */
export async function performLoanAction(ctx: StaffCtx, loanId: string, request: Request) {
  const intent = await formIntent(request);
  if (typeof intent !== "string" || !Object.hasOwn(LOAN_ACTIONS, intent)) {
    throw errorResponse(new AppError(400, "errors.page.400.body", { intent: String(intent) }));
  }
  const { schema, run } = LOAN_ACTIONS[intent as keyof typeof LOAN_ACTIONS] as unknown as LoanAction<z.ZodType>;
  const { submission } = await parseForm(request, schema);
  if (submission.status !== "success") return data({ intent, saved: false, result: submission.reply() }, { status: 400 });
  const outcome = await attempt(() => run(ctx, loanId, submission.value));
  if (!outcome.ok) {
    return data({ intent, saved: false, result: refusalReply(submission, outcome.refusal) }, { status: outcome.refusal.status });
  }
  return data({ intent, saved: true, result: submission.reply({ resetForm: true }) }, { status: 200 });
}

/** Parses a form that came as multipart (with a photo) without the file in the kept answers. */
export function parseFields<S extends z.ZodType>(formData: FormData, schema: S) {
  const fields = new FormData();
  for (const [key, value] of formData) if (typeof value === "string") fields.append(key, value);
  return parseWithZod(fields, { schema });
}

// ---------------------------------------------------------------------------------------------------------
// The agreement

/** Everything the printed agreement says, in its language; the borrower only as first name and initial. */
export async function agreementPage(ctx: StaffCtx, loanId: string, variant: "person" | "large") {
  const loan = await getLoan(ctx, loanId, { page: "agreement", variant });
  // A language without translations of its own reads the German agreement, and says so in `lang`.
  const lng = variant === "large" || !isSupportedLanguage(loan.person.language) ? "de" : loan.person.language;
  const t = getT(lng, "loans");
  const dir = languages().find((l) => l.code === lng)?.dir ?? "ltr";
  const date = (d: Date) => new Intl.DateTimeFormat(lng, { dateStyle: "long", timeZone: loan.location.timeZone }).format(d);
  const accessories = jsonList(loan.device.accessories).map((a) => getT(lng, "lending")(`accessory.${a}`));
  const goals = jsonList<{ topicId: string }>(loan.learningGoals);
  const topics = await ctx.db.mentoringTopic.findMany({ where: { id: { in: goals.map((g) => g.topicId) } } });
  const lendingT = getT(lng, "lending");
  const l = loan.location;
  return {
    variant,
    lng,
    dir,
    reference: loan.reference,
    text: {
      title: t("agreement.title"),
      lender: t("agreement.lender"),
      borrower: t("agreement.borrower"),
      device: t("agreement.device"),
      period: t("agreement.period"),
      terms: t("agreement.terms"),
      signatures: t("agreement.signatures"),
      reference: t("agreement.reference"),
      model: t("agreement.model"),
      assetTag: t("agreement.assetTag"),
      serial: t("agreement.serial"),
      accessories: t("agreement.accessories"),
      goals: t("agreement.goals"),
      from: t("agreement.from", { date: date(loan.checkedOutAt) }),
      until: t("agreement.until", { date: date(loan.dueAt) }),
      termList: [
        t("agreement.term.free"),
        t("agreement.term.learning"),
        t("agreement.term.giveBack", { date: date(loan.dueAt) }),
        // Isolated left-to-right, so a number reads in the right order inside Arabic text.
        t("agreement.term.loss", { phone: `\u2066${phoneLink(l.phone).display}\u2069` }),
        t("agreement.term.reset"),
        t("agreement.term.mentoring"),
        t("agreement.term.privacy"),
      ],
      signBorrower: t("agreement.signBorrower"),
      signLender: t("agreement.signLender"),
      placeDate: t("agreement.placeDate"),
      acceptedOnScreen:
        loan.agreementMode === "on_screen" ? t("agreement.acceptedOnScreen", { date: date(loan.agreementAcceptedAt) }) : null,
      none: t("agreement.none"),
    },
    lender: { name: l.name, address: `${l.street}, ${l.postalCode} ${l.city}`, phone: phoneLink(l.phone).display },
    borrower: personName(loan.person),
    device: {
      model: loan.device.model,
      assetTag: loan.device.assetTag,
      serial: loan.device.serial,
      accessories,
      goals: topics.map((topic) => topicName(lendingT, lng, topic)),
    },
  };
}

export async function photoFor(ctx: StaffCtx, loanId: string, photoId: string) {
  const photo = await ctx.db.loanPhoto.findUnique({ where: { id: photoId }, include: { loan: { select: { locationId: true } } } });
  if (!photo || photo.loanId !== loanId) throw notFound("photo");
  if (!can(ctx.actor, "loan:view", photo.loan.locationId)) throw forbidden("loan:view");
  await audit(ctx, ctx.db, { action: "loan.viewed", subjectType: "Loan", subjectId: loanId, locationId: photo.loan.locationId, details: { page: "photo" } });
  return photo;
}
