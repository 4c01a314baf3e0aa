// The frame of every citizen page: header with the programme's phone number, main, footer with languages.
import { useLocation, useRouteLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { RootData } from "~/root";
import { LanguageSwitcher, MainContent, SiteFooter, SiteHeader, SkipLink } from "~/ui/Layout";
import { PhoneNumber } from "./PhoneNumber";

export function CitizenShell({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const root = useRouteLoaderData<RootData>("root");
  const { pathname } = useLocation();
  return (
    <>
      <SkipLink />
      <SiteHeader
        title={t("appName")}
        homeHref="/"
        actions={root ? <PhoneNumber phone={root.programmePhone} label={t("citizen.callUs")} /> : null}
      />
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
