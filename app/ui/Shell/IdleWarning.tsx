// WCAG 2.2.1: warn before the idle sign-out and offer one simple action to stay signed in.
import { Form, useFetcher } from "@remix-run/react";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Button, Modal } from "~/ui";

export function IdleWarning({ expiresAt, warnBeforeMs }: { expiresAt: string; warnBeforeMs: number }) {
  const { t } = useTranslation("team");
  const fetcher = useFetcher<{ expiresAt: string }>();
  const [deadline, setDeadline] = useState(() => Date.parse(expiresAt));
  const [now, setNow] = useState(() => Date.now());

  // Any page load or "stay signed in" moves the deadline.
  useEffect(() => setDeadline(Date.parse(expiresAt)), [expiresAt]);
  useEffect(() => {
    if (fetcher.data?.expiresAt) setDeadline(Date.parse(fetcher.data.expiresAt));
  }, [fetcher.data]);

  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(timer);
  }, []);

  const remainingMs = deadline - now;
  useEffect(() => {
    if (remainingMs <= 0) window.location.assign("/team/sign-in?expired=1");
  }, [remainingMs]);

  const open = remainingMs > 0 && remainingMs <= warnBeforeMs;
  const minutes = Math.max(1, Math.ceil(remainingMs / 60_000));
  return (
    <Modal
      isOpen={open}
      onOpenChange={(isOpen) => {
        if (!isOpen) fetcher.submit(null, { method: "post", action: "/team/session" });
      }}
      title={t("idle.title")}
      actions={
        <>
          <Button variant="primary" onPress={() => fetcher.submit(null, { method: "post", action: "/team/session" })}>
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
  );
}
