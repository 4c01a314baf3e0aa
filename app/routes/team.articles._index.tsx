// Staff: the help articles, published or draft, and the way to write a new one.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { listArticles } from "~/capabilities/helpdesk/articles.server";
import { ButtonLink } from "~/ui/kit/Button";
import { DateTime } from "~/ui/kit/DateTime";
import { PageHeading } from "~/ui/kit/Layout";
import { Link } from "~/ui/kit/Link";
import { DataTable } from "~/ui/kit/Table";
import { takeNotice } from "~/web/flash.server";
import type { RouteHandle } from "~/web/handle";
import { requireStaff } from "~/web/session.server";

export const handle: RouteHandle = { titleKey: "content:articles.title", hydrate: true };

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { ctx } = await requireStaff(request, context, "article:manage");
  const articles = await listArticles(ctx, { publishedOnly: false });
  const { notice, headers } = await takeNotice(request, context);
  return data(
    {
      notice,
      articles: articles.map((a) => ({
        id: a.id,
        slug: a.slug,
        title: a.title,
        published: a.published,
        updatedAt: a.updatedAt.toISOString(),
      })),
    },
    { headers }
  );
}

export default function Articles() {
  const { t } = useTranslation("content");
  const { articles, notice } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeading>{t("articles.heading")}</PageHeading>
      {notice ? (
        <p className="notice" role="status">
          {t(notice.messageKey, notice.params)}
        </p>
      ) : null}
      <p>{t("articles.intro")}</p>
      <ButtonLink to="/team/articles/new">{t("articles.new")}</ButtonLink>
      <DataTable
        caption={t("articles.caption", { count: articles.length })}
        emptyText={t("articles.empty")}
        columns={[
          { key: "title", header: t("articles.columnTitle"), isRowHeader: true },
          { key: "address", header: t("articles.columnAddress") },
          { key: "state", header: t("articles.columnState") },
          { key: "updatedAt", header: t("articles.columnUpdated") },
        ]}
        rowKey={(_, index) => articles[index].id}
        rows={articles.map((a) => ({
          title: (
            <Link to={`/team/articles/${a.id}`} lang="de" dir="ltr">
              {a.title}
            </Link>
          ),
          address: <span dir="ltr">/help/{a.slug}</span>,
          state: a.published ? t("articles.published") : t("articles.draft"),
          updatedAt: <DateTime iso={a.updatedAt} />,
        }))}
      />
    </>
  );
}
