// Page frame: skip link, header, main, footer, language switcher and the page's one <h1>.
import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import "./Layout.css";

export function SkipLink() {
  const { t } = useTranslation("ui");
  return (
    <a href="#main" className="skip-link">
      {t("skipLink")}
    </a>
  );
}

export interface SiteHeaderProps {
  title: string;
  homeHref: string;
  /** The main navigation: a labelled <nav>; shown as a row under the title. */
  nav?: ReactNode;
  /** Things beside the title, e.g. the LanguageSwitcher or a sign-out button. */
  actions?: ReactNode;
}

export function SiteHeader({ title, homeHref, nav, actions }: SiteHeaderProps) {
  return (
    <header className="site-header">
      <div className="site-header__bar page-width">
        <Link to={homeHref} className="site-header__title">
          {title}
        </Link>
        {actions ? <div className="site-header__actions">{actions}</div> : null}
      </div>
      {nav ? (
        <div className="site-header__nav">
          <div className="page-width">{nav}</div>
        </div>
      ) : null}
    </header>
  );
}

export function MainContent({ children }: { children: ReactNode }) {
  // tabIndex -1: the skip link moves focus here, so the next Tab starts inside the page.
  return (
    <main id="main" tabIndex={-1} className="main-content page-width">
      {children}
    </main>
  );
}

export function SiteFooter({ children }: { children: ReactNode }) {
  return (
    <footer className="site-footer">
      <div className="page-width">{children}</div>
    </footer>
  );
}

export interface LanguageSwitcherProps {
  languages: { code: string; name: string; dir: "ltr" | "rtl" }[];
  current: string;
  pathname: string;
  /** Landmark name; only needed when a page has two switchers (names must differ). */
  label?: string;
}

/** Plain links (no JS): a full page load also switches <html lang dir>. */
export function LanguageSwitcher({ languages, current, pathname, label }: LanguageSwitcherProps) {
  const { t } = useTranslation("ui");
  return (
    <nav className="language-switcher" aria-label={label ?? t("languageSwitcher.label")}>
      <ul className="language-switcher__list">
        {languages.map((language) => (
          <li key={language.code}>
            <a
              href={`${pathname}?lng=${language.code}`}
              lang={language.code}
              hrefLang={language.code}
              dir={language.dir}
              aria-current={language.code === current ? "true" : undefined}
              className="language-switcher__link"
            >
              {language.name}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export interface PageHeadingProps {
  children: ReactNode;
  /** Context above the heading, e.g. the section ("Leihgeräte"); read as part of the heading. */
  caption?: ReactNode;
}

export function PageHeading({ children, caption }: PageHeadingProps) {
  return (
    <h1 className="page-heading">
      {caption ? <span className="page-heading__caption">{caption} </span> : null}
      {children}
    </h1>
  );
}
