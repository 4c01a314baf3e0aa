// The short privacy notice (GDPR Art. 13) every citizen form carries, in the page's language: who keeps what, what
// for, how long (the periods from the settings, through the root's data), the person's rights, and the link to the
// full notice at /datenschutz. Plain HTML: works without JavaScript, readable at 320 px.
import { useTranslation } from "react-i18next";
import { useRootData } from "~/ui/root-data";
import "./PrivacyNotice.css";

export const PRIVACY_PAGE = "/datenschutz";

export function PrivacyNotice() {
  const { t } = useTranslation("privacy");
  const periods = useRootData()?.privacyPeriods ?? { requestMonths: 12, messageDays: 90, auditDays: 730 };
  return (
    <section className="privacy-notice" aria-labelledby="privacy-notice-heading" data-privacy-notice="">
      <h2 id="privacy-notice-heading">{t("notice.heading")}</h2>
      <p>{t("notice.what")}</p>
      <p>{t("notice.howLong", { months: periods.requestMonths, days: periods.messageDays })}</p>
      <p>
        {t("notice.rights")} <a href={PRIVACY_PAGE}>{t("notice.link")}</a>
      </p>
    </section>
  );
}
