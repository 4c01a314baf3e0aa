// The frame of staff pages: navigation by capability, who is signed in, sign-out, languages.
import { Form, NavLink, useLocation } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useRootData } from "~/ui/root-data";
import { Button } from "~/ui/kit/Button";
import { LanguageSwitcher, MainContent, SiteFooter, SiteHeader, SkipLink } from "~/ui/kit/Layout";
import { OfflineStatus } from "~/ui/OfflineStatus";
import "./Shell.css";

export interface NavItem {
  to: string;
  labelKey: string;
}

export function StaffShell({
  nav,
  staffName,
  renderedAt,
  children,
}: {
  nav: NavItem[];
  staffName: string;
  /** When the server made this page: "last synced" when a copy kept on this device is shown offline. */
  renderedAt: string;
  children: ReactNode;
}) {
  const { t } = useTranslation("team");
  const root = useRootData();
  const { pathname } = useLocation();
  return (
    <>
      <SkipLink />
      <SiteHeader
        title={t("common:appName")}
        homeHref="/team"
        nav={
          <nav aria-label={t("nav.label")} className="staff-nav">
            <ul>
              {nav.map((item) => (
                <li key={item.to}>
                  <NavLink to={item.to} end={item.to === "/team"}>
                    {t(item.labelKey)}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
        }
        actions={
          <Form method="post" action="/team/sign-out" className="staff-signout">
            <span className="staff-signout__name">{t("signedInAs", { name: staffName })}</span>
            <Button type="submit" variant="secondary">
              {t("signOut")}
            </Button>
          </Form>
        }
      />
      <MainContent>
        <OfflineStatus renderedAt={renderedAt} />
        {children}
      </MainContent>
      <SiteFooter>
        {root ? <LanguageSwitcher languages={root.languages} current={root.lng} pathname={pathname} /> : null}
      </SiteFooter>
    </>
  );
}
