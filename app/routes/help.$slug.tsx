// One help article in plain German, printable, with a clear way to its Leichte Sprache version. No JavaScript.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getArticle } from "~/capabilities/helpdesk/articles.server";
import { HelpArticlePage } from "~/ui/HelpArticle";
import { respondTo } from "~/web/errors.server";
import type { RouteHandle } from "~/web/handle";
import { withActor } from "~/context";

export const handle: RouteHandle = {
  titleKey: "citizen:help.articleTitle",
  title: ({ data }) => ((data as { title?: string } | undefined)?.title ? { text: (data as { title: string }).title } : undefined),
  offline: { keep: true },
};

export async function loader({ params, context }: LoaderFunctionArgs) {
  const article = await respondTo(() => getArticle(withActor(context.services, { kind: "citizen" }), params.slug ?? "", { publishedOnly: true }));
  return { slug: article.slug, title: article.title, body: article.body };
}

export default function HelpArticle() {
  const { t } = useTranslation("citizen");
  const { slug, title, body } = useLoaderData<typeof loader>();
  return (
    <HelpArticlePage
      title={title}
      body={body}
      switchTo={{ href: `/help/${slug}/leichte-sprache`, label: t("help.toEasy") }}
    />
  );
}
