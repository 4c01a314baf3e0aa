// The loan agreement (Leihvertrag) on A4: lender, borrower (first name and initial only), device, period, terms,
// signature lines. Its text comes from the server in its own language (the borrower's, or German in large print);
// `lang` and `dir` on the sheet let screen readers and the browser's layout follow it.
import type { ReactNode } from "react";
import "./LoanAgreement.css";

export interface AgreementProps {
  variant: "person" | "large";
  lng: string;
  dir: "ltr" | "rtl";
  reference: string;
  text: {
    title: string;
    lender: string;
    borrower: string;
    device: string;
    period: string;
    terms: string;
    signatures: string;
    reference: string;
    model: string;
    assetTag: string;
    serial: string;
    accessories: string;
    goals: string;
    from: string;
    until: string;
    termList: string[];
    signBorrower: string;
    signLender: string;
    placeDate: string;
    acceptedOnScreen: string | null;
    none: string;
  };
  lender: { name: string; address: string; phone: string };
  borrower: string;
  device: { model: string; assetTag: string; serial: string | null; accessories: string[]; goals: string[] };
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="agreement__row">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

export function LoanAgreement(props: AgreementProps) {
  const { text, lender, borrower, device } = props;
  return (
    <article lang={props.lng} dir={props.dir} className={`agreement agreement--${props.variant}`} aria-labelledby="agreement-title">
      <h1 id="agreement-title" className="agreement__title">
        {text.title}
      </h1>
      <p>
        {text.reference}: <strong dir="ltr">{props.reference}</strong>
      </p>
      <section aria-labelledby="agreement-lender">
        <h2 id="agreement-lender">{text.lender}</h2>
        <p>
          {lender.name}
          <br />
          {lender.address}
          <br />
          <span dir="ltr">{lender.phone}</span>
        </p>
      </section>
      <section aria-labelledby="agreement-borrower">
        <h2 id="agreement-borrower">{text.borrower}</h2>
        <p>{borrower}</p>
      </section>
      <section aria-labelledby="agreement-device">
        <h2 id="agreement-device">{text.device}</h2>
        <dl className="agreement__facts">
          <Row label={text.model}>{device.model}</Row>
          <Row label={text.assetTag}>
            <span dir="ltr">{device.assetTag}</span>
          </Row>
          <Row label={text.serial}>
            <span dir="ltr">{device.serial ?? "–"}</span>
          </Row>
          <Row label={text.accessories}>{device.accessories.length ? device.accessories.join(", ") : text.none}</Row>
          {device.goals.length ? <Row label={text.goals}>{device.goals.join(", ")}</Row> : null}
        </dl>
      </section>
      <section aria-labelledby="agreement-period">
        <h2 id="agreement-period">{text.period}</h2>
        <p>
          {text.from}
          <br />
          <strong>{text.until}</strong>
        </p>
      </section>
      <section aria-labelledby="agreement-terms">
        <h2 id="agreement-terms">{text.terms}</h2>
        <ol className="agreement__terms">
          {text.termList.map((term, i) => (
            <li key={i}>{term}</li>
          ))}
        </ol>
      </section>
      <section aria-labelledby="agreement-signatures" className="agreement__signatures">
        <h2 id="agreement-signatures">{text.signatures}</h2>
        {text.acceptedOnScreen ? <p>{text.acceptedOnScreen}</p> : null}
        <div className="agreement__sign-grid">
          {[text.signBorrower, text.signLender].map((who) => (
            <div key={who} className="agreement__sign">
              <div className="agreement__line" aria-hidden="true" />
              <p>
                {text.placeDate}, {who}
              </p>
            </div>
          ))}
        </div>
      </section>
    </article>
  );
}
