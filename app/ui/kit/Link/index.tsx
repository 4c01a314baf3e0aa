// Text link: Remix Link (client navigation where the page hydrates, a plain <a href> where it does not).
import { Link as RemixLink, type LinkProps as RemixLinkProps } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import "./Link.css";

export interface LinkProps extends RemixLinkProps {
  /** For links on a dark or coloured background. */
  inverse?: boolean;
  /** Drop the visited colour where it would mislead (e.g. "Zurück", in-page actions). */
  noVisitedState?: boolean;
}

export function Link({ inverse, noVisitedState, className, ...props }: LinkProps) {
  const classes = [
    "link",
    inverse && "link--inverse",
    noVisitedState && "link--no-visited-state",
    className,
  ]
    .filter(Boolean)
    .join(" ");
  return <RemixLink {...props} className={classes} />;
}

/** GOV.UK back link above a question page; text defaults to the translated "Back". */
export function BackLink({ children, className, ...props }: RemixLinkProps) {
  const { t } = useTranslation("ui");
  return (
    <RemixLink {...props} className={["link--back", className].filter(Boolean).join(" ")}>
      {children ?? t("backLink")}
    </RemixLink>
  );
}
