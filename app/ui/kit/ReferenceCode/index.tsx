// GOV.UK confirmation panel: the page's heading and the reference code in very large type, also spelled out
// character by character for reading aloud on the phone. Prints clearly.
import type { ReactNode } from "react";
import "./ReferenceCode.css";

/** "AC39KM" → "A C 3 9 K M". */
export const spelled = (code: string) => code.split("").join(" ");

export interface ReferenceCodeProps {
  /** The page's <h1>, e.g. "Ihre Anfrage ist angekommen". */
  heading: ReactNode;
  /** Text before the code, e.g. "Ihre Vorgangsnummer". */
  label: ReactNode;
  code: string;
  /** Text before the spelled-out code, e.g. "Buchstabiert:". */
  spelledLabel: ReactNode;
}

export function ReferenceCode({ heading, label, code, spelledLabel }: ReferenceCodeProps) {
  return (
    <div className="reference-panel">
      <h1 className="reference-panel__heading">{heading}</h1>
      <p className="reference-panel__body">
        {label}
        <br />
        {/* Codes read left to right in every language. */}
        <strong className="reference-panel__code" dir="ltr">
          {code}
        </strong>
      </p>
      <p className="reference-panel__spelled">
        {spelledLabel}{" "}
        <span dir="ltr" className="reference-panel__spelled-code">
          {spelled(code)}
        </span>
      </p>
    </div>
  );
}
