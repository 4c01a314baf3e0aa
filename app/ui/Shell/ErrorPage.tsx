// What a person sees when something goes wrong: a translated explanation and a way on. Never technical details.
import { useTranslation } from "react-i18next";
import { CitizenShell } from "./CitizenShell";
import { PageHeading } from "~/ui/kit/Layout";

const KNOWN = [400, 403, 404, 405, 429];

export function ErrorPage({ status, messageKey }: { status: number; messageKey?: string }) {
  const { t } = useTranslation();
  const kind = KNOWN.includes(status) ? String(status) : "500";
  return (
    <CitizenShell>
      <PageHeading>{t(`errors.page.${kind}.title`)}</PageHeading>
      <p>{t(messageKey && messageKey.startsWith("errors.") ? messageKey : `errors.page.${kind}.body`)}</p>
      <p>
        <a href="/">{t("errors.backHome")}</a>
      </p>
    </CitizenShell>
  );
}
