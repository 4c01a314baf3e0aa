// The confirmation after asking to borrow: the reference in very large type, how it was also sent, what happens
// next. The reference comes from the signed flash cookie; without it there is nothing to confirm.
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
import { BORROW_FLASH, readFlash } from "~/web/flash.server";
import type { RouteHandle } from "~/web/handle";

export const handle: RouteHandle = { titleKey: "waitlist:done.title" };

// A page with a reference on it is kept by no cache.
export const headers: HeadersFunction = () => ({ "Cache-Control": "no-store" });

export async function loader({ request, context }: LoaderFunctionArgs) {
  const flash = await readFlash(request, context, BORROW_FLASH, "borrowRequested");
  if (!flash) throw redirect("/borrow");
  return { reference: flash.reference, channel: flash.channel, location: flash.location };
}

export default function BorrowDone() {
  const { t } = useTranslation("waitlist");
  const { reference, channel, location } = useLoaderData<typeof loader>();
  const root = useRootData();
  return (
    <CitizenShell>
      <ReferenceCode
        heading={t("done.heading")}
        label={t("done.referenceLabel")}
        code={reference}
        spelledLabel={t("citizen:done.spelledLabel")}
      />
      <p>{channel === "voice" ? t("done.sentVoice") : t("done.sentSms")}</p>
      <p>{t("done.keep")}</p>
      <PrintHint>{t("citizen:done.print")}</PrintHint>

      <h2>{t("done.next.heading")}</h2>
      <ol>
        <li>{t("done.next.wait", { location })}</li>
        <li>{t("done.next.offer")}</li>
        <li>{t("done.next.pickUp")}</li>
      </ol>
      <h2>{t("done.questions")}</h2>
      {root ? <PhoneNumber phone={root.programmePhone} label={t("done.callUs")} /> : null}
      <p className="no-print">
        <Link to="/">{t("done.home")}</Link>
      </p>
    </CitizenShell>
  );
}
