// Staff pages without a connection (docs/decisions/015-offline-pwa.md): the "offline, last synced" banner, how many
// entries wait on this device, entries refused when they were sent, and the "new version — reload" prompt.
// Talks to the service worker (app/service-worker/) by messages; workbox-window for the update.
import { useCallback, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Workbox } from "workbox-window";
import { Button } from "~/ui/kit/Button";
import { DateTime } from "~/ui/kit/DateTime";
import { useErrorText } from "~/ui/kit/Field";
import type { OfflineWorkerStatus as WorkerStatus } from "~/lib/offline-status";
import "./OfflineStatus.css";

/** Asks the service worker controlling this page; null without one (first visit, no support). */
function ask(type: string, extra: Record<string, unknown> = {}): Promise<WorkerStatus | null> {
  const worker = typeof navigator !== "undefined" ? navigator.serviceWorker?.controller : null;
  if (!worker) return Promise.resolve(null);
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    const timer = setTimeout(() => resolve(null), 30_000);
    channel.port1.onmessage = (event) => {
      clearTimeout(timer);
      resolve((event.data as WorkerStatus | null) ?? null);
    };
    worker.postMessage({ type, ...extra }, [channel.port2]);
  });
}

/** Why an entry was refused; a worker of the version before says it as text. */
const reasonsOf = (c: WorkerStatus["conflicts"][number]) => c.reasons ?? (c.reason ? [c.reason] : []);

const servedFromDevice = () => document.documentElement.hasAttribute("data-offline");

/** The latest counts of waiting entries, for the sign-out below. */
let waitingNow = 0;
let othersNow = 0;

/**
 * Signs out with a plain form submission. With someone else's entries waiting, the response must not clear this
 * device's storage (it would lose them): `?keep=queue`; this person's pages are dropped by the worker anyway.
 */
async function signOut(form: HTMLFormElement) {
  await ask("SIGN_OUT");
  if (othersNow > 0) {
    const url = new URL(form.action, location.href);
    url.searchParams.set("keep", "queue");
    form.action = url.pathname + url.search;
  }
  form.submit();
}

/**
 * Without a connection, links and forms work as plain page loads, so the service worker can answer them from this
 * device (a kept page, or the form queued for later) instead of React Router's fetches failing.
 */
