// Callback hours: the weekly times staff keep free to call people back, per place. Staff set their own;
// coordinators and admins can set them for anyone. Removing ends them (calls already planned keep their time).
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { listLocationsFor } from "~/capabilities/people/locations.server";
import { CALLBACK_SLOT_MINUTES } from "~/capabilities/scheduling/callback-values";
import { addCallbackHour, CallbackHourInput, callbackStaffOptions, listCallbackHours, removeCallbackHour } from "~/capabilities/scheduling/callback-hours.server";
import { AppError } from "~/lib/errors";
import { Button } from "~/ui/kit/Button";
import { ErrorSummary } from "~/ui/kit/ErrorSummary";
import { PageHeading } from "~/ui/kit/Layout";
import { BackLink } from "~/ui/kit/Link";
import { RadioGroup } from "~/ui/kit/RadioGroup";
import { Select } from "~/ui/kit/Select";
import { DataTable } from "~/ui/kit/Table";
import { TextField } from "~/ui/kit/TextField";
import { fieldProps, formErrors, formProps, useAppForm } from "~/ui/kit/forms";
import { errorResponse, respondTo } from "~/web/errors.server";
import { noticeCookie, takeNotice } from "~/web/flash.server";
import { parseForm, formIntent } from "~/web/forms.server";
import type { RouteHandle } from "~/web/handle";
import { requireStaff } from "~/web/session.server";
import { attempt, refusalReply } from "~/web/refusals.server";

export const handle: RouteHandle = { titleKey: "callbacks:hours.title", hydrate: true };

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { ctx } = await requireStaff(request, context, "callback:manage");
  const { notice, headers } = await takeNotice(request, context);
  const [hours, staff, locations] = await Promise.all([listCallbackHours(ctx), callbackStaffOptions(ctx), listLocationsFor(ctx)]);
  return data(
    {
      hours: hours.map((h) => ({ id: h.id, staff: h.staff.name, location: h.location.name, weekday: h.weekday, startTime: h.startTime, endTime: h.endTime, slotMinutes: h.slotMinutes })),
      staff,
      me: ctx.actor.staffId,
      locations: locations.map(({ id, name }) => ({ id, name })),
      notice,
    },
    { headers },
  );
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { ctx } = await requireStaff(request, context, "callback:manage");
  const intent = await formIntent(request);
  if (intent === "remove") {
    const { submission } = await parseForm(request, z.object({ hourId: z.string().min(1) }));
    if (submission.status !== "success") throw errorResponse(new AppError(400, "errors.page.400.body"));
    await respondTo(() => removeCallbackHour(ctx, submission.value.hourId));
    return redirect("/team/callbacks/hours", { headers: { "Set-Cookie": await noticeCookie(context, "callbacks:hours.removed") } });
  }
  const { submission } = await parseForm(request, CallbackHourInput);
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const outcome = await attempt(() => addCallbackHour(ctx, submission.value));
  if (!outcome.ok) return data({ result: refusalReply(submission, outcome.refusal) }, { status: outcome.refusal.status });
  return redirect("/team/callbacks/hours", { headers: { "Set-Cookie": await noticeCookie(context, "callbacks:hours.added") } });
}

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7];

export default function CallbackHours() {
  const { t } = useTranslation("callbacks");
  const { hours, staff, me, locations, notice } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const [form, fields] = useAppForm<Record<"staffId" | "locationId" | "weekday" | "startTime" | "endTime" | "slotMinutes", string>>({
    id: "callback-hour",
    lastResult: answer?.result,
    defaultValue: { staffId: me, locationId: locations[0]?.id ?? "", weekday: "1", slotMinutes: "15" },
  });
  return (
    <>
      <BackLink to="/team/callbacks">{t("hours.back")}</BackLink>
      <PageHeading>{t("hours.heading")}</PageHeading>
      {notice ? (
        <p role="status" className="notice">
          {t(notice.messageKey, notice.params)}
        </p>
      ) : null}
      <p>{t("hours.intro")}</p>
      <DataTable
        caption={t("hours.caption")}
        emptyText={t("hours.empty")}
        rowKey={(_, i) => hours[i].id}
        columns={[
          { key: "weekday", header: t("hours.weekday"), isRowHeader: true },
          { key: "time", header: t("hours.time") },
          { key: "slot", header: t("hours.slotMinutes") },
          { key: "location", header: t("hours.location") },
          { key: "staff", header: t("hours.staff") },
          { key: "remove", header: t("hours.remove") },
        ]}
        rows={hours.map((h) => ({
          weekday: t(`weekday.${h.weekday}`),
          time: <span dir="ltr">{`${h.startTime}–${h.endTime}`}</span>,
          slot: t("hours.minutes", { count: h.slotMinutes }),
          location: h.location,
          staff: h.staff,
          remove: (
            <Form method="post">
              <input type="hidden" name="intent" value="remove" />
              <input type="hidden" name="hourId" value={h.id} />
              <Button type="submit" variant="secondary" aria-label={t("hours.removeLabel", { weekday: t(`weekday.${h.weekday}`), time: `${h.startTime}–${h.endTime}` })}>
                {t("hours.remove")}
              </Button>
            </Form>
          ),
        }))}
      />
      <h2>{t("hours.add")}</h2>
      <ErrorSummary errors={formErrors(form)} />
      <Form method="post" {...formProps(form)}>
        <input type="hidden" name="intent" value="add" />
        {staff.length > 1 ? <Select {...fieldProps(fields.staffId)} label={t("hours.staff")} options={staff.map((s) => ({ value: s.id, label: s.name }))} /> : null}
        <Select {...fieldProps(fields.locationId)} label={t("hours.location")} options={locations.map((l) => ({ value: l.id, label: l.name }))} />
        <Select {...fieldProps(fields.weekday)} label={t("hours.weekday")} options={WEEKDAYS.map((d) => ({ value: String(d), label: t(`weekday.${d}`) }))} />
        <TextField {...fieldProps(fields.startTime)} label={t("hours.from")} description={t("hours.timeHint")} type="time" width="short" />
        <TextField {...fieldProps(fields.endTime)} label={t("hours.to")} description={t("hours.timeHint")} type="time" width="short" />
        <RadioGroup
          {...fieldProps(fields.slotMinutes)}
          label={t("hours.slotMinutes")}
          inline
          options={CALLBACK_SLOT_MINUTES.map((m) => ({ value: String(m), label: t("hours.minutes", { count: m }) }))}
        />
        <Button type="submit">{t("hours.submit")}</Button>
      </Form>
    </>
  );
}
