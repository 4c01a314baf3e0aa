// The offline page: what the service worker shows when a page is neither reachable nor kept on this device.
// It fetches this page in every language when it installs (`?lng=` here sets no cookie, see server.ts).
import { useTranslation } from "react-i18next";
import { useRootData } from "~/ui/root-data";
import { PageHeading } from "~/ui/kit/Layout";
import { CitizenShell } from "~/ui/Shell/CitizenShell";
import { PhoneNumber } from "~/ui/Shell/PhoneNumber";
import type { RouteHandle } from "~/web/handle";

export const handle: RouteHandle = { titleKey: "offline:title" };

export default function Offline() {
  const { t } = useTranslation("offline");
  const root = useRootData();
  return (
    <CitizenShell offlineNote={false}>
      <PageHeading>{t("heading")}</PageHeading>
      <p className="lead">{t("body")}</p>
      {root ? <PhoneNumber phone={root.programmePhone} label={t("callUs")} /> : null}
      <h2>{t("links")}</h2>
      <ul>
        <li>
          <a href="/">{t("startPage")}</a>
        </li>
        <li>
          <a href="/team/today">{t("staffToday")}</a>
        </li>
      </ul>
    </CitizenShell>
  );
}
