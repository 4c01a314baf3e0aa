// The answer of the status page: what the request is, where it stands, what comes next (the planned call, the
// appointment and how to cancel it, the place on the tablet waiting list) and our last message to the person.
import { useTranslation } from "react-i18next";
import { ltrRuns } from "~/ui/kit/Bidi";
import { DateTime } from "~/ui/kit/DateTime";
import { Link } from "~/ui/kit/Link";

type MessagePart = { text: string } | { guide: string; address: string };

/** What the page model (web/status-page.server.ts) hands over; dates as ISO strings. */
export interface RequestStatusData {
  kind: "ticket" | "callback" | "appointment" | "reservation";
  reference: string;
  status: string;
  timeZone: string;
  lastMessage: { parts: MessagePart[]; at: string } | null;
  at: string | null;
  windows: { from: string; to: string }[];
  place: string | null;
  address: string | null;
  position: number | null;
  /** A ticket's callback, under the ticket's reference. */
  callback: { status: string; at: string | null; windows: { from: string; to: string }[] } | null;
}

export function RequestStatusResult({ found }: { found: RequestStatusData }) {
  const { t } = useTranslation("citizen");
  return (
    <section aria-labelledby="result-heading" className="callout">
      <h2 id="result-heading">{ltrRuns(t("status.result.heading", { reference: found.reference }))}</h2>
      <dl>
        {found.kind === "ticket" ? null : (
          <>
            <dt>{t("status.result.kind")}</dt>
            <dd>{t(`status.kind.${found.kind}`)}</dd>
          </>
        )}
        <dt>{t("status.result.status")}</dt>
        <dd>
          {found.kind === "ticket" ? (
            <>
              <strong>{t(`helpdesk:status.${found.status}`)}</strong>
              <br />
              {t(`status.explain.${found.status}`, { defaultValue: "" })}
            </>
          ) : (
            <strong>{t(`status.${found.kind}.${found.status}`, { position: found.position, place: found.place })}</strong>
          )}
        </dd>
        {found.kind === "ticket" && found.callback ? (
          <>
            <dt>{t("status.result.ticketCallback")}</dt>
            <dd>{t(`status.callback.${found.callback.status}`)}</dd>
            <CallbackNext call={found.callback} timeZone={found.timeZone} />
          </>
        ) : null}
        <NextStep found={found} />
        <dt>{t("status.result.lastMessage")}</dt>
        <dd>
          {found.lastMessage ? (
            <>
              <DateTime iso={found.lastMessage.at} />
              <br />
              {found.lastMessage.parts.length ? (
                <span dir="auto">
                  {found.lastMessage.parts.map((part, i) =>
                    "guide" in part ? (
                      <Link key={i} to={part.guide} dir="ltr">
                        {part.address}
                      </Link>
                    ) : (
                      <span key={i}>{ltrRuns(part.text)}</span>
                    )
                  )}
                </span>
              ) : (
                t("status.result.messageTextGone")
              )}
            </>
          ) : (
            t("status.result.noMessage")
          )}
        </dd>
      </dl>
      <p>
        <Link to="/status">{t("status.result.checkAnother")}</Link>
      </p>
    </section>
  );
}

/** When we call (planned), or the windows the person gave (not planned yet): for a callback and a ticket's callback. */
function CallbackNext({ call, timeZone }: { call: { status: string; at: string | null; windows: { from: string; to: string }[] }; timeZone: string }) {
  const { t } = useTranslation("citizen");
  if (call.status === "scheduled" && call.at) {
    return (
      <>
        <dt>{t("status.result.callbackAt")}</dt>
        <dd>
          <DateTime iso={call.at} timeZone={timeZone} /> {t("status.result.callbackAtNote")}
        </dd>
      </>
    );
  }
  if (call.status === "unscheduled" && call.windows.length) {
    return (
      <>
        <dt>{t("status.result.windows")}</dt>
        <dd>
          <ul>
            {call.windows.map((w) => (
              <li key={w.from}>
                <DateTime iso={w.from} timeZone={timeZone} /> – <DateTime iso={w.to} timeZone={timeZone} />
              </li>
            ))}
          </ul>
        </dd>
      </>
    );
  }
  return null;
}

/** What comes next for a callback, an appointment or a tablet offer (a ticket's status says it already). */
function NextStep({ found }: { found: RequestStatusData }) {
  const { t } = useTranslation("citizen");
  if (found.kind === "callback") return <CallbackNext call={found} timeZone={found.timeZone} />;
  if (found.kind === "appointment" && found.at) {
    return (
      <>
        <dt>{t("status.result.appointmentAt")}</dt>
        <dd>
          <DateTime iso={found.at} timeZone={found.timeZone} />
        </dd>
        <dt>{t("status.result.place")}</dt>
        <dd>
          {found.place}
          <br />
          {found.address}
        </dd>
        {found.status === "booked" ? (
          <>
            <dt>{t("status.result.cancel")}</dt>
            <dd>
              {t("status.result.cancelHow")}
              <br />
              <Link to="/appointment">{t("status.result.cancelLink")}</Link>
            </dd>
          </>
        ) : null}
      </>
    );
  }
  if (found.kind === "reservation" && found.status === "offered" && found.at) {
    return (
      <>
        <dt>{t("status.result.offerUntil")}</dt>
        <dd>
          <DateTime iso={found.at} timeZone={found.timeZone} />
        </dd>
      </>
    );
  }
  return null;
}
