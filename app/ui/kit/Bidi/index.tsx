// Phone numbers and reference codes inside running text read left to right in every language. In an Arabic sentence
// "مثلًا 0151 12345678" shows its digit groups reversed ("12345678 0151"): the space between them takes the sentence's
// direction. Each such run goes into <bdi dir="ltr">, so hints, errors and headings need no marks in the translations.
import { Fragment, type ReactNode } from "react";

/**
 * Digit groups joined by spaces, slashes or dashes (a phone number, optionally with + and a left-to-right mark), and
 * six-character codes of capitals and digits with at least one of each (a reference such as AC39KM).
 */
const LTR_RUN = /(\u200e?\+?\d+(?:[ \u00a0/-]\d+)+|\b(?=[A-Z\d]*\d)(?=[A-Z\d]*[A-Z])[A-Z\d]{6}\b)/g;

/** The text with every phone number and reference code isolated left to right; anything but a string as it is. */
export function ltrRuns(content: ReactNode): ReactNode {
  if (typeof content !== "string") return content;
  const parts = content.split(LTR_RUN);
  if (parts.length === 1) return content;
  // split() with a capturing group puts the matches at the odd places.
  return parts.map((part, index) =>
    index % 2 === 1 ? (
      <bdi key={index} dir="ltr">
        {part}
      </bdi>
    ) : (
      <Fragment key={index}>{part}</Fragment>
    ),
  );
}
