// The loan page's parts: the facts, the checklists and goals, the mentoring sessions, and the forms that work on
// a loan (extend, lost or stolen, resolve a follow-up). Each form posts its own `intent` and shows only its errors.
import { Form } from "@remix-run/react";
import type { SubmissionResult } from "@conform-to/react";
import { Fragment, useEffect, useRef, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { topicName } from "~/i18n/own-labels";
import { Button } from "~/ui/kit/Button";
import { DateTime } from "~/ui/kit/DateTime";
import { NativeDateInput } from "~/ui/kit/DateField";
import { ErrorSummary } from "~/ui/kit/ErrorSummary";
import { Link } from "~/ui/kit/Link";
import { RadioGroup } from "~/ui/kit/RadioGroup";
import { Select } from "~/ui/kit/Select";
import { SummaryList } from "~/ui/kit/SummaryList";
import { Tag } from "~/ui/kit/Tag";
import { TextField } from "~/ui/kit/TextField";
import { fieldProps, formErrors, formProps, useAppForm, type FieldProps } from "~/ui/kit/forms";
import "./LoanDetails.css";

export interface LoanView {
  id: string;
  reference: string;
  status: string;
  dueAt: string;
  dueOn: string;
  overdue: boolean;
  checkedOutAt: string;
  returnedAt: string | null;
  extendedCount: number;
  agreementMode: string;
  outcome: string | null;
  damageNote: string | null;
  followUp: string[];
  followUpResolvedAt: string | null;
  checklistOut: string[];
  checklistIn: Record<string, unknown> | null;
  goals: { topic: { key: string; labels: string }; achieved: boolean | null }[];
  person: { id: string; name: string };
  device: { id: string; assetTag: string; model: string; status: string };
  location: { id: string; name: string };
  mentor: string | null;
  handedOutBy: string | null;
  receivedBy: string | null;
  photos: string[];
  sessions: { id: string; startsAt: string; attendance: string; mentor: string | null }[];
}

export function LoanLocationFilter({ view, locations, locationId }: { view: string; locations: { id: string; name: string }[]; locationId: string | null }) {
  const { t } = useTranslation("loans");
  return (
    <Form method="get" className="loan-filter">
      <input type="hidden" name="view" value={view} />
      <Select
        id="loan-location"
        name="location"
        label={t("list.location")}
        placeholder={t("list.allLocations")}
        defaultValue={locationId ?? ""}
        options={locations.map((l) => ({ value: l.id, label: l.name }))}
      />
      <Button type="submit" variant="secondary">
        {t("list.show")}
      </Button>
    </Form>
  );
}

const yesNo = (t: (k: string) => string, v: unknown) => (v === true ? t("answer.yes") : v === false ? t("answer.no") : "–");

export function LoanFacts({ loan, timeZone }: { loan: LoanView; timeZone: string }) {
  const { t } = useTranslation("loans");
  return (
    <SummaryList
      className="loan-facts"
      rows={[
        {
          key: "status",
          label: t("loan.status"),
          value: (
            <>
              {t(`lending:loanStatus.${loan.status}`)} {loan.overdue ? <Tag tone="warning">{t("list.overdue")}</Tag> : null}
            </>
          ),
        },
        { key: "person", label: t("loan.person"), value: <Link to={`/team/people/${loan.person.id}`}>{loan.person.name}</Link> },
        {
          key: "device",
          label: t("loan.device"),
          value: (
            <>
              <Link to={`/team/devices/${loan.device.id}`} dir="ltr">
                {loan.device.assetTag}
              </Link>{" "}
              – {loan.device.model} ({t(`lending:deviceStatus.${loan.device.status}`)})
            </>
          ),
        },
        { key: "location", label: t("loan.location"), value: loan.location.name },
        { key: "checkedOutAt", label: t("loan.checkedOutAt"), value: <DateTime iso={loan.checkedOutAt} timeZone={timeZone} dateOnly /> },
        {
          key: "dueAt",
          label: t("loan.dueAt"),
          value: (
            <>
              <DateTime iso={loan.dueAt} timeZone={timeZone} dateOnly />
              {loan.extendedCount ? ` (${t("loan.extended", { count: loan.extendedCount })})` : null}
            </>
          ),
        },
        ...(loan.returnedAt ? [{ key: "returnedAt", label: t("loan.returnedAt"), value: <DateTime iso={loan.returnedAt} timeZone={timeZone} dateOnly /> }] : []),
        { key: "mentor", label: t("loan.mentor"), value: loan.mentor ?? "–" },
        { key: "handedOutBy", label: t("loan.handedOutBy"), value: loan.handedOutBy ?? "–" },
        { key: "agreement", label: t("loan.agreement"), value: t(`lending:agreementMode.${loan.agreementMode}`) },
        ...(loan.outcome ? [{ key: "outcome", label: t("loan.outcome"), value: t(`lending:outcome.${loan.outcome}`) }] : []),
      ]}
    />
  );
}

export function AgreementLinks({ loanId }: { loanId: string }) {
  const { t } = useTranslation("loans");
  return (
    <ul className="loan-agreement-links">
      <li>
        <Link to={`/team/loans/${loanId}/agreement?variant=person`}>{t("loan.agreementPerson")}</Link>
      </li>
      <li>
        <Link to={`/team/loans/${loanId}/agreement?variant=large`}>{t("loan.agreementLarge")}</Link>
      </li>
    </ul>
  );
}

export function LoanChecklists({ loan }: { loan: LoanView }) {
  const { t, i18n } = useTranslation("loans");
  const tCommon = (k: string) => t(k);
  const inList = loan.checklistIn;
  return (
    <>
      <h2>{t("loan.goalsHeading")}</h2>
      {loan.goals.length ? (
        <ul>
          {loan.goals.map((g, i) => (
            <li key={i}>
              {topicName(t, i18n.language, g.topic)}
              {g.achieved === true ? <> – {t("loan.achieved")}</> : g.achieved === false ? <> – {t("loan.notAchieved")}</> : null}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t("loan.noGoals")}</p>
      )}
      <h2>{t("loan.checklistOutHeading")}</h2>
      <ul>
        {loan.checklistOut.map((item) => (
          <li key={item}>{t(`lending:checklistOut.${item}`)}</li>
        ))}
      </ul>
      {inList ? (
        <>
          <h2>{t("loan.checklistInHeading")}</h2>
          <SummaryList
            rows={[
              { key: "complete", label: t("checkIn.accessoriesComplete"), value: yesNo(tCommon, inList.accessoriesComplete) },
              { key: "condition", label: t("checkIn.condition"), value: t(`lending:condition.${String(inList.condition)}`) },
              ...(loan.damageNote ? [{ key: "damage", label: t("checkIn.damageNote"), value: loan.damageNote }] : []),
              { key: "reset", label: t("checkIn.factoryReset"), value: yesNo(tCommon, inList.factoryReset) },
              { key: "account", label: t("checkIn.accountRemoved"), value: yesNo(tCommon, inList.accountRemoved) },
              { key: "sim", label: t("checkIn.sim"), value: t(`lending:simAtReturn.${String(inList.sim)}`) },
              { key: "receivedBy", label: t("loan.receivedBy"), value: loan.receivedBy ?? "–" },
            ]}
          />
        </>
      ) : null}
      {loan.photos.length ? (
        <>
          <h2>{t("loan.photosHeading")}</h2>
          <ul className="loan-photos">
            {loan.photos.map((id, i) => (
              <li key={id}>
                <img src={`/team/loans/${loan.id}/photo/${id}`} alt={t("loan.photoAlt", { n: i + 1 })} />
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}

export function FollowUpNotice({ loan }: { loan: LoanView }) {
  const { t } = useTranslation("loans");
  if (!loan.followUp.length) return null;
  const items = loan.followUp.map((a) => t(`lending:accessory.${a}`)).join(", ");
  return (
    <div className={loan.followUpResolvedAt ? "loan-follow-up loan-follow-up--resolved" : "loan-follow-up"}>
      <h2>{t("loan.followUpHeading")}</h2>
      <p>{loan.followUpResolvedAt ? t("loan.followUpResolved", { items }) : t("loan.followUpOpen", { items })}</p>
    </div>
  );
}

export function SessionList({ loan }: { loan: LoanView }) {
  const { t } = useTranslation("loans");
  return (
    <section aria-labelledby="loan-sessions-heading">
      <h2 id="loan-sessions-heading">{t("loan.sessionsHeading")}</h2>
      {loan.sessions.length ? (
        <ul>
          {loan.sessions.map((s) => (
            <li key={s.id}>
              <Link to={`/team/loans/${loan.id}/sessions/${s.id}`}>
                <DateTime iso={s.startsAt} />
              </Link>{" "}
              – {t(`lending:attendance.${s.attendance}`)}
              {s.mentor ? ` (${s.mentor})` : null}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t("loan.noSessions")}</p>
      )}
      {loan.status === "active" ? (
        <p>
          <Link to={`/team/loans/${loan.id}/sessions/new`}>{t("loan.recordSession")}</Link>
        </p>
      ) : null}
    </section>
  );
}

export interface LoanActionResult {
  intent: string;
  saved: boolean;
  result: SubmissionResult<string[]>;
}

export function LoanActions({ loan, actionData }: { loan: LoanView; actionData?: LoanActionResult | null }) {
  const { t } = useTranslation("loans");
  const openFollowUp = loan.followUp.length > 0 && !loan.followUpResolvedAt;
  return (
    <section aria-labelledby="loan-actions-heading" className="loan-actions">
      <h2 id="loan-actions-heading">{t("actions.heading")}</h2>
      {loan.status === "active" ? (
        <>
          <ActionForm actionData={actionData} intent="extend" title={t("actions.extend.heading")} submit={t("actions.extend.submit")}>
            {(field) => (
              <>
                <NativeDateInput {...field("dueOn")} label={t("actions.extend.dueOn")} />
                <TextField {...field("note")} label={t("actions.note")} optional multiline rows={2} />
              </>
            )}
          </ActionForm>
          <ActionForm actionData={actionData} intent="lost" title={t("actions.lost.heading")} submit={t("actions.lost.submit")} danger>
            {(field) => (
              <>
                <RadioGroup
                  {...field("kind")}
                  label={t("actions.lost.kind")}
                  inline
                  options={["lost", "stolen"].map((k) => ({ value: k, label: t(`lending:loanStatus.${k}`) }))}
                />
                <TextField {...field("note")} label={t("actions.note")} optional multiline rows={2} />
              </>
            )}
          </ActionForm>
        </>
      ) : null}
      {openFollowUp ? (
        <ActionForm actionData={actionData} intent="resolveFollowUp" title={t("actions.resolve.heading")} submit={t("actions.resolve.submit")}>
          {(field) => <TextField {...field("note")} label={t("actions.note")} optional multiline rows={2} />}
        </ActionForm>
      ) : null}
    </section>
  );
}

interface ActionFormProps {
  intent: string;
  title: string;
  submit: string;
  danger?: boolean;
  actionData?: LoanActionResult | null;
  children: (field: (name: string) => FieldProps) => ReactNode;
}

function ActionForm({ intent, title, submit, danger, actionData, children }: ActionFormProps) {
  const { t } = useTranslation("loans");
  const mine = actionData?.intent === intent ? actionData : null;
  const [form, fields] = useAppForm({ id: `loan-${intent}`, lastResult: mine?.result });
  const ref = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (mine?.saved) ref.current?.reset();
  }, [mine]);
  const field = (name: string): FieldProps => {
    const props = fieldProps(fields[name]);
    return { ...props, errors: mine ? props.errors : undefined };
  };
  const headingId = `${form.id}-heading`;
  return (
    <section aria-labelledby={headingId} className="loan-action">
      <h3 id={headingId}>{title}</h3>
      <ErrorSummary errors={mine ? formErrors(form) : []} />
      <Form method="post" ref={ref} {...formProps(form)}>
        <input type="hidden" name="intent" value={intent} />
        <Fragment>{children(field)}</Fragment>
        <Button type="submit" variant={danger ? "danger" : "secondary"}>
          {submit}
        </Button>
        <p role="status" className="loan-action__saved">
          {mine?.saved ? t(`actions.saved.${intent}`) : null}
        </p>
      </Form>
    </section>
  );
}
