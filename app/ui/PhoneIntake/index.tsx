// Taking a problem on the phone, built for typing while listening: the number first (focused), "Nummer suchen",
// then either the known caller or three fields for a new one, then the problem itself. The number travels
// in a hidden field between the steps, never in the URL.
import { Form, Link } from "@remix-run/react";
import type { SubmissionResult } from "@conform-to/react";
import { useTranslation } from "react-i18next";
import { CallerHeader } from "~/ui/CallerHeader";
import { Button } from "~/ui/kit/Button";
import { Checkbox } from "~/ui/kit/Checkbox";
import { ErrorSummary } from "~/ui/kit/ErrorSummary";
import { NewCallerFields } from "~/ui/NewCallerFields";
import { RadioGroup } from "~/ui/kit/RadioGroup";
import { Select } from "~/ui/kit/Select";
import { SummaryList } from "~/ui/kit/SummaryList";
import { TextField } from "~/ui/kit/TextField";
import { checkboxProps, fieldProps, formErrors, formProps, useAppForm } from "~/ui/kit/forms";
import { useTicketLabels, type CategoryRef } from "~/ui/TicketLabels";
import "./PhoneIntake.css";
import { CallerLookup as NumberLookup } from "~/ui/CallerHeader/CallerLookup";
import { NoticeReadCheckbox } from "~/ui/PrivacyNotice/NoticeRead";

type Result = SubmissionResult<string[]> | null | undefined;

export function CallerLookup({ lastResult }: { lastResult: Result }) {
  const { t } = useTranslation("tickets");
  return (
    <NumberLookup
      id="intake-lookup"
      lastResult={lastResult}
      phoneLabel={t("new.phone")}
      phoneHint={t("new.phoneHint")}
      submitLabel={t("new.lookup")}
      className="phone-intake__lookup"
    />
  );
}

export interface Caller {
  phone: { e164: string; display: string; type: string };
  person: {
    id: string;
    name: string;
    language: string;
    contactPreference: string;
    openTickets: { id: string; reference: string; status: string }[];
  } | null;
}

export interface IntakeOptions {
  locations: { id: string; name: string }[];
  categories: (CategoryRef & { id: string })[];
  languages: { code: string; name: string }[];
}

/** The fields of the second step, as the server's OpenTicketInput reads them. */
type IntakeFields = {
  personId: string;
  person: { firstName: string; phone: string; language: string; contactPreference: string };
  description: string;
  categoryId: string;
  priority: string;
  channel: string;
  locationId: string;
  assignToMe: string;
  callbackWanted: string;
  noticeRead: string;
};

const PRIORITIES = ["low", "normal", "high", "urgent"];
const CHANNELS = ["phone", "walk_in", "staff"];

export function IntakeDetails({
  caller,
  options,
  formKey,
  lastResult,
}: {
  caller: Caller;
  options: IntakeOptions;
  /** One per form shown: sent twice (offline replay, double click), the form opens one ticket. */
  formKey: string;
  lastResult: Result;
}) {
  const { t } = useTranslation("tickets");
  const labels = useTicketLabels();
  const { person, phone } = caller;
  const landline = phone.type === "landline";
  const [form, fields] = useAppForm<IntakeFields>({
    id: "intake",
    lastResult,
    shouldRevalidate: "onSubmit", // see CallerLookup
    defaultValue: {
      channel: "phone",
      priority: "normal",
      locationId: options.locations[0]?.id ?? "",
      person: { language: "de", contactPreference: landline ? "voice" : "sms" },
    },
  });
  const newPerson = fields.person.getFieldset();
  return (
    <>
      <ErrorSummary errors={formErrors(form)} />
      <CallerHeader
        id="intake-caller-heading"
        className="phone-intake__caller"
        heading={person ? t("new.known", { name: person.name }) : t("new.unknown")}
        numberLabel={t("new.number")}
        number={phone.display}
        about={`(${t(`person.phoneTypes.${phone.type}`)})`}
        restartTo="/team/tickets/new"
        restartLabel={t("new.otherNumber")}
      >
        {person ? (
          <>
            <SummaryList
              rows={[
                { key: "language", label: t("person.language"), value: options.languages.find((l) => l.code === person.language)?.name ?? person.language },
                { key: "contact", label: t("person.contactPreference"), value: t(`common:channel.${person.contactPreference}`) },
              ]}
            />
            <h3>{t("new.openTickets")}</h3>
            {person.openTickets.length ? (
              <ul>
                {person.openTickets.map((ticket) => (
                  <li key={ticket.id}>
                    <Link to={`/team/tickets/${ticket.id}`} dir="ltr">
                      {ticket.reference}
                    </Link>{" "}
                    – {labels.status(ticket.status)}
                  </li>
                ))}
              </ul>
            ) : (
              <p>{t("new.noOpenTickets")}</p>
            )}
          </>
        ) : null}
      </CallerHeader>

      <Form method="post" {...formProps(form)} className="phone-intake__details">
        <input type="hidden" name="intent" value="create" />
        <input type="hidden" name="idempotencyKey" value={formKey} />
        <input type="hidden" name="phone" value={phone.e164} />
        {person ? (
          <input type="hidden" name="personId" value={person.id} />
        ) : (
          <fieldset className="phone-intake__fieldset">
            <legend className="phone-intake__legend">{t("new.newPerson")}</legend>
            <NewCallerFields
              person={newPerson}
              phoneE164={phone.e164}
              landline={landline}
              languages={options.languages}
              texts={{ firstName: t("new.firstName"), language: t("new.language"), contact: t("new.contactPreference"), landlineHint: t("new.landlineHint") }}
            />
          </fieldset>
        )}
        <TextField
          {...fieldProps(fields.description)}
          label={t("new.description")}
          description={t("new.descriptionHint")}
          multiline
          rows={5}
          autoFocus={Boolean(person)}
        />
        <Select
          {...fieldProps(fields.categoryId)}
          label={t("new.category")}
          optional
          placeholder={t("new.noCategory")}
          options={options.categories.map((c) => ({ value: c.id, label: labels.category(c) }))}
        />
        <Select
          {...fieldProps(fields.priority)}
          label={t("new.priority")}
          options={PRIORITIES.map((p) => ({ value: p, label: labels.priority(p) }))}
        />
        <RadioGroup
          {...fieldProps(fields.channel)}
          label={t("new.channel")}
          inline
          options={CHANNELS.map((c) => ({ value: c, label: labels.channel(c) }))}
        />
        <Select
          {...fieldProps(fields.locationId)}
          label={t("new.location")}
          placeholder={options.locations.length ? undefined : t("ticket.noLocation")}
          options={options.locations.map((l) => ({ value: l.id, label: l.name }))}
        />
        <Checkbox {...checkboxProps(fields.assignToMe)}>{t("new.assignToMe")}</Checkbox>
        <Checkbox {...checkboxProps(fields.callbackWanted)}>{t("new.callbackWanted")}</Checkbox>
        <NoticeReadCheckbox field={fields.noticeRead} />
        <Button type="submit">{t("new.submit")}</Button>
      </Form>
    </>
  );
}
