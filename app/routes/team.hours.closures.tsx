// Staff: closures and holidays of a place (from–to, reason): no consultation hours are offered on those days.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { addClosure, ClosureInput, removeClosure } from "~/capabilities/scheduling/hours.server";
import { notFound } from "~/lib/errors";
import { Button } from "~/ui/kit/Button";
import { NativeDateInput } from "~/ui/kit/DateField";
import { ErrorSummary } from "~/ui/kit/ErrorSummary";
import { PageHeading } from "~/ui/kit/Layout";
import { BackLink } from "~/ui/kit/Link";
import { DataTable } from "~/ui/kit/Table";
import { TextField } from "~/ui/kit/TextField";
import { fieldProps, formErrors, formProps, useAppForm } from "~/ui/kit/forms";
import { errorResponse, respondTo } from "~/web/errors.server";
import { noticeCookie, takeNotice } from "~/web/flash.server";
import { invalid, parseForm, readForm } from "~/web/forms.server";
import type { RouteHandle } from "~/web/handle";
import { hoursPage } from "~/web/hours-pages.server";
import { requireStaff } from "~/web/session.server";

export const handle: RouteHandle = { titleKey: "hours:closures.title", hydrate: true };

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { ctx } = await requireStaff(request, context, "schedule:manage");
  const { location, closures } = await hoursPage(ctx, new URL(request.url));
  if (!location) throw errorResponse(notFound("location"));
  const { notice, headers } = await takeNotice(request, context);
  return data({ location, closures, notice }, { headers });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { ctx } = await requireStaff(request, context, "schedule:manage");
  const formData = await readForm(request.clone());
  if (formData.get("intent") === "remove") {
    const closure = await respondTo(() => removeClosure(ctx, String(formData.get("closureId") ?? "")));
    return redirect(`/team/hours/closures?location=${closure.locationId}`, {
      headers: { "Set-Cookie": await noticeCookie(context, "hours:closureRemoved") },
    });
  }
  const { submission } = await parseForm(request, ClosureInput);
  if (submission.status !== "success") return invalid(submission);
  await respondTo(() => addClosure(ctx, submission.value));
  return redirect(`/team/hours/closures?location=${submission.value.locationId}`, {
    headers: { "Set-Cookie": await noticeCookie(context, "hours:closureAdded") },
  });
}

export default function Closures() {
  const { t } = useTranslation("hours");
  const { location, closures, notice } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useAppForm({ id: "closure", lastResult: actionData?.result });
  return (
    <>
      <BackLink to={`/team/hours?location=${location.id}`}>{t("back")}</BackLink>
      <PageHeading caption={location.name}>{t("closures.heading")}</PageHeading>
      {notice ? (
        <p className="notice" role="status">
          {t(notice.messageKey, notice.params)}
        </p>
      ) : null}
      <p>{t("closures.intro")}</p>
      <DataTable
        caption={t("list.closures")}
        columns={[
          { key: "dates", header: t("closures.dates"), isRowHeader: true },
          { key: "reason", header: t("closures.reason") },
          { key: "remove", header: t("closures.actions") },
        ]}
        rows={closures.map((c) => ({
          dates: c.startsOn === c.endsOn ? c.startsOn : `${c.startsOn} – ${c.endsOn}`,
          reason: c.reason ?? "",
          remove: (
            <Form method="post">
              <input type="hidden" name="closureId" value={c.id} />
              <Button
                type="submit"
                name="intent"
                value="remove"
                aria-label={t("closures.removeNamed", { dates: c.startsOn })}
              >
                {t("closures.remove")}
              </Button>
            </Form>
          ),
        }))}
        emptyText={t("list.noClosures")}
        rowKey={(_, i) => closures[i].id}
      />
      <h2>{t("closures.addHeading")}</h2>
      <ErrorSummary errors={formErrors(form)} />
      <Form method="post" {...formProps(form)}>
        <input type="hidden" name="locationId" value={location.id} />
        <NativeDateInput {...fieldProps(fields.startsOn)} label={t("closures.startsOn")} />
        <NativeDateInput
          {...fieldProps(fields.endsOn)}
          label={t("closures.endsOn")}
          description={t("closures.endsOnHint")}
          optional
        />
        <TextField
          {...fieldProps(fields.reason)}
          label={t("closures.reason")}
          description={t("closures.reasonHint")}
          optional
          width="long"
        />
        <Button type="submit" variant="primary" name="intent" value="add">
          {t("closures.add")}
        </Button>
      </Form>
    </>
  );
}
