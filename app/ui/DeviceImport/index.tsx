// Importing devices from a CSV file in two steps: "Check file" (the upload, then a per-row report) and
// "Import N devices". Without JavaScript the plain multipart form posts and the page comes back with the report.
// With JavaScript the upload goes through XMLHttpRequest so a labelled <progress> can show how far it is, then
// "Checking rows…" while the server reads the file; the answer is a redirect to the report, which we follow.
import { Form, useNavigate } from "@remix-run/react";
import type { SubmissionResult } from "@conform-to/react";
import { useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "~/ui/kit/Button";
import { ErrorSummary } from "~/ui/kit/ErrorSummary";
import { formGroupClassName, NativeFieldHeader, useFieldIds } from "~/ui/kit/Field";
import { Select } from "~/ui/kit/Select";
import { DataTable } from "~/ui/kit/Table";
import { fieldProps, formErrors, formProps, useAppForm } from "~/ui/kit/forms";
import "./DeviceImport.css";

export interface ImportUploadProps {
  locations: { id: string; name: string }[];
  lastResult?: SubmissionResult<string[]> | null;
  defaultLocationId?: string;
  maxMegabytes: number;
}

type Phase = { kind: "idle" } | { kind: "uploading"; percent: number } | { kind: "checking" } | { kind: "failed" };

export function ImportUpload({ locations, lastResult, defaultLocationId, maxMegabytes }: ImportUploadProps) {
  const { t } = useTranslation("devices");
  const navigate = useNavigate();
  const [form, fields] = useAppForm<Record<string, unknown>>({
    id: "device-import",
    lastResult,
    defaultValue: { locationId: defaultLocationId ?? (locations.length === 1 ? locations[0]!.id : undefined) },
  });
  const [phase, setPhase] = useState<Phase>({ kind: "idle" });
  const native = useRef(false);
  const fileProps = fieldProps(fields.file);
  const ids = useFieldIds(fileProps.id, t("import.fileHint", { size: maxMegabytes }), fileProps.errors);

  function upload(event: FormEvent<HTMLFormElement>) {
    const element = event.currentTarget;
    const file = element.querySelector<HTMLInputElement>('input[type="file"]')?.files?.[0];
    const place = element.querySelector<HTMLSelectElement>('select[name="locationId"]')?.value;
    // No file or place chosen (the server says so), or a second try after the upload could not be followed:
    // the form goes the ordinary way.
    if (native.current || !file || !place || typeof XMLHttpRequest === "undefined") {
      native.current = false;
      form.onSubmit(event);
      return;
    }
    event.preventDefault();
    const request = new XMLHttpRequest();
    request.open("POST", element.action);
    request.upload.onprogress = (e) => {
      if (e.lengthComputable) setPhase({ kind: "uploading", percent: Math.round((e.loaded / e.total) * 100) });
    };
    request.upload.onload = () => setPhase({ kind: "checking" });
    request.onload = () => {
      const target = new URL(request.responseURL || element.action, window.location.href);
      if (request.status < 400 && target.searchParams.has("file")) {
        setPhase({ kind: "idle" });
        navigate(`${target.pathname}${target.search}`);
      } else {
        // An answer with errors for the form: send it the ordinary way to show them (small files, quick).
        native.current = true;
        element.requestSubmit();
      }
    };
    request.onerror = () => setPhase({ kind: "failed" });
    setPhase({ kind: "uploading", percent: 0 });
    request.send(new FormData(element));
  }

  const busy = phase.kind === "uploading" || phase.kind === "checking";
  return (
    <>
      <ErrorSummary errors={formErrors(form)} />
      <Form method="post" action="/team/devices/import" encType="multipart/form-data" {...formProps(form)} onSubmit={upload}>
        <input type="hidden" name="intent" value="check" />
        <Select
          {...fieldProps(fields.locationId)}
          label={t("import.location")}
          placeholder={t("form.chooseLocation")}
          options={locations.map((l) => ({ value: l.id, label: l.name }))}
        />
        <div className={formGroupClassName(ids.isInvalid)}>
          <NativeFieldHeader
            ids={ids}
            label={t("import.file")}
            description={t("import.fileHint", { size: maxMegabytes })}
            errors={fileProps.errors}
          />
          <input
            type="file"
            id={ids.fieldId}
            name={fileProps.name}
            accept=".csv,text/csv"
            className="file-input"
            aria-describedby={ids.describedBy}
            aria-invalid={ids.isInvalid || undefined}
          />
        </div>
        <Button type="submit" isDisabled={busy}>
          {t("import.check")}
        </Button>
        <div aria-live="polite" className="import-progress">
          {phase.kind === "uploading" ? (
            <>
              <label htmlFor="import-progress">{t("import.uploading", { percent: phase.percent })}</label>
              <progress id="import-progress" max={100} value={phase.percent} />
            </>
          ) : phase.kind === "checking" ? (
            <>
              <label htmlFor="import-progress">{t("import.checking")}</label>
              <progress id="import-progress" />
            </>
          ) : phase.kind === "failed" ? (
            <p className="import-progress__failed">{t("import.uploadFailed")}</p>
          ) : null}
        </div>
      </Form>
    </>
  );
}

export interface ImportProblem {
  line: number;
  assetTag: string;
  problems: { key: string; value?: string }[];
}

/** The bad rows: line number in the file, the tag, and every reason in words. */
export function ImportProblems({ bad }: { bad: ImportProblem[] }) {
  const { t } = useTranslation("devices");
  if (!bad.length) return null;
  return (
    <DataTable
      caption={t("import.badCaption", { count: bad.length })}
      emptyText=""
      rowKey={(_row, index) => `${bad[index]!.line}`}
      columns={[
        { key: "line", header: t("import.columns.line"), isRowHeader: true },
        { key: "tag", header: t("import.columns.tag") },
        { key: "problem", header: t("import.columns.problem") },
      ]}
      rows={bad.map((row) => ({
        line: row.line,
        tag: row.assetTag ? <span dir="ltr">{row.assetTag}</span> : "–",
        problem: (
          <ul className="import-problems">
            {row.problems.map((p, index) => (
              <li key={index}>{t(`import.problem.${p.key}`, { value: p.value ?? "" })}</li>
            ))}
          </ul>
        ),
      }))}
    />
  );
}