function usePlainNavigationWhileOffline(signOutBlocked: () => void) {
  useEffect(() => {
    const offline = () => !navigator.onLine || servedFromDevice();
    const onClick = (event: MouseEvent) => {
      if (!offline() || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
      const link = (event.target as Element | null)?.closest?.("a[href]") as HTMLAnchorElement | null;
      if (!link || link.target || link.hasAttribute("download") || link.origin !== location.origin) return;
      if (link.pathname === location.pathname && link.hash) return;
      event.stopPropagation();
    };
    const onSubmit = (event: SubmitEvent) => {
      const form = event.target as HTMLFormElement;
      if (new URL(form.action, location.href).pathname === "/team/sign-out") {
        if (waitingNow > 0 && navigator.onLine) {
          // Signing out clears this device's storage: send what waits first (as this person), then sign out.
          event.preventDefault();
          event.stopPropagation();
          void ask("REPLAY").then(async (after) => {
            if (after && after.waiting > 0) return signOutBlocked();
            await signOut(form);
          });
          return;
        }
        // The worker drops the kept pages first, then a plain page load signs out (its answer clears the rest).
        event.preventDefault();
        event.stopPropagation();
        void signOut(form);
        return;
      }
      if (!offline()) return;
      event.stopPropagation();
    };
    window.addEventListener("click", onClick, true);
    window.addEventListener("submit", onSubmit, true);
    return () => {
      window.removeEventListener("click", onClick, true);
      window.removeEventListener("submit", onSubmit, true);
    };
  }, [signOutBlocked]);
}

export function OfflineStatus({ renderedAt, timeZone }: { renderedAt: string; timeZone?: string }) {
  const { t } = useTranslation("offline");
  const errorText = useErrorText();
  const [offline, setOffline] = useState(false);
  const [status, setStatus] = useState<WorkerStatus | null>(null);
  const [sentShown, setSentShown] = useState(0);
  /** Only the volunteer's own "Reload" reloads the page (never a surprise in the middle of a form or sign-out). */
  const reloadAccepted = useRef(false);
  const [update, setUpdate] = useState<Workbox | null>(null);
  const [signOutBlocked, setSignOutBlocked] = useState(false);
  const blockSignOut = useCallback(() => setSignOutBlocked(true), []);

  usePlainNavigationWhileOffline(blockSignOut);

  useEffect(() => {
    setOffline(!navigator.onLine || servedFromDevice());
    const sw = navigator.serviceWorker;
    if (!sw) return;
    const apply = (next: WorkerStatus | null) => {
      if (!next) return;
      if (next.sent > 0) {
        // Say it once: this page shows it, the worker forgets it.
        setSentShown(next.sent);
        void ask("SEEN");
      }
      waitingNow = next.waiting;
      othersNow = next.othersWaiting ?? 0;
      setStatus(next);
    };
    const onMessage = (event: MessageEvent) => {
      const data = event.data as { type?: string; status?: WorkerStatus } | null;
      if (data?.type === "OFFLINE_STATUS") apply(data.status ?? null);
    };
    const refresh = () => void ask(navigator.onLine ? "REPLAY" : "STATUS").then(apply);
    const wentOnline = () => {
      setOffline(false);
      document.documentElement.removeAttribute("data-offline");
      void ask("REPLAY", { restart: true }).then(apply);
    };
    const wentOffline = () => setOffline(true);
    sw.addEventListener("message", onMessage);
    sw.addEventListener("controllerchange", refresh);
    window.addEventListener("online", wentOnline);
    window.addEventListener("offline", wentOffline);
    void ask("STATUS")
      .then(apply)
      .then(refresh)
      // Keep the overview pages (today, devices, loans) on this device, even those not opened yet.
      .then(() => (navigator.onLine && !servedFromDevice() ? ask("WARM") : null));

    // Updates: a new worker waits until the volunteer chooses to reload (a form may be half filled in).
    // Loaded in the browser only (the package has no server build Node can import).
    void import("workbox-window")
      .then(({ Workbox }) => {
        const wb = new Workbox("/sw.js", { scope: "/" });
        wb.addEventListener("waiting", () => setUpdate(wb));
        wb.addEventListener("controlling", (event) => {
          if (event.isUpdate && reloadAccepted.current) window.location.reload();
        });
        return wb.register();
      })
      .catch(() => undefined);

    // A page kept on this device carries the idempotency key of the day it was saved: every use needs its own.
    if (servedFromDevice()) {
      for (const input of document.querySelectorAll<HTMLInputElement>('input[name="idempotencyKey"]')) input.value = crypto.randomUUID();
    }

    return () => {
      sw.removeEventListener("message", onMessage);
      sw.removeEventListener("controllerchange", refresh);
      window.removeEventListener("online", wentOnline);
      window.removeEventListener("offline", wentOffline);
    };
  }, []);

  const waiting = status?.waiting ?? 0;
  const conflicts = status?.conflicts ?? [];
  const dismiss = (id: number) => void ask("DISMISS", { id }).then((next) => next && setStatus(next));

  return (
    <div className="offline-status no-print">
      <div className="offline-banner" data-offline-banner hidden={!offline}>
        <p>
          <strong>{t("staff.offline")}</strong> {t("staff.lastSynced")} <DateTime iso={renderedAt} timeZone={timeZone} />
        </p>
        <p>{t("staff.offlineHint")}</p>
      </div>

      <div aria-live="polite" className="offline-status__live">
        {waiting > 0 ? (
          <p className="offline-status__waiting" data-waiting={waiting}>
            {t("staff.waiting", { count: waiting })}{" "}
            {!offline ? (
              <Button variant="secondary" onPress={() => void ask("REPLAY").then((next) => next && setStatus(next))}>
                {t("staff.sendNow")}
              </Button>
            ) : null}
          </p>
        ) : sentShown > 0 ? (
          <p className="offline-status__sent">{t("staff.allSent")}</p>
        ) : null}
        {status?.signInNeeded && waiting > 0 ? <p>{t("staff.signInNeeded")}</p> : null}
        {(status?.othersWaiting ?? 0) > 0 ? <p>{t("staff.othersWaiting", { count: status?.othersWaiting ?? 0 })}</p> : null}
        {signOutBlocked && waiting > 0 ? <p>{t("staff.signOutWaiting", { count: waiting })}</p> : null}
        {update ? (
          <p className="offline-status__update">
            {t("staff.update.available")}{" "}
            <Button
              variant="secondary"
              onPress={() => {
                reloadAccepted.current = true;
                update.messageSkipWaiting();
              }}
            >
              {t("staff.update.reload")}
            </Button>
          </p>
        ) : null}
      </div>

      {conflicts.length > 0 ? (
        <section className="offline-conflicts" aria-labelledby="offline-conflicts-heading">
          <h2 id="offline-conflicts-heading">{t("staff.conflicts.heading")}</h2>
          <p>{t("staff.conflicts.intro")}</p>
          <ul>
            {conflicts.map((c) => (
              <li key={c.id} className="offline-conflicts__item">
                <h3>{t(`staff.conflicts.kind.${c.kind}`, { defaultValue: t("staff.conflicts.kind.form") })}</h3>
                <p>
                  {t("staff.conflicts.savedAt")} <DateTime iso={c.savedAt} timeZone={timeZone} />
                </p>
                {reasonsOf(c).length > 0 ? (
                  <p>
                    {t("staff.conflicts.reason")} {reasonsOf(c).map(errorText).join(" · ")}
                  </p>
                ) : null}
                {c.text ? (
                  <div>
                    <p>{t("staff.conflicts.text")}</p>
                    <blockquote className="offline-conflicts__text">{c.text}</blockquote>
                  </div>
                ) : null}
                <p className="offline-conflicts__actions">
                  <a href={c.redo}>{t("staff.conflicts.redo")}</a>
                  <Button variant="secondary" onPress={() => dismiss(c.id)}>
                    {t("staff.conflicts.dismiss")}
                  </Button>
                </p>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
