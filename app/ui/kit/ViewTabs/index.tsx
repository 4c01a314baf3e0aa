// Views of one list as a row of links ("Meine", "Überfällig" …): each is its own page, so links with
// aria-current, not an ARIA tab widget. Works without JavaScript.
import { Link as RemixLink } from "@remix-run/react";
import type { ReactNode } from "react";
import "./ViewTabs.css";

export interface ViewTab {
  href: string;
  label: ReactNode;
  current: boolean;
}

export function ViewTabs({ label, tabs }: { label: string; tabs: ViewTab[] }) {
  return (
    <nav aria-label={label} className="view-tabs">
      <ul className="view-tabs__list">
        {tabs.map((tab) => (
          <li key={tab.href} className="view-tabs__item">
            <RemixLink to={tab.href} aria-current={tab.current ? "page" : undefined} className="view-tabs__link">
              {tab.label}
            </RemixLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
