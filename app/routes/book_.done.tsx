// Citizen: the booking is done — the reference in large type, date, time and place, how it was also sent, the
// calendar file, and how to cancel or change. Read from a signed cookie; without it there is nothing to show.
import type { HeadersFunction, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { bookingConfirmation } from "~/capabilities/scheduling/my-appointment.server";
import { detectLanguage } from "~/i18n/detect.server";
import { useRootData } from "~/ui/root-data";
import { SummaryList } from "~/ui/kit/SummaryList";
import { Link } from "~/ui/kit/Link";
import { PrintHint } from "~/ui/kit/PrintHint";
import { ReferenceCode } from "~/ui/kit/ReferenceCode";
import { CitizenShell } from "~/ui/Shell/CitizenShell";
import { PhoneNumber } from "~/ui/Shell/PhoneNumber";
import { calendarToken, dayLabel, readBooked, timeLabel } from "~/web/booking.server";
import type { RouteHandle } from "~/web/handle";

export const handle: RouteHandle = { titleKey: "booking:done.title" };
export const headers: HeadersFunction = () => ({ "Cache-Control": "no-store" });

export async function loader({ request, context }: LoaderFunctionArgs) {
  const booked = await readBooked(request, context);
  if (!booked) throw redirect("/book");
  const appointment = await bookingConfirmation(context.services, booked.appointmentId);
  if (!appointment) throw redirect("/book");
  const lng = detectLanguage(request);
  const { location } = appointment;
  return {
    reference: booked.reference,
    channel: booked.channel,
    day: dayLabel(appointment.startsAt, lng, location.timeZone),
    time: `${timeLabel(appointment.startsAt, lng, location.timeZone)} – ${timeLabel(
      appointment.endsAt,
      lng,
      location.timeZone
    )}`,
    place: `${location.name}, ${location.street}, ${location.postalCode} ${location.city}`,
    calendarUrl: `/book/calendar/${calendarToken(context.services.config.sessionSecret, booked.appointmentId)}`,
  };
}

export default function BookDone() {
  const { t } = useTranslation("booking");
  const { reference, channel, day, time, place, calendarUrl } = useLoaderData<typeof loader>();
  const root = useRootData();
  return (
    <CitizenShell>
      <ReferenceCode
        heading={t("done.heading")}
        label={t("done.referenceLabel")}
        code={reference}
        spelledLabel={t("done.spelledLabel")}
      />
      <SummaryList
        rows={[
          { key: "day", label: t("done.day"), value: day },
          { key: "time", label: t("done.time"), value: time },
          { key: "place", label: t("done.place"), value: place },
        ]}
      />
      <p>{channel === "voice" ? t("done.sentVoice") : t("done.sentSms")}</p>
      <p className="no-print">
        <a href={calendarUrl} download="digitale-sprechstunde.ics" className="link">
          {t("done.calendar")}
        </a>
      </p>
      <PrintHint>{t("done.print")}</PrintHint>
      <h2>{t("done.changeHeading")}</h2>
      <ul>
        <li>
          {t("done.changeWeb")} <Link to="/appointment">{t("done.changeLink")}</Link>
        </li>
        <li>
          {t("done.changePhone")}
          {root ? <PhoneNumber phone={root.programmePhone} /> : null}
        </li>
      </ul>
      <p>{t("done.bring")}</p>
    </CitizenShell>
  );
}
