// The simulated phone: a person's messages as their phone would show or speak them. SMS are bubbles (ours on one
// side, the citizen's own on the other); a voice message is an incoming-call card with what was spoken. Each bubble
// says who and when for screen readers; new messages (the system's answer to a simulated reply) are announced.
import { useRevalidator } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { DateTime } from "~/ui/kit/DateTime";
import "./PhoneScreen.css";

export interface PhoneMessage {
  id: string;
  direction: "inbound" | "outbound";
  channel: "sms" | "voice";
  body: string;
  status: string;
  at: string;
  /** The language a voice message is spoken in, by its own name. */
  spokenIn: string;
}

export function PhoneScreen({ messages, heading }: { messages: PhoneMessage[]; heading: string }) {
  const { t } = useTranslation("phone");
  const [announcement, setAnnouncement] = useState("");
  const seen = useRef<Set<string> | null>(null);
  useEffect(() => {
    // After the first render, every message not seen before is announced (they arrive by revalidation).
    if (seen.current) {
      const fresh = messages.filter((m) => !seen.current!.has(m.id));
      if (fresh.length) setAnnouncement(t("thread.newMessages", { count: fresh.length }));
    }
    seen.current = new Set(messages.map((m) => m.id));
  }, [messages, t]);

  return (
    <section aria-labelledby="phone-thread-heading" className="phone-screen">
      <h2 id="phone-thread-heading">{heading}</h2>
      <p role="status" className="visually-hidden">
        {announcement}
      </p>
      {messages.length ? (
        <ol className="phone-screen__thread">
          {messages.map((m) => (
            <li key={m.id} className={`phone-bubble phone-bubble--${m.direction} phone-bubble--${m.channel}`}>
              <p className="phone-bubble__who">
                {m.direction === "inbound"
                  ? m.channel === "voice"
                    ? t("thread.fromCitizenVoice")
                    : t("thread.fromCitizen")
                  : m.channel === "voice"
                    ? t("thread.fromProgrammeVoice")
                    : t("thread.fromProgramme")}
                {", "}
                <DateTime iso={m.at} />
              </p>
              {m.channel === "voice" && m.direction === "outbound" ? (
                <p className="phone-bubble__call">
                  <span aria-hidden="true">📞 </span>
                  {t("thread.callCard", { language: m.spokenIn })}
                </p>
              ) : null}
              <p className="phone-bubble__body">{m.body}</p>
              <p className="phone-bubble__status">
                {t("thread.status")}: {t(`common:messageStatus.${m.status}`, { defaultValue: m.status })}
              </p>
            </li>
          ))}
        </ol>
      ) : (
        <p>{t("thread.empty")}</p>
      )}
    </section>
  );
}

/** While the worker has messages of this phone about to deliver, look again every few seconds (JS only, ~1 minute at most). */
export function useRefreshWhileWaiting(waiting: boolean) {
  const revalidator = useRevalidator();
  const latest = useRef(revalidator);
  latest.current = revalidator;
  const polls = useRef(0);
  useEffect(() => {
    if (!waiting) return;
    polls.current = 0;
    const timer = setInterval(() => {
      if (polls.current++ >= 15) return clearInterval(timer);
      if (latest.current.state === "idle") latest.current.revalidate();
    }, 4000);
    return () => clearInterval(timer);
  }, [waiting]);
}
