// The frame of every citizen page: header with the programme's phone number, main, footer with languages.
import { useLocation } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useRootData } from "~/ui/root-data";
import { LanguageSwitcher, MainContent, SiteFooter, SiteHeader, SkipLink } from "~/ui/kit/Layout";
import { PhoneNumber } from "./PhoneNumber";
import "./Shell.css";

/**
 * `offlineNote`: a note kept hidden unless the service worker served this page from the device while offline
 * (it marks <html data-offline>; Shell.css shows the note and hides the forms, which need a connection).
 */
export function CitizenShell({ children, offlineNote = true }: { children: ReactNode; offlineNote?: boolean }) {
  const { t } = useTranslation();
  const root = useRootData();
  const { pathname } = useLocation();
  return (
    <>
      <SkipLink />
      <SiteHeader
        title={t("appName")}
        homeHref="/"
        actions={root ? <PhoneNumber phone={root.programmePhone} label={t("citizen.callUs")} /> : null}
      />
      {offlineNote && root ? (
        <div className="offline-note page-width" data-offline-note hidden>
          <p>{t("offline:citizenNote")}</p>
          <PhoneNumber phone={root.programmePhone} />
        </div>
      ) : null}
      <MainContent>{children}</MainContent>
      <SiteFooter>
        {root ? <LanguageSwitcher languages={root.languages} current={root.lng} pathname={pathname} /> : null}
        <p>{t("citizen.footer")}</p>
        <p>
          <a href="/team">{t("citizen.staffLink")}</a>
        </p>
      </SiteFooter>
    </>
  );
}
