// Booking for a caller, built for typing during a call: the number and the place first, then the caller's first
// name (filled in when known) and the next free places with the first one chosen, so Enter books it.
import { Form, Link } from "@remix-run/react";
import type { SubmissionResult } from "@conform-to/react";
import { useTranslation } from "react-i18next";
import { CallerHeader } from "~/ui/CallerHeader";
import { Button } from "~/ui/kit/Button";
import { Checkbox } from "~/ui/kit/Checkbox";
import { ErrorSummary } from "~/ui/kit/ErrorSummary";
import { RadioGroup } from "~/ui/kit/RadioGroup";
import { Select } from "~/ui/kit/Select";
import { TextField } from "~/ui/kit/TextField";
import { checkboxProps, fieldProps, formErrors, formProps, useAppForm } from "~/ui/kit/forms";
import "./DeskBooking.css";
import { CallerLookup } from "~/ui/CallerHeader/CallerLookup";
import { NoticeReadCheckbox } from "~/ui/PrivacyNotice/NoticeRead";

type Result = SubmissionResult<string[]> | null | undefined;

export function CallerStep({ places, lastResult }: { places: { id: string; name: string }[]; lastResult: Result }) {
  const { t } = useTranslation("desk");
  return (
    <CallerLookup
      id="desk-lookup"
      lastResult={lastResult}
      phoneLabel={t("book.phone")}
      phoneHint={t("book.phoneHint")}
      submitLabel={t("book.lookup")}
      className="desk-booking__lookup"
      defaultValue={{ locationId: places[0]?.id ?? "" }}
      more={(field) => (
        <Select {...field("locationId")} label={t("book.location")} options={places.map((p) => ({ value: p.id, label: p.name }))} />
      )}
    />
  );
}

export interface BookingStepData {
  caller: { phone: { e164: string; display: string; type: string }; person: { id: string; name: string } | null };
  location: { id: string; name: string; timeZone: string };
  slots: { value: string; startsAt: string; pool: "phone" | "internal" }[];
  /** The known caller's appointments still to come: calling to move or cancel one is one step away. */
  upcoming: { id: string; reference: string; startsAt: string; timeZone: string; place: string }[];
  idempotencyKey: string;
  languages: { code: string; name: string }[];
}

type BookingFields = { person: { firstName: string; language: string }; choice: string; concern: string; wantsEarlyReminder: string; noticeRead: string };

export function BookingStep({ step, lastResult }: { step: BookingStepData; lastResult: Result }) {
  const { t, i18n } = useTranslation("desk");
  const { caller, location, slots } = step;
  const known = caller.person;
  const [form, fields] = useAppForm<BookingFields>({
    id: "desk-book",
    lastResult,
    defaultValue: { choice: slots[0]?.value ?? "", person: { firstName: known?.name.split(" ")[0] ?? "", language: "de" } },
  });
  const person = fields.person.getFieldset();
  const when = new Intl.DateTimeFormat(i18n.language, { weekday: "long", day: "numeric", month: "long", hour: "2-digit", minute: "2-digit", timeZone: location.timeZone });
  return (
    <>
      <ErrorSummary errors={formErrors(form)} />
      <CallerHeader
        id="desk-caller-heading"
        className="desk-booking__caller"
        heading={known ? t("book.known", { name: known.name }) : t("book.unknown")}
        numberLabel={t("book.number")}
        number={caller.phone.display}
        about={`· ${location.name}`}
        restartTo="/team/appointments/new"
        restartLabel={t("book.otherNumber")}
        links={
          known ? (
            <>
              {" · "}
              <Link to={`/team/people/${known.id}`}>{t("book.personPage")}</Link>
            </>
          ) : null
        }
      />
      {step.upcoming.length ? (
        <section aria-labelledby="desk-upcoming-heading" className="desk-booking__upcoming">
          <h3 id="desk-upcoming-heading">{t("book.upcomingHeading")}</h3>
          <p>{t("book.upcomingHint")}</p>
          <ul>
            {step.upcoming.map((a) => (
              <li key={a.id}>
                <Link to={`/team/appointments/${a.id}`}>
                  <span dir="ltr">{a.reference}</span> –{" "}
                  {new Intl.DateTimeFormat(i18n.language, { weekday: "long", day: "numeric", month: "long", hour: "2-digit", minute: "2-digit", timeZone: a.timeZone }).format(new Date(a.startsAt))}
                </Link>{" "}
                · {a.place}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <Form method="post" {...formProps(form)}>
        <input type="hidden" name="intent" value="book" />
        <input type="hidden" name="phone" value={caller.phone.e164} />
        <input type="hidden" name="person.phone" value={caller.phone.e164} />
        <input type="hidden" name="locationId" value={location.id} />
        <input type="hidden" name="idempotencyKey" value={step.idempotencyKey} />
        <TextField {...fieldProps(person.firstName)} label={t("book.firstName")} autoComplete="off" width="medium" autoFocus />
        {known ? (
          <input type="hidden" name={person.language.name} value="de" />
        ) : (
          <Select {...fieldProps(person.language)} label={t("book.language")} options={step.languages.map((l) => ({ value: l.code, label: l.name }))} />
        )}
        {slots.length ? (
          <RadioGroup
            {...fieldProps(fields.choice)}
            label={t("book.slots")}
            description={t("book.slotsHint")}
            options={slots.map((s) => ({
              value: s.value,
              label: when.format(new Date(s.startsAt)),
              description: s.pool === "internal" ? t("book.internalPlace") : t("book.phonePlace"),
            }))}
          />
        ) : (
          <p role="status">{t("book.noSlots")}</p>
        )}
        <TextField {...fieldProps(fields.concern)} label={t("book.concern")} optional multiline rows={3} />
        <Checkbox {...checkboxProps(fields.wantsEarlyReminder)} description={t("book.earlyReminderHint")}>
          {t("book.earlyReminder")}
        </Checkbox>
        <NoticeReadCheckbox field={fields.noticeRead} />
        <Button type="submit">{t("book.submit")}</Button>
      </Form>
    </>
  );
}
