// Check-out at the desk, in steps on one page: who (by phone or name, or someone new), which device (from the
// list or by typing/scanning its tag), then the details: due date, mentor, learning goals, the checklist and the
// agreement. What was chosen travels in hidden fields; nothing personal goes into the URL.
import { Form } from "@remix-run/react";
import type { SubmissionResult } from "@conform-to/react";
import { useTranslation } from "react-i18next";
import { topicName } from "~/i18n/own-labels";
import { retentionPeriod } from "~/i18n/retention-period";
import { Button } from "~/ui/kit/Button";
import { Checkbox, CheckboxGroup } from "~/ui/kit/Checkbox";
import { NativeDateInput } from "~/ui/kit/DateField";
import { ErrorSummary } from "~/ui/kit/ErrorSummary";
import { Link } from "~/ui/kit/Link";
import { NewCallerFields } from "~/ui/NewCallerFields";
import { RadioGroup } from "~/ui/kit/RadioGroup";
import { Select } from "~/ui/kit/Select";
import { TextField } from "~/ui/kit/TextField";
import { checkboxGroupProps, checkboxProps, fieldProps, formErrors, formProps, useAppForm } from "~/ui/kit/forms";
import "./LoanCheckout.css";

type Result = SubmissionResult<string[]> | null | undefined;

const CHECKLIST_OUT = ["charged", "accessoriesPresent", "accountExplained", "simActive"];
const TERMS = ["free", "learning", "giveBackPlain", "lossPlain", "reset", "mentoring", "privacy"];

export interface Borrower {
  personId?: string;
  person?: { firstName: string; phone: string; language: string; contactPreference: string };
  name: string;
  phone?: { display: string; type: string };
}

/** The chosen person as hidden fields, for the next step. */
function BorrowerFields({ borrower }: { borrower: Borrower }) {
  if (borrower.personId) return <input type="hidden" name="personId" value={borrower.personId} />;
  const p = borrower.person!;
  return (
    <>
      <input type="hidden" name="person.firstName" value={p.firstName} />
      <input type="hidden" name="person.phone" value={p.phone} />
      <input type="hidden" name="person.language" value={p.language} />
      <input type="hidden" name="person.contactPreference" value={p.contactPreference} />
    </>
  );
}

function StepHeading({ step, children }: { step: number; children: string }) {
  const { t } = useTranslation("loans");
  return (
    <h2 className="loan-checkout__step">
      <span className="loan-checkout__step-number">{t("new.stepOf", { step, of: 3 })}</span> {children}
    </h2>
  );
}

function Chosen({ borrower, device }: { borrower: Borrower; device?: { assetTag: string; model: string; location: string } }) {
  const { t } = useTranslation("loans");
  return (
    <div className="loan-checkout__chosen">
      <p>
        {t("new.borrower")}: <strong>{borrower.name}</strong>
        {borrower.personId ? null : <> ({t("new.newPersonTag")})</>}
      </p>
      {device ? (
        <p>
          {t("new.device")}: <strong dir="ltr">{device.assetTag}</strong> – {device.model} ({device.location})
        </p>
      ) : null}
      <p>
        <Link to="/team/loans/new" reloadDocument>
          {t("new.startAgain")}
        </Link>
      </p>
    </div>
  );
}

export function FindPersonStep({ lastResult }: { lastResult: Result }) {
  const { t } = useTranslation("loans");
  const [form, fields] = useAppForm({ id: "loan-find", lastResult });
  return (
    <>
      <StepHeading step={1}>{t("new.findHeading")}</StepHeading>
      <ErrorSummary errors={formErrors(form)} />
      <Form method="post" {...formProps(form)} className="loan-checkout__find">
        <input type="hidden" name="intent" value="find" />
        <TextField {...fieldProps(fields.query)} label={t("new.query")} description={t("new.queryHint")} autoComplete="off" width="medium" autoFocus />
        <Button type="submit">{t("new.find")}</Button>
      </Form>
    </>
  );
}

export interface PhoneFound {
  phone: { e164: string; type: string; display: string };
}

export function NewPersonStep({ found, languages, lastResult }: { found: PhoneFound; languages: { code: string; name: string }[]; lastResult: Result }) {
  const { t } = useTranslation("loans");
  const landline = found.phone.type === "landline";
  const [form, fields] = useAppForm<{ person: { firstName: string; phone: string; language: string; contactPreference: string } }>({
    id: "loan-person",
    lastResult,
    defaultValue: { person: { language: "de", contactPreference: landline ? "voice" : "sms" } },
  });
  const person = fields.person.getFieldset();
  return (
    <>
      <StepHeading step={1}>{t("new.newPersonHeading")}</StepHeading>
      <p>
        {t("new.noOneWithNumber")} <strong dir="ltr">{found.phone.display}</strong> ·{" "}
        <Link to="/team/loans/new" reloadDocument>
          {t("new.otherNumber")}
        </Link>
      </p>
      <ErrorSummary errors={formErrors(form)} />
      <Form method="post" {...formProps(form)}>
        <input type="hidden" name="intent" value="person" />
        <NewCallerFields
          person={person}
          phoneE164={found.phone.e164}
          landline={landline}
          languages={languages}
          texts={{ firstName: t("new.firstName"), language: t("new.language"), contact: t("new.contactPreference"), landlineHint: t("new.landlineHint") }}
        />
        <Button type="submit">{t("new.continue")}</Button>
      </Form>
    </>
  );
}

