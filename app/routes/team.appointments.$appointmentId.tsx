// One appointment: the reference in large type right after booking (to read out), the facts, what happened,
// another time for the caller, and cancelling. Every view is audit-logged.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AppointmentFacts, CancelForm, MoveForm, OutcomeForm } from "~/ui/DeskAppointment";
import { PageHeading } from "~/ui/kit/Layout";
import { BackLink } from "~/ui/kit/Link";
import { ReferenceCode } from "~/ui/kit/ReferenceCode";
import { appointmentAction, appointmentPage } from "~/web/desk-pages.server";
import { respondTo } from "~/web/errors.server";
import type { RouteHandle } from "~/web/handle";
import { requireStaff } from "~/web/session.server";

export const handle: RouteHandle = { titleKey: "desk:appointment.title", hydrate: true };

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { ctx } = await requireStaff(request, context, "schedule:view");
  return respondTo(() => appointmentPage(ctx, params.appointmentId!));
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { ctx } = await requireStaff(request, context, "appointment:manage");
  return respondTo(() => appointmentAction(ctx, params.appointmentId!, request));
}

export default function Appointment() {
  const { t } = useTranslation("desk");
  const { appointment, started, openTickets, categories, move } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const [params] = useSearchParams();
  const cancelError = answer?.intent === "cancel" && !answer.saved ? (answer.result?.error?.[""]?.[0] ?? null) : null;
  return (
    <>
      <BackLink to={`/team/appointments?location=${appointment.location.id}&day=${appointment.startsAt.slice(0, 10)}`}>{t("appointment.back")}</BackLink>
      {params.has("booked") ? (
        <ReferenceCode heading={t("appointment.booked")} label={t("appointment.readOut")} code={appointment.reference} spelledLabel={t("appointment.spelled")} />
      ) : (
        <PageHeading caption={appointment.location.name}>{t("appointment.heading", { name: appointment.person.name })}</PageHeading>
      )}
      {answer?.intent === "cancel" && answer.saved ? <p role="status">{t("appointment.cancelled")}</p> : null}
      <AppointmentFacts appointment={appointment} />
      {appointment.status !== "cancelled" && (started || answer?.intent === "outcome") ? (
        <OutcomeForm
          appointment={appointment}
          categories={categories}
          openTickets={openTickets}
          lastResult={answer?.intent === "outcome" ? answer.result : null}
          saved={answer?.intent === "outcome" && answer.saved}
        />
      ) : appointment.status !== "cancelled" ? (
        <p>{t("appointment.outcomeLater")}</p>
      ) : null}
      {move ? <MoveForm move={move} timeZone={appointment.location.timeZone} lastResult={answer?.intent === "move" ? answer.result : null} /> : null}
      {appointment.status === "booked" ? <CancelForm error={cancelError} /> : null}
    </>
  );
}
