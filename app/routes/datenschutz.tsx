// The full privacy notice for citizens (GDPR Art. 13), linked from the short notice on every form and from the first
// SMS a number gets: controller and DPO (settings), purposes and legal bases, recipients incl. the SMS and voice
// provider, periods from the settings, rights and how to use them, the supervisory authority. No JavaScript.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PageHeading } from "~/ui/kit/Layout";
import { CitizenShell } from "~/ui/Shell/CitizenShell";
import { PhoneNumber } from "~/ui/Shell/PhoneNumber";
import { useRootData } from "~/ui/root-data";
import type { RouteHandle } from "~/web/handle";
import { privacyPage } from "~/web/privacy-page.server";

export const handle: RouteHandle = { titleKey: "privacy:page.title" };

export async function loader({ context }: LoaderFunctionArgs) {
  return privacyPage(context.services);
}

export default function PrivacyPage() {
  const { t } = useTranslation("privacy");
  const root = useRootData();
  const page = useLoaderData<typeof loader>();
  const { periods } = page;
  return (
    <CitizenShell>
      <PageHeading>{t("page.heading")}</PageHeading>
      <p className="lead">{t("page.intro")}</p>

      <h2>{t("page.controllerHeading")}</h2>
      {page.controller ? (
        <p>{page.controller}</p>
      ) : (
        <>
          <p>{t("page.controllerPlaces")}</p>
          <ul>
            {page.places.map((place) => (
              <li key={place.name}>
                {place.name}, {place.address}
                {place.phone ? (
                  <>
                    , <a href={`tel:${place.phone.e164}`} dir="ltr">{place.phone.display}</a>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      )}
      {root ? <PhoneNumber phone={root.programmePhone} label={t("page.phone")} /> : null}

      <h2>{t("page.dpoHeading")}</h2>
      <p>{page.dpoContact ?? t("page.dpoNone")}</p>

      <h2>{t("page.dataHeading")}</h2>
      <p>{t("page.data")}</p>

      <h2>{t("page.purposesHeading")}</h2>
      <p>{t("page.purposeRequest")}</p>
      <p>{t("page.purposeConsent")}</p>
      <p>{t("page.purposeAudit")}</p>

      <h2>{t("page.recipientsHeading")}</h2>
      <p>{t("page.recipientsStaff")}</p>
      <p>{page.provider === "twilio" ? t("page.recipientsTwilio") : t("page.recipientsOutbox")}</p>
      <p>{t("page.recipientsNone")}</p>

      <h2>{t("page.retentionHeading")}</h2>
      <ul>
        <li>{t("page.retentionRequests", { months: periods.requestMonths })}</li>
        <li>{t("page.retentionMessages", { days: periods.messageDays })}</li>
        <li>{t("page.retentionAudit", { days: periods.auditDays })}</li>
      </ul>

      <h2>{t("page.rightsHeading")}</h2>
      <p>{t("page.rightsIntro")}</p>
      <ul>
        <li>{t("page.rightAccess")}</li>
        <li>{t("page.rightRectification")}</li>
        <li>{t("page.rightErasure")}</li>
        <li>{t("page.rightObjection")}</li>
        <li>{t("page.rightWithdraw")}</li>
      </ul>
      <p>{t("page.rightsHow")}</p>

      <h2>{t("page.complaintHeading")}</h2>
      <p>{t("page.complaint")}</p>
      <p>{page.supervisoryAuthority}</p>

      <p>{t("page.voluntary")}</p>
    </CitizenShell>
  );
}
