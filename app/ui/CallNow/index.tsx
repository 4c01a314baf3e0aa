// "Call now": rings the staff member's own phone, then connects them to the citizen with the programme number as
// caller ID. Shows how the call is going in a polite live region and refreshes it every few seconds while a call is
// active (without JavaScript: a "Refresh status" link). With the built-in outbox provider, buttons simulate what
// the phones do — through the same status update Twilio's callbacks use — for testing and training.
import { useEffect } from "react";
import { Form, useLocation, useRevalidator } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Button } from "~/ui/kit/Button";
import { Link } from "~/ui/kit/Link";
import "./CallNow.css";

export interface CallNowProps {
  subject: { callbackId: string } | { ticketId: string };
  hasPhone: boolean;
  busyElsewhere: boolean;
  notice: string | null;
  call: {
    id: string;
    state: string;
    active: boolean;
    endedAt: string | null;
    minutes: number | null;
    simulations: string[];
  } | null;
  /** Shown under the status once the call is over, e.g. "record the outcome below". */
  after?: string | null;
}

/** How often a hydrated page asks again while a call is ringing or going on. */
const REFRESH_MS = 3000;

export function CallNow({ subject, hasPhone, busyElsewhere, notice, call, after }: CallNowProps) {
  const { t } = useTranslation("calls");
  const { pathname } = useLocation();
  const revalidator = useRevalidator();
  const active = Boolean(call?.active);

  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => {
      if (revalidator.state === "idle") revalidator.revalidate();
    }, REFRESH_MS);
    return () => clearInterval(timer);
  }, [active, revalidator]);

  const status = call ? (call.state === "completed" ? t("state.completed", { minutes: call.minutes ?? 1 }) : t(`state.${call.state}`)) : "";
  const subjectField = "callbackId" in subject ? { name: "callbackId", value: subject.callbackId } : { name: "ticketId", value: subject.ticketId };

  return (
    <section className="call-now" aria-labelledby="call-now-heading">
      <h2 id="call-now-heading">{t("panel.heading")}</h2>
      <p>{t("panel.intro")}</p>
      {notice?.startsWith("calls:errors.") ? (
        <p role="alert" className="call-now__error">
          {t(notice.slice("calls:".length))}
        </p>
      ) : null}
      <div role="status" aria-live="polite" className="call-now__status">
        {status ? <p className={`call-now__state call-now__state--${call?.state}`}>{status}</p> : null}
        {status && after ? <p>{after}</p> : null}
      </div>
      {!hasPhone ? (
        <p className="call-now__hint">{t("panel.noPhone")}</p>
      ) : active && call ? (
        <>
          {call.simulations.length ? (
            <div className="call-now__simulate">
              <h3>{t("simulate.heading")}</h3>
              <p>{t("simulate.intro")}</p>
              <div className="call-now__buttons">
                {call.simulations.map((event) => (
                  <Form method="post" action="/team/calls" key={event}>
                    <input type="hidden" name="intent" value="simulate" />
                    <input type="hidden" name="callId" value={call.id} />
                    <input type="hidden" name="event" value={event} />
                    <Button type="submit" variant="secondary">
                      {t(`simulate.${event}`)}
                    </Button>
                  </Form>
                ))}
              </div>
            </div>
          ) : null}
          <p>
            <Link to={pathname} reloadDocument>
              {t("panel.refresh")}
            </Link>
          </p>
        </>
      ) : busyElsewhere ? (
        <p className="call-now__hint">{t("panel.busyElsewhere")}</p>
      ) : (
        <Form method="post" action="/team/calls" className="call-now__start">
          <input type="hidden" name="intent" value="start" />
          <input type="hidden" name={subjectField.name} value={subjectField.value} />
          <Button type="submit">{t("panel.start")}</Button>
        </Form>
      )}
    </section>
  );
}
