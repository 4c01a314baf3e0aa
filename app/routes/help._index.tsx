// The help articles for citizens: every published how-to, each also in Leichte Sprache. No JavaScript.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { listArticles } from "~/capabilities/helpdesk/articles.server";
import { useRootData } from "~/ui/root-data";
import { PageHeading } from "~/ui/kit/Layout";
import { Link } from "~/ui/kit/Link";
import { CitizenShell } from "~/ui/Shell/CitizenShell";
import { PhoneNumber } from "~/ui/Shell/PhoneNumber";
import type { RouteHandle } from "~/web/handle";
import { withActor } from "~/context";

export const handle: RouteHandle = { titleKey: "citizen:help.title", offline: { keep: true } };

export async function loader({ context }: LoaderFunctionArgs) {
  const articles = await listArticles(withActor(context.services, { kind: "citizen" }), { publishedOnly: true });
  return { articles: articles.map(({ slug, title, titleEasy }) => ({ slug, title, titleEasy })) };
}

export default function HelpArticles() {
  const { t, i18n } = useTranslation("citizen");
  const { articles } = useLoaderData<typeof loader>();
  const root = useRootData();
  return (
    <CitizenShell>
      <PageHeading>{t("help.heading")}</PageHeading>
      <p className="lead">{t("help.intro")}</p>
      {i18n.language !== "de" ? <p className="notice">{t("help.germanOnly")}</p> : null}

      <section aria-labelledby="articles-heading">
        <h2 id="articles-heading">{t("help.listCaption")}</h2>
        {articles.length ? (
          <ul className="card-list">
            {articles.map((article) => (
              <li key={article.slug} className="card">
                <h3>
                  <Link to={`/help/${article.slug}`} lang="de" dir="ltr">
                    {article.title}
                  </Link>
                </h3>
                <p>
                  {t("help.easyVersion")}:{" "}
                  <Link to={`/help/${article.slug}/leichte-sprache`} lang="de" dir="ltr">
                    {article.titleEasy}
                  </Link>
                </p>
              </li>
            ))}
          </ul>
        ) : (
          <p>{t("help.empty")}</p>
        )}
      </section>

      <section aria-labelledby="stuck-heading" className="callout">
        <h2 id="stuck-heading">{t("help.stuck.heading")}</h2>
        <p>{t("help.stuck.body")}</p>
        <p>
          <Link to="/report">{t("help.stuck.report")}</Link>
        </p>
        {root ? <PhoneNumber phone={root.programmePhone} /> : null}
      </section>
    </CitizenShell>
  );
}
