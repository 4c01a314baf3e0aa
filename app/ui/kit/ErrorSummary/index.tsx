// GOV.UK error summary: at the top of the page after a failed submit, takes focus, links to each field.
import { useEffect, useRef, type MouseEvent } from "react";
import { useTranslation } from "react-i18next";
import { ltrRuns } from "../Bidi";
import { useErrorText } from "../Field";
import "./ErrorSummary.css";

export interface ErrorSummaryItem {
  /** Id of the field to jump to; without it the message is listed as text (form-level errors). */
  fieldId?: string;
  /** A translation key (as from `formErrors`) or text. */
  message: string;
}

const FOCUSABLE = "input:not([type=hidden]), select, textarea, button, [tabindex]:not([tabindex='-1'])";

/**
 * With JS: focus the field itself (not just scroll), and bring its label or legend into view,
 * since the browser's anchor jump would hide the question above the fold.
 */
function focusField(event: MouseEvent<HTMLAnchorElement>, fieldId: string) {
  const element = document.getElementById(fieldId);
  if (!element) return;
  const target = element.matches(FOCUSABLE) ? element : element.querySelector<HTMLElement>(FOCUSABLE);
  if (!target) return;
  event.preventDefault();
  const group = target.closest(".form-group");
  (group ?? target).scrollIntoView({ block: "start" });
  target.focus({ preventScroll: true });
}

export interface ErrorSummaryProps {
  errors: ErrorSummaryItem[];
  /** Take focus when errors appear (default). Off only where a page shows a summary on purpose. */
  autoFocus?: boolean;
}

export function ErrorSummary({ errors, autoFocus = true }: ErrorSummaryProps) {
  const { t } = useTranslation("ui");
  const errorText = useErrorText();
  const ref = useRef<HTMLDivElement>(null);
  const hasErrors = errors.length > 0;

  // Screen reader users hear the problems first; keyboard users start from the summary. Only when
  // errors appear: refocusing on every re-render would pull focus away from a field being corrected.
  useEffect(() => {
    if (hasErrors && autoFocus) ref.current?.focus();
  }, [hasErrors, autoFocus]);

  if (!hasErrors) return null;
  return (
    // autoFocus renders the `autofocus` attribute: without JavaScript (citizen pages) the browser focuses it on load.
    <div ref={ref} className="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1} autoFocus={autoFocus}>
      <h2 id="error-summary-title" className="error-summary__title">
        {t("errorSummary.title")}
      </h2>
      <ul className="error-summary__list">
        {errors.map(({ fieldId, message }, index) => (
          <li key={`${fieldId ?? ""}-${index}`}>
            {fieldId ? (
              <a href={`#${fieldId}`} onClick={(event) => focusField(event, fieldId)}>
                {ltrRuns(errorText(message))}
              </a>
            ) : (
              ltrRuns(errorText(message))
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
