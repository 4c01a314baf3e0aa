// Capability refusals in forms: a refusal about the input (400) or the current state (409) is shown in the form
// that caused it — beside its field when it is about one — instead of as an error page.
import type { SubmissionResult } from "@conform-to/react";
import { AppError } from "~/lib/errors";
import { respondTo } from "./errors.server";

/**
 * Runs a capability call for a form. A refusal about the input (400) or the record's current state (409) comes
 * back to be shown in that form's error summary; anything else (403, 404) becomes an error page.
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

/**
 * Refusals that are about one field, and that field's name in the forms that can cause them. Message keys carry
 * their capability's namespace, so one map serves every form; the error summary links each to its field.
 */
const REFUSAL_FIELDS: Record<string, string> = {
  "helpdesk:errors.pendingInPast": "until",
  "helpdesk:errors.assigneeUnknown": "assigneeId",
  "helpdesk:errors.assigneeNotAtLocation": "assigneeId",
  "helpdesk:errors.categoryUnknown": "categoryId",
  "helpdesk:errors.locationUnknown": "locationId",
  "hours:errors.locationRequired": "locationId",
  "helpdesk:errors.articleUnknown": "article",
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
  // Only check-out's "find the borrower" form (field `query`) is refused this way; other forms check numbers in their schema.
  "common:errors.phoneInvalid": "query",
  "mentoring:errors.outcomeInFuture": "attendance",
  "mentoring:errors.topicUnknown": "topics",
  "mentoring:errors.mentorNotAtLocation": "mentorId",
  "waitlist:errors.placeUnknown": "placeAfterId",
  "waitlist:errors.locationNotLending": "locationId",
  "tickets:person.edit.errors.phoneTaken": "phone",
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
