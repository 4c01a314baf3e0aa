// The confirmation after asking for a callback: the reference in very large type and when we will call (or that
// we will say when). The reference comes from the signed cookie; without it there is nothing to confirm.
import type { HeadersFunction, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { detectLanguage } from "~/i18n/detect.server";
import { useRootData } from "~/ui/root-data";
import { Link } from "~/ui/kit/Link";
import { PrintHint } from "~/ui/kit/PrintHint";
import { ReferenceCode } from "~/ui/kit/ReferenceCode";
import { CitizenShell } from "~/ui/Shell/CitizenShell";
import { PhoneNumber } from "~/ui/Shell/PhoneNumber";
import "~/ui/CallbackRequest/CallbackRequest.css";
import { formatWhen, readCallbackFlash } from "~/web/callback-pages.server";
import type { RouteHandle } from "~/web/handle";

export const handle: RouteHandle = { titleKey: "callbacks:done.title" };

export const headers: HeadersFunction = () => ({ "Cache-Control": "no-store" });

export async function loader({ request, context }: LoaderFunctionArgs) {
  const flash = await readCallbackFlash(request, context);
  if (!flash) throw redirect("/callback");
  return {
    reference: flash.reference,
    channel: flash.channel,
    when: flash.at ? formatWhen(flash.at, detectLanguage(request), flash.timeZone) : null,
  };
}

export default function CallbackDone() {
  const { t } = useTranslation("callbacks");
  const { reference, channel, when } = useLoaderData<typeof loader>();
  const root = useRootData();
  return (
    <CitizenShell>
      <ReferenceCode heading={t("done.heading")} label={t("done.referenceLabel")} code={reference} spelledLabel={t("done.spelledLabel")} />
      <div className="callback-panel">
        {when ? (
          <>
            <p>{t("done.weWillCall")}</p>
            <p className="callback-when">{when}</p>
          </>
        ) : (
          <p className="callback-when">{t("done.weWillTell")}</p>
        )}
      </div>
      <p>{channel === "voice" ? t("done.sentVoice") : t("done.sentSms")}</p>
      <p>{t("done.keep")}</p>
      <PrintHint>{t("done.print")}</PrintHint>
      <h2>{t("done.cannot.heading")}</h2>
      <p>{t("done.cannot.body")}</p>
      {root ? <PhoneNumber phone={root.programmePhone} /> : null}
      <p className="no-print">
        <Link to="/">{t("done.home")}</Link>
      </p>
    </CitizenShell>
  );
}
