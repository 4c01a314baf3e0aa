// Importing devices from a CSV file: choose the place and the file, "Check file" shows a per-row report, then
// "Import N devices" writes all good rows at once. The file stays on the server between the steps (see
// app/web/device-pages.server.ts: keepUpload), under an opaque token in the URL.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { MAX_IMPORT_BYTES } from "~/capabilities/lending/device-import.server";
import { Button } from "~/ui/kit/Button";
import { ImportProblems, ImportUpload } from "~/ui/DeviceImport";
import { ErrorSummary } from "~/ui/kit/ErrorSummary";
import { PageHeading } from "~/ui/kit/Layout";
import { BackLink, Link } from "~/ui/kit/Link";
import { importState, importUpload, manageableLocations, receiveUpload } from "~/web/device-pages.server";
import { respondTo } from "~/web/errors.server";
import type { RouteHandle } from "~/web/handle";
import { requireStaff } from "~/web/session.server";
import { readForm } from "~/web/forms.server";

export const handle: RouteHandle = { titleKey: "devices:import.title", hydrate: true };

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { ctx } = await requireStaff(request, context, "device:manage");
  const [state, locations] = await respondTo(() => Promise.all([importState(ctx, new URL(request.url)), manageableLocations(ctx)]));
  return { state, locations, maxMegabytes: MAX_IMPORT_BYTES / 1024 / 1024 };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { ctx } = await requireStaff(request, context, "device:manage");
  if ((request.headers.get("Content-Type") ?? "").startsWith("multipart/form-data")) return receiveUpload(ctx, request);
  const token = String((await readForm(request)).get("file") ?? "");
  const outcome = await importUpload(ctx, token);
  if (!outcome.ok) return data({ confirmError: outcome.messageKey, result: null }, { status: 409 });
  return redirect(`/team/devices/import?file=${encodeURIComponent(token)}`);
}

export default function ImportDevices() {
  const { t } = useTranslation("devices");
  const { state, locations, maxMegabytes } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  // A new key per answer: the form starts again from what the server says (a refused file, a 400).
  const upload = (refused?: { messageKey: string; locationId: string; token: string }) => (
    <ImportUpload
      key={refused?.token ?? "new"}
      locations={locations}
      maxMegabytes={maxMegabytes}
      defaultLocationId={refused?.locationId}
      lastResult={
        answer && "result" in answer && answer.result
          ? answer.result
          : refused
            ? { status: "error", error: { file: [refused.messageKey] } }
            : null
      }
    />
  );
  return (
    <>
      <BackLink to="/team/devices">{t("device.back")}</BackLink>
      <PageHeading>{t("import.heading")}</PageHeading>
      {state.step === "choose" || state.step === "expired" || state.step === "refused" ? (
        <>
          {state.step === "expired" ? <p className="notice" role="status">{t("import.expired")}</p> : null}
          <p>{t("import.intro")}</p>
          <p>{t("import.columnsHelp")}</p>
          {upload(state.step === "refused" ? { messageKey: state.messageKey, locationId: state.locationId, token: state.token } : undefined)}
        </>
      ) : state.step === "check" ? (
        <>
          <ErrorSummary errors={answer && "confirmError" in answer && answer.confirmError ? [{ message: answer.confirmError }] : []} />
          <h2>{t("import.checkHeading", { file: state.fileName, location: state.location })}</h2>
          <p className="import-summary" role="status">
            {t("import.willImport", { count: state.report.willImport })} {t("import.badRows", { count: state.report.bad.length })}
          </p>
          <ImportProblems bad={state.report.bad} />
          {state.report.willImport > 0 ? (
            <Form method="post">
              <input type="hidden" name="file" value={state.token} />
              <Button type="submit">{t("import.confirm", { count: state.report.willImport })}</Button>
            </Form>
          ) : null}
          <p>
            <Link to="/team/devices/import">{t("import.another")}</Link>
          </p>
        </>
      ) : (
        <>
          <h2>{t("import.doneHeading")}</h2>
          <p className="import-summary" role="status">
            {t("import.imported", { count: "imported" in state.report ? state.report.imported : 0, location: state.location })}{" "}
            {t("import.badRows", { count: state.report.bad.length })}
          </p>
          <ImportProblems bad={state.report.bad} />
          <p>
            <Link to="/team/devices">{t("import.toList")}</Link> · <Link to="/team/devices/import">{t("import.another")}</Link>
          </p>
        </>
      )}
    </>
  );
}
