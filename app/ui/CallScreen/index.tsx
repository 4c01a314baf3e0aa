// The simulated phone: what the menu says (text and language), a keypad of real buttons, a "say something" box
// when speech is allowed, a recording box, and "Hang up". Every control is a plain form post: works without JS.
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Button, buttonClassName } from "~/ui/kit/Button";
import { TextField } from "~/ui/kit/TextField";
import "./CallScreen.css";

export interface CallScreenView {
  said: { text: string; lng: string }[];
  gather: { numDigits: number | null; finishOnKey: string | null; speech: boolean } | null;
  record: { maxLength: number } | null;
  ended: boolean;
}

export interface CallScreenProps {
  view: CallScreenView;
  state: { callSid: string; twiml: string; buffer: string };
  languageNames: Record<string, string>;
  /** The person (opaque id or "withheld"), posted back with every press. */
  person: string;
}

const KEYS = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "*", "0", "#"];

function CallState({ state, person }: Pick<CallScreenProps, "state" | "person">) {
  return (
    <>
      <input type="hidden" name="person" value={person} />
      <input type="hidden" name="callSid" value={state.callSid} />
      <input type="hidden" name="twiml" value={state.twiml} />
      <input type="hidden" name="buffer" value={state.buffer} />
    </>
  );
}

export function CallScreen({ view, state, languageNames, person }: CallScreenProps) {
  const { t } = useTranslation("voice");
  return (
    <div className="call-screen">
      <section aria-labelledby="call-said" className="call-screen__said">
        <h2 id="call-said">{t("call.said")}</h2>
        <div aria-live="polite">
          {view.said.map((line, i) => (
            <div key={`${state.twiml.length}-${i}`} className="call-screen__line">
              <p className="call-screen__language">{t("call.language", { language: languageNames[line.lng] ?? line.lng })}</p>
              <p lang={line.lng} dir="auto">
                {line.text}
              </p>
            </div>
          ))}
          {view.ended ? <p className="call-screen__ended">{t("call.ended")}</p> : null}
        </div>
      </section>

      {view.gather ? (
        <section aria-labelledby="call-keypad">
          <h2 id="call-keypad">{t("call.keypad")}</h2>
          {state.buffer ? (
            <p role="status">{t("call.typed", { digits: state.buffer })}</p>
          ) : null}
          <Form method="post" className="call-screen__keypad" dir="ltr">
            <CallState state={state} person={person} />
            <input type="hidden" name="intent" value="key" />
            {KEYS.map((key) => (
              <button key={key} type="submit" name="key" value={key} className={buttonClassName("secondary", "call-screen__key")}>
                {key}
              </button>
            ))}
          </Form>
          <Form method="post">
            <CallState state={state} person={person} />
            <input type="hidden" name="intent" value="silence" />
            <Button type="submit" variant="secondary">
              {t("call.silence")}
            </Button>
          </Form>
          {view.gather.speech ? (
            <Form method="post" key={state.twiml}>
              <CallState state={state} person={person} />
              <input type="hidden" name="intent" value="speech" />
              <TextField name="speech" label={t("call.speech")} width="medium" />
              <Button type="submit">{t("call.speak")}</Button>
            </Form>
          ) : null}
        </section>
      ) : null}

      {view.record ? (
        <section aria-labelledby="call-record">
          <h2 id="call-record">{t("call.recording", { seconds: view.record.maxLength })}</h2>
          <Form method="post" key={state.twiml}>
            <CallState state={state} person={person} />
            <input type="hidden" name="intent" value="record" />
            <TextField name="recording" label={t("call.record")} multiline rows={3} />
            <Button type="submit">{t("call.recordSend")}</Button>
          </Form>
        </section>
      ) : null}

      <Form method="post">
        <CallState state={state} person={person} />
        {view.ended ? (
          <>
            <input type="hidden" name="intent" value="start" />
            <Button type="submit">{t("call.again")}</Button>
          </>
        ) : (
          <>
            <input type="hidden" name="intent" value="hangup" />
            <Button type="submit" variant="danger">
              {t("call.hangUp")}
            </Button>
          </>
        )}
      </Form>
    </div>
  );
}
