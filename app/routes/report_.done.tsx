// The confirmation after reporting a problem: the reference in very large type, how it was also sent, when we
// will call back (when they asked for it), and how to check the status. The reference comes from the signed flash cookie; without it there is nothing to confirm.
import type { HeadersFunction, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useRootData } from "~/ui/root-data";
import { Link } from "~/ui/kit/Link";
import { PrintHint } from "~/ui/kit/PrintHint";
import { ReferenceCode } from "~/ui/kit/ReferenceCode";
import { CitizenShell } from "~/ui/Shell/CitizenShell";
import { PhoneNumber } from "~/ui/Shell/PhoneNumber";
import "~/ui/CallbackRequest/CallbackRequest.css";
import { detectLanguage } from "~/i18n/detect.server";
import { formatWhen } from "~/web/callback-pages.server";
import { readFlash, REPORT_FLASH } from "~/web/flash.server";
import type { RouteHandle } from "~/web/handle";

export const handle: RouteHandle = { titleKey: "citizen:done.title" };

// A page with a reference on it is kept by no cache, shared or private (and not in the back/forward cache).
export const headers: HeadersFunction = () => ({ "Cache-Control": "no-store" });

export async function loader({ request, context }: LoaderFunctionArgs) {
  const flash = await readFlash(request, context, REPORT_FLASH, "problemReported");
  if (!flash) throw redirect("/report");
  return {
    reference: flash.reference,
    channel: flash.channel,
    /** They asked to be called back: when (written out in their language), or null: the team will say when. */
    callback: flash.callback ? { when: flash.callback.at ? formatWhen(flash.callback.at, detectLanguage(request), flash.callback.timeZone) : null } : null,
    statusUrl: `${context.services.config.publicUrl}/status`,
  };
}

export default function ReportDone() {
  const { t } = useTranslation("citizen");
  const { reference, channel, callback, statusUrl } = useLoaderData<typeof loader>();
  const root = useRootData();
  return (
    <CitizenShell>
      <ReferenceCode
        heading={t("done.heading")}
        label={t("done.referenceLabel")}
        code={reference}
        spelledLabel={t("done.spelledLabel")}
      />
      {callback ? (
        <div className="callback-panel">
          {callback.when ? (
            <>
              <p>{t("done.callback.weWillCall")}</p>
              <p className="callback-when">{callback.when}</p>
            </>
          ) : (
            <p className="callback-when">{t("done.callback.weWillTell")}</p>
          )}
        </div>
      ) : null}
      <p>{channel === "voice" ? t("done.sentVoice") : t("done.sentSms")}</p>
      <p>{t("done.keep")}</p>
      <PrintHint>{t("done.print")}</PrintHint>

      <h2>{t("done.next.heading")}</h2>
      <p>{callback ? t("done.callback.next") : t("done.next.body")}</p>

      <h2>{t("done.check.heading")}</h2>
      <ul>
        <li>
          {t("done.check.web")}{" "}
          <Link to="/status" data-print-url={statusUrl}>
            {t("done.check.link")}
          </Link>
        </li>
        <li>
          {t("done.check.phone")}
          {root ? <PhoneNumber phone={root.programmePhone} /> : null}
        </li>
      </ul>

      <p className="no-print">
        <Link to="/report">{t("done.another")}</Link>
      </p>
    </CitizenShell>
  );
}
