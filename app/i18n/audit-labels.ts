// How the access log names what happened and what it concerned, for the page and its CSV alike (team namespace).
import type { TFunction } from "i18next";

export const auditActionLabel = (t: TFunction, action: string): string => t(`team:audit.actions.${action}`, { defaultValue: action });

/** The record's kind and the end of its id ("Ticket …x7k2ab"); a refused page by its path. */
export function auditSubjectLabel(t: TFunction, subjectType: string, subjectId: string | null): string {
  const kind = t(`team:audit.subjects.${subjectType}`, { defaultValue: subjectType });
  if (subjectType === "Page") return `${kind} ${subjectId ?? ""}`;
  return subjectId ? `${kind} …${subjectId.slice(-6)}` : kind;
}
