// One device: its facts, what to do next (reset, open loan), its history, its loans (by reference only: no
// borrower here), and the two forms that change it by hand (status, transfer). Each form posts its own `intent`.
import { Form } from "@remix-run/react";
import type { SubmissionResult } from "@conform-to/react";
import { Fragment, useEffect, useRef, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Button, ButtonLink } from "~/ui/kit/Button";
import { DateTime } from "~/ui/kit/DateTime";
import { ErrorSummary } from "~/ui/kit/ErrorSummary";
import { Link } from "~/ui/kit/Link";
import { Select } from "~/ui/kit/Select";
import { SummaryList } from "~/ui/kit/SummaryList";
import { DataTable } from "~/ui/kit/Table";
import { Tag } from "~/ui/kit/Tag";
import { TextField } from "~/ui/kit/TextField";
import { Timeline } from "~/ui/kit/Timeline";
import { fieldProps, formErrors, formProps, useAppForm, type FieldProps } from "~/ui/kit/forms";
import { useDeviceLabels } from "./labels";
import "./DeviceDetails.css";

export interface DeviceView {
  id: string;
  assetTag: string;
  model: string;
  serial: string | null;
  simNumber: string | null;
  dataPlanEndsOn: string | null;
  accessories: string[];
  notes: string | null;
  status: string;
  location: { id: string; name: string };
}

export interface DeviceEventView {
  id: string;
  at: string;
  kind: string;
  actor: string | null;
  loanId: string | null;
  data: string;
}

export interface DeviceLoanView {
  id: string;
  reference: string;
  status: string;
  checkedOutAt: string;
  dueAt: string;
  returnedAt: string | null;
}

export function DeviceSummary({ device, activeLoanId, latestLoanId }: { device: DeviceView; activeLoanId: string | null; latestLoanId: string | null }) {
  const { t } = useTranslation("devices");
  const labels = useDeviceLabels();
  const none = t("device.none");
  return (
    <>
      <SummaryList
        rows={[
          { key: "status", label: t("device.status"), value: <Tag tone={labels.statusTone(device.status)}>{labels.status(device.status)}</Tag> },
          { key: "location", label: t("device.location"), value: device.location.name },
          { key: "model", label: t("form.model"), value: device.model },
          { key: "serial", label: t("form.serial"), value: device.serial ? <span dir="ltr">{device.serial}</span> : none },
          { key: "sim", label: t("form.simNumber"), value: device.simNumber ? <span dir="ltr">{device.simNumber}</span> : none },
          {
            key: "plan",
            label: t("form.dataPlanEndsOn"),
            value: device.dataPlanEndsOn ? <DateTime iso={`${device.dataPlanEndsOn}T12:00:00Z`} dateOnly /> : none,
          },
          {
            key: "kit",
            label: t("form.accessories"),
            value: device.accessories.length ? device.accessories.map(labels.accessory).join(", ") : none,
          },
          { key: "notes", label: t("form.notes"), value: device.notes ?? none },
        ]}
      />
      {device.status === "needs_reset" ? (
        <p className="notice">
          {t("device.needsReset")}{" "}
          {latestLoanId ? <Link to={`/team/loans/${latestLoanId}/reset`}>{t("device.confirmReset")}</Link> : null}
        </p>
      ) : null}
      {device.status === "on_loan" && activeLoanId ? (
        <p>
          <Link to={`/team/loans/${activeLoanId}`}>{t("device.openLoan")}</Link>
        </p>
      ) : null}
    </>
  );
}

