// Putting a caller on the waiting list, built for typing while listening: the number first (focused), then the
// known caller (and where they already wait) or three fields for a new one, then the place and their wishes.
// The number travels in a hidden field between the steps, never in the URL.
import { Form, Link } from "@remix-run/react";
import type { SubmissionResult } from "@conform-to/react";
import { useTranslation } from "react-i18next";
import { CallerHeader } from "~/ui/CallerHeader";
import { Button } from "~/ui/kit/Button";
import { ErrorSummary } from "~/ui/kit/ErrorSummary";
import { NewCallerFields } from "~/ui/NewCallerFields";
import { RadioGroup } from "~/ui/kit/RadioGroup";
import { Select } from "~/ui/kit/Select";
import { TextField } from "~/ui/kit/TextField";
import { fieldProps, formErrors, formProps, useAppForm } from "~/ui/kit/forms";
import { ReservationStatus } from "~/ui/WaitingList";
import { CallerLookup } from "~/ui/CallerHeader/CallerLookup";
import { NoticeReadCheckbox } from "~/ui/PrivacyNotice/NoticeRead";

type Result = SubmissionResult<string[]> | null | undefined;

export function BorrowerLookup({ lastResult }: { lastResult: Result }) {
  const { t } = useTranslation("waitlist");
  return (
    <CallerLookup
      id="waitlist-lookup"
      lastResult={lastResult}
      phoneLabel={t("new.phone")}
      phoneHint={t("new.phoneHint")}
      submitLabel={t("new.lookup")}
    />
  );
}

export interface Borrower {
  phone: { e164: string; display: string; type: string };
  person: { id: string; name: string; open: { id: string; location: string; status: string }[] } | null;
}

export interface BorrowerOptions {
  locations: { id: string; name: string }[];
  languages: { code: string; name: string }[];
}

type DetailFields = {
  personId: string;
  person: { firstName: string; phone: string; language: string; contactPreference: string };
  channel: string;
  locationId: string;
  wishes: string;
  noticeRead: string;
};

export function BorrowerDetails({
  caller,
  options,
  lastResult,
  already,
}: {
  caller: Borrower;
  options: BorrowerOptions;
  lastResult: Result;
  already: { id: string; place: number; location: string } | null;
}) {
  const { t } = useTranslation("waitlist");
  const { person, phone } = caller;
  const landline = phone.type === "landline";
  const [form, fields] = useAppForm<DetailFields>({
    id: "waitlist-intake",
    lastResult,
    defaultValue: {
      channel: "phone",
      // One place: that one. Several: staff choose, so nobody lands on the wrong list by default.
      locationId: options.locations.length === 1 ? options.locations[0]!.id : "",
      person: { language: "de", contactPreference: landline ? "voice" : "sms" },
    },
  });
  const newPerson = fields.person.getFieldset();
  return (
    <>
      <ErrorSummary errors={formErrors(form)} />
      {already ? (
        <div className="notice" role="status">
          <p>{t("new.already", { place: already.place, location: already.location })}</p>
          <p>
            <Link to={`/team/waiting-list/${already.id}`}>{t("new.alreadyLink")}</Link>
          </p>
        </div>
      ) : null}
      <CallerHeader
        id="waitlist-caller-heading"
        heading={person ? t("new.known", { name: person.name }) : t("new.unknown")}
        numberLabel={t("new.number")}
        number={phone.display}
        restartTo="/team/waiting-list/new"
        restartLabel={t("new.otherNumber")}
      >
        {person?.open.length ? (
          <>
            <h3>{t("new.openPlaces")}</h3>
            <ul>
              {person.open.map((r) => (
                <li key={r.id}>
                  <Link to={`/team/waiting-list/${r.id}`}>{r.location}</Link> <ReservationStatus status={r.status} />
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </CallerHeader>
      <Form method="post" {...formProps(form)}>
        <input type="hidden" name="intent" value="create" />
        <input type="hidden" name="phone" value={phone.e164} />
        {person ? (
          <input type="hidden" name="personId" value={person.id} />
        ) : (
          <fieldset>
            <legend>{t("new.newPerson")}</legend>
            <NewCallerFields
              person={newPerson}
              phoneE164={phone.e164}
              landline={landline}
              languages={options.languages}
              texts={{
                firstName: t("citizen:report.firstName"),
                language: t("citizen:report.language"),
                contact: t("citizen:report.contact"),
                landlineHint: t("new.landlineHint"),
              }}
            />
          </fieldset>
        )}
        <Select
          {...fieldProps(fields.locationId)}
          label={t("new.location")}
          placeholder={options.locations.length === 1 ? undefined : t("actions.move.choose")}
          options={options.locations.map((l) => ({ value: l.id, label: l.name }))}
          autoFocus={Boolean(person)}
        />
        <RadioGroup
          {...fieldProps(fields.channel)}
          label={t("new.channel")}
          inline
          options={["phone", "walk_in"].map((c) => ({ value: c, label: t(`lending:reservationChannel.${c}`) }))}
        />
        <TextField {...fieldProps(fields.wishes)} label={t("borrow.wishes")} description={t("new.wishesHint")} optional multiline rows={3} />
        <NoticeReadCheckbox field={fields.noticeRead} />
        <Button type="submit">{t("new.submit")}</Button>
      </Form>
    </>
  );
}
