// Glue between the loan pages and the lending capability: the list's rows, the loan page and its forms, the
// check-in and reset pages, the agreement's text in the borrower's language, a return photo.
import { z } from "zod";
import { retentionPeriod } from "~/i18n/retention-period";
import type { StaffCtx } from "~/context";
import { personName } from "~/lib/person-name";
import { phoneLink } from "~/lib/phone.server";
import { getT } from "~/i18n/i18n.server";
import { isSupportedLanguage, languages } from "~/i18n/locales.server";
import { topicName } from "~/i18n/own-labels";
import { extendLoan, getLoan, type listLoans, markLoanLost } from "~/capabilities/lending/loans.server";
import { ExtendInput, LostInput, ResolveFollowUpInput } from "~/capabilities/lending/loan-inputs.server";
import { dueOnOf } from "~/capabilities/lending/loan-dates";
import { resolveFollowUp } from "~/capabilities/lending/loan-check-in.server";
import { goalTopics, loanForReturn } from "~/capabilities/lending/loan-reads.server";
import { listTopics } from "~/capabilities/lending/topics.server";
import { spelledOut } from "~/lib/reference-code";
import { jsonList, jsonObject } from "~/capabilities/lending/values";
import { intentForm, performIntent } from "./forms.server";

// ---------------------------------------------------------------------------------------------------------
// The list

export function loanRows(loans: Awaited<ReturnType<typeof listLoans>>["loans"]) {
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
  const topics = await listTopics(ctx, { includeRetired: true });
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
    canManage: loan.canManage,
    timeZone: loan.location.timeZone,
  };
}

/** What the check-in and reset pages show of a loan (not its person: the form is about the device). */
export async function checkInPage(ctx: StaffCtx, loanId: string, page: "checkIn" | "reset") {
  const loan = await loanForReturn(ctx, loanId, page);
  const topics = await goalTopics(ctx, loan);
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

/** One form of the loan page by its `intent`: errors to that form, success with a reset form. */
export async function performLoanAction(ctx: StaffCtx, loanId: string, request: Request) {
  const on = <S extends z.ZodType>(schema: S, run: (ctx: StaffCtx, id: string, input: z.output<S>) => Promise<unknown>) =>
    intentForm(schema, (input) => run(ctx, loanId, input));
  return performIntent(request, {
    extend: on(ExtendInput, extendLoan),
    lost: on(LostInput, markLoanLost),
    resolveFollowUp: on(ResolveFollowUpInput, resolveFollowUp),
  });
}

// ---------------------------------------------------------------------------------------------------------
// The agreement

/**
 * Everything the printed agreement says, in its language; the borrower only as first name and initial.
 * `loanRetentionDays` (RETENTION_LOAN_DAYS): the deletion it promises is the one the retention run keeps.
 */
export async function agreementPage(ctx: StaffCtx, loanId: string, variant: "person" | "large", loanRetentionDays: number) {
  const loan = await getLoan(ctx, loanId, { page: "agreement", variant });
  // A language without translations of its own reads the German agreement, and says so in `lang`.
  const lng = variant === "large" || !isSupportedLanguage(loan.person.language) ? "de" : loan.person.language;
  const t = getT(lng, "loans");
  const dir = languages().find((l) => l.code === lng)?.dir ?? "ltr";
  const date = (d: Date) => new Intl.DateTimeFormat(lng, { dateStyle: "long", timeZone: loan.location.timeZone }).format(d);
  const accessories = jsonList(loan.device.accessories).map((a) => getT(lng, "lending")(`accessory.${a}`));
  const topics = await goalTopics(ctx, loan);
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
        t("agreement.term.privacy", { period: retentionPeriod(t, loanRetentionDays) }),
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