function parse(json: string): Record<string, unknown> {
  try {
    const value = JSON.parse(json) as unknown;
    return value && typeof value === "object" ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

export function DeviceHistory({ events, locationNames }: { events: DeviceEventView[]; locationNames: Record<string, string> }) {
  const { t } = useTranslation("devices");
  const labels = useDeviceLabels();
  const place = (id: unknown) => (typeof id === "string" ? (locationNames[id] ?? t("device.unknownLocation")) : "–");
  const details = (event: DeviceEventView): { details?: ReactNode; body?: string | null } => {
    const data = parse(event.data);
    const note = typeof data.note === "string" ? data.note : null;
    if (data.from && data.to && event.kind !== "edited") {
      return { details: t("history.fromTo", { from: labels.status(String(data.from)), to: labels.status(String(data.to)) }), body: note };
    }
    if (event.kind === "transferred") {
      return { details: t("history.moved", { from: place(data.fromLocationId), to: place(data.toLocationId) }), body: note };
    }
    if (event.kind === "edited" && data.changes && typeof data.changes === "object") {
      const fields = Object.keys(data.changes).map((f) => t(`form.${f}`));
      return { details: t("history.changed", { fields: fields.join(", ") }) };
    }
    return {};
  };
  return (
    <section aria-labelledby="device-history-heading">
      <h2 id="device-history-heading">{t("history.heading")}</h2>
      <Timeline
        emptyText={t("history.empty")}
        items={[...events].reverse().map((event) => ({
          id: event.id,
          title: t(`history.kind.${event.kind}`, { defaultValue: event.kind }),
          meta: (
            <>
              <DateTime iso={event.at} />
              {event.actor ? ` · ${event.actor}` : null}
            </>
          ),
          ...details(event),
        }))}
      />
    </section>
  );
}

export function DeviceLoans({ loans }: { loans: DeviceLoanView[] }) {
  const { t } = useTranslation("devices");
  const labels = useDeviceLabels();
  return (
    <section aria-labelledby="device-loans-heading">
      <h2 id="device-loans-heading">{t("loans.heading")}</h2>
      <DataTable
        caption={t("loans.caption", { count: loans.length })}
        emptyText={t("loans.empty")}
        rowKey={(_row, index) => loans[index]!.id}
        columns={[
          { key: "reference", header: t("loans.reference"), isRowHeader: true },
          { key: "status", header: t("loans.status") },
          { key: "out", header: t("loans.out") },
          { key: "back", header: t("loans.back") },
        ]}
        rows={loans.map((loan) => ({
          reference: (
            <Link to={`/team/loans/${loan.id}`} dir="ltr">
              {loan.reference}
            </Link>
          ),
          status: labels.loanStatus(loan.status),
          out: <DateTime iso={loan.checkedOutAt} dateOnly />,
          back: loan.returnedAt ? <DateTime iso={loan.returnedAt} dateOnly /> : <>{t("loans.due")} <DateTime iso={loan.dueAt} dateOnly /></>,
        }))}
      />
    </section>
  );
}

export interface DeviceActionResult {
  intent: string;
  saved: boolean;
  result: SubmissionResult<string[]>;
}

export function DeviceActions({
  device,
  options,
  actionData,
}: {
  device: DeviceView;
  options: { statuses: readonly string[]; transferTo: { id: string; name: string }[] };
  actionData?: DeviceActionResult | null;
}) {
  const { t } = useTranslation("devices");
  const labels = useDeviceLabels();
  return (
    <section aria-labelledby="device-actions-heading" className="device-actions">
      <h2 id="device-actions-heading">{t("actions.heading")}</h2>
      <p>
        <ButtonLink to={`/team/devices/${device.id}/edit`} variant="secondary">
          {t("actions.edit")}
        </ButtonLink>
      </p>
      {options.statuses.length ? (
        <ActionForm intent="status" version={device.status} title={t("actions.status.heading")} submit={t("actions.status.submit")} actionData={actionData}>
          {(field) => (
            <>
              <Select
                {...field("status")}
                label={t("actions.status.status", { current: labels.status(device.status) })}
                placeholder={t("actions.status.choose")}
                options={options.statuses.map((s) => ({ value: s, label: labels.status(s) }))}
              />
              <TextField {...field("note")} multiline rows={3} optional label={t("actions.status.note")} />
            </>
          )}
        </ActionForm>
      ) : (
        <p>{t(`actions.status.locked.${device.status}`, { defaultValue: "" })}</p>
      )}
      {options.transferTo.length ? (
        <ActionForm intent="transfer" version={device.location.id} title={t("actions.transfer.heading")} submit={t("actions.transfer.submit")} actionData={actionData}>
          {(field) => (
            <>
              <Select
                {...field("toLocationId")}
                label={t("actions.transfer.to")}
                placeholder={t("actions.transfer.choose")}
                options={options.transferTo.map((l) => ({ value: l.id, label: l.name }))}
              />
              <TextField {...field("note")} multiline rows={3} optional label={t("actions.transfer.note")} />
            </>
          )}
        </ActionForm>
      ) : null}
    </section>
  );
}

interface ActionFormProps {
  intent: string;
  title: string;
  submit: string;
  version?: string;
  actionData?: DeviceActionResult | null;
  children: (field: (name: string) => FieldProps) => ReactNode;
}

function ActionForm({ intent, title, submit, version = "", actionData, children }: ActionFormProps) {
  const { t } = useTranslation("devices");
  const mine = actionData?.intent === intent ? actionData : null;
  const [form, fields] = useAppForm({ id: `device-${intent}`, lastResult: mine?.result });
  const ref = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (mine?.saved) ref.current?.reset();
  }, [mine]);
  const field = (name: string): FieldProps => {
    const props = fieldProps(fields[name]!);
    return { ...props, defaultValue: mine?.saved ? undefined : props.defaultValue, errors: mine ? props.errors : undefined };
  };
  const headingId = `${form.id}-heading`;
  return (
    <section aria-labelledby={headingId} className="device-action">
      <h3 id={headingId}>{title}</h3>
      <ErrorSummary errors={mine ? formErrors(form) : []} />
      <Form method="post" ref={ref} {...formProps(form)}>
        <input type="hidden" name="intent" value={intent} />
        <Fragment key={version}>{children(field)}</Fragment>
        <Button type="submit" variant="secondary">
          {submit}
        </Button>
        <p role="status" className="device-action__saved">
          {mine?.saved ? t(`actions.saved.${intent}`) : null}
        </p>
      </Form>
    </section>
  );
}
