// WCAG 2.2.1: warn before the idle sign-out and offer one simple action to stay signed in.
import { Form, useFetcher } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "~/ui/Button";
import { Modal } from "~/ui/Dialog";

/**
 * `remainingMs` comes with every staff page load (`loadedAt` tells loads apart); the deadline is counted on this
 * device's clock, so a skewed clock between server and tablet does not matter.
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
  const fetcher = useFetcher<{ remainingMs: number }>();
  const expiredForm = useRef<HTMLFormElement>(null);
  const [deadline, setDeadline] = useState(() => Date.now() + sessionMs);
  const [now, setNow] = useState(() => Date.now());

  // Any page load or "stay signed in" moves the deadline.
  useEffect(() => setDeadline(Date.now() + sessionMs), [sessionMs, loadedAt]);
  useEffect(() => {
    if (fetcher.data?.remainingMs) setDeadline(Date.now() + fetcher.data.remainingMs);
  }, [fetcher.data]);

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
          if (!isOpen) fetcher.submit(null, { method: "post", action: "/team/session" });
        }}
        title={t("idle.title")}
        role="alertdialog"
        actions={
          <>
            <Button
              variant="primary"
              onPress={() =>
                fetcher.submit(null, {
                  method: "post",
                  action: "/team/session",
                })
              }
            >
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
