// WCAG 2.2.1: warn before the idle sign-out and offer one simple action to stay signed in.
import { Form } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "~/ui/kit/Button";
import { Modal } from "~/ui/kit/Dialog";

/**
 * `remainingMs` comes with every staff page load (`loadedAt` tells loads apart); the deadline is counted on this
 * device's clock, so a skewed clock between server and tablet does not matter.
 *
 * "Stay signed in" is a plain request, not a Remix form: it only slides the session, so the page's data is not
 * reloaded with it (a few bytes on poor Wi-Fi instead of the whole page's data), and the new deadline counts from
 * when the request was sent — never later than the server's.
 */
export function IdleWarning({
  remainingMs: sessionMs,
  loadedAt,
  warnBeforeMs,
}: {
  remainingMs: number;
  loadedAt: string;
  warnBeforeMs: number;
}) {
  const { t } = useTranslation("team");
  const expiredForm = useRef<HTMLFormElement>(null);
  const [deadline, setDeadline] = useState(() => Date.now() + sessionMs);
  const [now, setNow] = useState(() => Date.now());

  // Any page load moves the deadline.
  useEffect(() => setDeadline(Date.now() + sessionMs), [sessionMs, loadedAt]);

  async function staySignedIn() {
    const sentAt = Date.now();
    try {
      const response = await fetch("/team/session", { method: "POST", headers: { Accept: "application/json" } });
      // Already signed out on the server (answered with the sign-in page): sign out here as well, right away.
      if (response.redirected) return setDeadline(0);
      // A server error is no reason to end the session: the dialog stays open for another try.
      if (!response.ok) return;
      const { remainingMs } = (await response.json()) as { remainingMs: number };
      setDeadline(sentAt + remainingMs);
    } catch {
      // No connection: likewise.
    }
  }

  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(timer);
  }, []);

  const remainingMs = deadline - now;
  const expired = remainingMs <= 0;
  useEffect(() => {
    // Sign out here too, with a full page load: nothing of the staff pages stays in this tab's memory, and the
    // service worker drops the pages it kept for offline use (also when the sign-out cannot reach the server).
    if (!expired) return;
    navigator.serviceWorker?.controller?.postMessage({ type: "SIGN_OUT" });
    expiredForm.current?.submit();
  }, [expired]);

  const open = remainingMs > 0 && remainingMs <= warnBeforeMs;
  const minutes = Math.max(1, Math.ceil(remainingMs / 60_000));
  return (
    <>
      <form ref={expiredForm} method="post" action="/team/sign-out?reason=expired" hidden />
      <Modal
        isOpen={open}
        onOpenChange={(isOpen) => {
          if (!isOpen) void staySignedIn();
        }}
        title={t("idle.title")}
        role="alertdialog"
        actions={
          <>
            <Button variant="primary" onPress={() => void staySignedIn()}>
              {t("idle.stay")}
            </Button>
            <Form method="post" action="/team/sign-out">
              <Button type="submit" variant="secondary">
                {t("signOut")}
              </Button>
            </Form>
          </>
        }
      >
        <p>{t("idle.body", { count: minutes })}</p>
      </Modal>
    </>
  );
}