export function ChoosePersonStep({ matches, query, lastResult }: { matches: { id: string; name: string; phone: string }[]; query: string; lastResult: Result }) {
  const { t } = useTranslation("loans");
  const [form, fields] = useAppForm({ id: "loan-choose", lastResult });
  return (
    <>
      <StepHeading step={1}>{t("new.chooseHeading")}</StepHeading>
      {matches.length === 0 ? (
        <p>{t("new.noMatches")}</p>
      ) : (
        <>
          <ErrorSummary errors={formErrors(form)} />
          <Form method="post" {...formProps(form)}>
            <input type="hidden" name="intent" value="person" />
            <input type="hidden" name="query" value={query} />
            <RadioGroup
              {...fieldProps(fields.personId)}
              label={t("new.matches")}
              options={matches.map((m) => ({ value: m.id, label: m.name, description: <span dir="ltr">{m.phone}</span> }))}
            />
            <Button type="submit">{t("new.continue")}</Button>
          </Form>
        </>
      )}
      <p>
        <Link to="/team/loans/new" reloadDocument>
          {t("new.searchAgain")}
        </Link>
      </p>
    </>
  );
}

export interface DeviceChoice {
  id: string;
  assetTag: string;
  model: string;
  location: string;
  reserved: boolean;
}

export function DeviceStep({ borrower, devices, lastResult }: { borrower: Borrower; devices: DeviceChoice[]; lastResult: Result }) {
  const { t } = useTranslation("loans");
  const [form, fields] = useAppForm({ id: "loan-device", lastResult });
  return (
    <>
      <Chosen borrower={borrower} />
      <StepHeading step={2}>{t("new.deviceHeading")}</StepHeading>
      <ErrorSummary errors={formErrors(form)} />
      <Form method="post" {...formProps(form)}>
        <input type="hidden" name="intent" value="device" />
        <BorrowerFields borrower={borrower} />
        <TextField
          {...fieldProps(fields.assetTag)}
          label={t("new.assetTag")}
          description={t("new.assetTagHint")}
          autoComplete="off"
          width="medium"
          autoFocus
        />
        {devices.length ? (
          <RadioGroup
            {...fieldProps(fields.deviceId)}
            label={t("new.availableDevices")}
            options={devices.map((d) => ({
              value: d.id,
              label: (
                <>
                  <span dir="ltr">{d.assetTag}</span> – {d.model}
                </>
              ),
              description: d.reserved ? `${d.location} · ${t("new.reservedForThem")}` : d.location,
            }))}
          />
        ) : (
          <p>{t("new.noDevices")}</p>
        )}
        <Button type="submit">{t("new.continue")}</Button>
      </Form>
    </>
  );
}

export interface DetailsOptions {
  device: { id: string; assetTag: string; model: string; location: string };
  dueOn: string;
  mentors: { id: string; name: string }[];
  me: string;
  topics: { id: string; key: string; labels: string }[];
}

/** `loanRetentionDays`: RETENTION_LOAN_DAYS, the deletion the agreement promises. */
export function DetailsStep({
  borrower,
  options,
  formKey,
  lastResult,
  loanRetentionDays,
}: {
  borrower: Borrower;
  options: DetailsOptions;
  formKey: string;
  lastResult: Result;
  loanRetentionDays: number;
}) {
  const { t, i18n } = useTranslation("loans");
  const [form, fields] = useAppForm<{
    dueOn: string;
    mentorId: string;
    agreementMode: string;
    learningGoals: string[];
    checklist: string[];
    agreementAccepted: string;
  }>({
    id: "loan-details",
    lastResult,
    defaultValue: { dueOn: options.dueOn, mentorId: options.mentors.some((m) => m.id === options.me) ? options.me : "", agreementMode: "on_screen" },
  });
  return (
    <>
      <Chosen borrower={borrower} device={options.device} />
      <StepHeading step={3}>{t("new.detailsHeading")}</StepHeading>
      <ErrorSummary errors={formErrors(form)} />
      <Form method="post" {...formProps(form)}>
        <input type="hidden" name="intent" value="checkout" />
        <input type="hidden" name="idempotencyKey" value={formKey} />
        <input type="hidden" name="deviceId" value={options.device.id} />
        <BorrowerFields borrower={borrower} />
        <NativeDateInput {...fieldProps(fields.dueOn)} label={t("new.dueOn")} description={t("new.dueOnHint")} />
        <Select
          {...fieldProps(fields.mentorId)}
          label={t("new.mentor")}
          placeholder={t("new.chooseMentor")}
          options={options.mentors.map((m) => ({ value: m.id, label: m.name }))}
        />
        <CheckboxGroup
          {...checkboxGroupProps(fields.learningGoals)}
          label={t("new.learningGoals")}
          optional
          options={options.topics.map((topic) => ({ value: topic.id, label: topicName(t, i18n.language, topic) }))}
        />
        <CheckboxGroup
          {...checkboxGroupProps(fields.checklist)}
          label={t("new.checklist")}
          description={t("new.checklistHint")}
          options={CHECKLIST_OUT.map((item) => ({ value: item, label: t(`lending:checklistOut.${item}`) }))}
        />
        <RadioGroup
          {...fieldProps(fields.agreementMode)}
          label={t("new.agreementMode")}
          options={["on_screen", "paper"].map((mode) => ({ value: mode, label: t(`lending:agreementMode.${mode}`) }))}
        />
        <details className="loan-checkout__terms">
          <summary>{t("new.showAgreement")}</summary>
          <ul>
            {TERMS.map((term) => (
              <li key={term}>{t(`agreement.term.${term}`, { period: retentionPeriod(t, loanRetentionDays) })}</li>
            ))}
          </ul>
        </details>
        <Checkbox {...checkboxProps(fields.agreementAccepted)}>{t("new.agreementAccepted")}</Checkbox>
        <Button type="submit">{t("new.submit")}</Button>
      </Form>
    </>
  );
}
