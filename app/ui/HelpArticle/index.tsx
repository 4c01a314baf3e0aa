// The page of one help article (plain German or Leichte Sprache): back to the list, the switch between the two
// versions, the text, a print hint, and where to get help. The article is German whatever the page language.
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useRootData } from "~/ui/root-data";
import { PageHeading } from "~/ui/kit/Layout";
import { BackLink, Link } from "~/ui/kit/Link";
import { PlainText } from "~/ui/kit/PlainText";
import { PrintHint } from "~/ui/kit/PrintHint";
import { CitizenShell } from "~/ui/Shell/CitizenShell";
import { PhoneNumber } from "~/ui/Shell/PhoneNumber";
import "./HelpArticle.css";

export interface HelpArticlePageProps {
  title: string;
  /** Plain text: blank lines between paragraphs, "- " for lists (see PlainText). */
  body: string;
  /** Leichte Sprache: larger type and more space. */
  easy?: boolean;
  /** Above the title, e.g. "Leichte Sprache". */
  caption?: ReactNode;
  /** The other version of this article. */
  switchTo: { href: string; label: string };
}

export function HelpArticlePage({ title, body, easy, caption, switchTo }: HelpArticlePageProps) {
  const { t, i18n } = useTranslation("citizen");
  const root = useRootData();
  return (
    <CitizenShell>
      <p className="no-print">
        <BackLink to="/help">{t("help.back")}</BackLink>
      </p>
      {i18n.language !== "de" ? <p className="notice">{t("help.germanOnly")}</p> : null}
      <PageHeading caption={caption}>
        <span lang="de" dir="ltr">
          {title}
        </span>
      </PageHeading>
      <p className="help-article__switch no-print">
        <Link to={switchTo.href}>{switchTo.label}</Link>
      </p>
      <PlainText text={body} lang="de" dir="ltr" easy={easy} />
      <PrintHint>{t("help.print")}</PrintHint>

      <section aria-labelledby="stuck-heading" className="callout">
        <h2 id="stuck-heading">{t("help.stuck.heading")}</h2>
        <p>{t("help.stuck.body")}</p>
        <p className="no-print">
          <Link to="/report">{t("help.stuck.report")}</Link>
        </p>
        {root ? <PhoneNumber phone={root.programmePhone} /> : null}
      </section>
    </CitizenShell>
  );
}
