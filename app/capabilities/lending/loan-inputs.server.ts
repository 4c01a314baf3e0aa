// The loan forms as the capabilities read them: check-out, check-in, reset, extension, lost or stolen, follow-up.
import { isCalendarDay } from "~/lib/calendar-input";
import { z } from "zod";
import { NewPersonInput } from "~/capabilities/people/persons.server";
import {
  ACCESSORIES,
  AGREEMENT_MODES,
  CHECKLIST_OUT,
  LOAN_OUTCOMES,
  NOTES_MAX,
  RETURN_CONDITIONS,
  SIM_AT_RETURN,
} from "./values";

export const PHOTO_MAX_BYTES = 5 * 1024 * 1024;
export const PHOTO_TYPES = ["image/jpeg", "image/png", "image/webp"] as const;

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const OptionalId = z.preprocess(blankToUndefined, z.string().trim().optional());
const list = (v: unknown) => (v == null || v === "" ? [] : Array.isArray(v) ? v : [v]);
const ticked = z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean());
const YesNo = (error: string) => z.enum(["yes", "no"], { error });
const IdempotencyKey = z.string({ error: "loans:errors.formExpired" }).trim().min(8, { error: "loans:errors.formExpired" }).max(100);
const Note = z.preprocess(blankToUndefined, z.string().trim().max(NOTES_MAX, { error: "loans:errors.noteTooLong" }).optional());

/** A calendar date as the browser's date field sends it: "2026-12-24". */
const DateOnly = (error: string) =>
  z
    .string({ error })
    .trim()
    .refine(isCalendarDay, { error });

export const CheckOutInput = z
  .object({
    personId: OptionalId,
    person: NewPersonInput.optional(),
    deviceId: z.string({ error: "loans:errors.deviceRequired" }).trim().min(1, { error: "loans:errors.deviceRequired" }),
    dueOn: z.preprocess(blankToUndefined, DateOnly("loans:errors.dueOnInvalid").optional()),
    mentorId: z.string({ error: "loans:errors.mentorRequired" }).trim().min(1, { error: "loans:errors.mentorRequired" }),
    checklist: z.preprocess(list, z.array(z.enum(CHECKLIST_OUT))),
    learningGoals: z.preprocess(list, z.array(z.string().trim().min(1))).default([]),
    agreementMode: z.enum(AGREEMENT_MODES, { error: "loans:errors.agreementModeRequired" }),
    agreementAccepted: ticked,
    idempotencyKey: IdempotencyKey,
  })
  .superRefine((input, issue) => {
    for (const item of CHECKLIST_OUT) {
      if (!input.checklist.includes(item)) {
        issue.addIssue({ code: "custom", path: ["checklist"], message: `loans:errors.checklistMissing.${item}` });
      }
    }
    if (!input.agreementAccepted) {
      issue.addIssue({ code: "custom", path: ["agreementAccepted"], message: "loans:errors.agreementNotAccepted" });
    }
  });
export type CheckOutValues = z.output<typeof CheckOutInput>;

export const CheckInInput = z
  .object({
    accessoriesComplete: YesNo("loans:errors.accessoriesCompleteRequired"),
    missingAccessories: z.preprocess(list, z.array(z.enum(ACCESSORIES))).default([]),
    condition: z.enum(RETURN_CONDITIONS, { error: "loans:errors.conditionRequired" }),
    damageNote: Note,
    factoryReset: YesNo("loans:errors.factoryResetRequired"),
    accountRemoved: YesNo("loans:errors.accountRemovedRequired"),
    sim: z.enum(SIM_AT_RETURN, { error: "loans:errors.simRequired" }),
    achievedGoals: z.preprocess(list, z.array(z.string().trim().min(1))).default([]),
    outcome: z.enum(LOAN_OUTCOMES, { error: "loans:errors.outcomeRequired" }),
    idempotencyKey: IdempotencyKey,
  })
  .superRefine((input, issue) => {
    if (input.accessoriesComplete === "no" && input.missingAccessories.length === 0) {
      issue.addIssue({ code: "custom", path: ["missingAccessories"], message: "loans:errors.missingAccessoriesRequired" });
    }
    if (input.condition === "damaged" && !input.damageNote) {
      issue.addIssue({ code: "custom", path: ["damageNote"], message: "loans:errors.damageNoteRequired" });
    }
  });
export type CheckInValues = z.output<typeof CheckInInput> & { photo?: { contentType: string; data: Uint8Array } | null };

export const ResetInput = z.object({
  factoryReset: ticked.refine((v) => v, { error: "loans:errors.resetFactoryMissing" }),
  accountsRemoved: ticked.refine((v) => v, { error: "loans:errors.resetAccountsMissing" }),
  charged: ticked.refine((v) => v, { error: "loans:errors.resetChargedMissing" }),
});

export const ExtendInput = z.object({ dueOn: DateOnly("loans:errors.dueOnInvalid"), note: Note });
export const LostInput = z.object({
  kind: z.enum(["lost", "stolen"], { error: "loans:errors.lostKindRequired" }),
  note: Note,
});
export const ResolveFollowUpInput = z.object({ note: Note });
