// One help article in Leichte Sprache: short sentences, larger type, printable, and the way back. No JavaScript.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getArticle } from "~/capabilities/helpdesk/articles.server";
import { HelpArticlePage } from "~/ui/HelpArticle";
import { respondTo } from "~/web/errors.server";
import type { RouteHandle } from "~/web/handle";
import { withActor } from "~/context";

export const handle: RouteHandle = {
  titleKey: "citizen:help.easyTitle",
  title: ({ data }) => {
    const title = (data as { title?: string } | undefined)?.title;
    return title ? { key: "citizen:help.easyArticleTitle", values: { title } } : undefined;
  },
  offline: { keep: true },
};

export async function loader({ params, context }: LoaderFunctionArgs) {
  const article = await respondTo(() => getArticle(withActor(context.services, { kind: "citizen" }), params.slug ?? "", { publishedOnly: true }));
  return { slug: article.slug, title: article.titleEasy, body: article.bodyEasy };
}

export default function HelpArticleEasy() {
  const { t } = useTranslation("citizen");
  const { slug, title, body } = useLoaderData<typeof loader>();
  return (
    <HelpArticlePage
      easy
      caption={t("help.easyCaption")}
      title={title}
      body={body}
      switchTo={{ href: `/help/${slug}`, label: t("help.toStandard") }}
    />
  );
}
