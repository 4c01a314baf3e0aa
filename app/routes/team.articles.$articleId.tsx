// Staff: write a help article (/team/articles/new) or edit one, in plain German and in Leichte Sprache.
// A taken address comes back as a message on the form, not as an error page.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ArticleInput, getArticleById, saveArticle } from "~/capabilities/helpdesk/articles.server";
import { AppError } from "~/lib/errors";
import { Button } from "~/ui/kit/Button";
import { Checkbox } from "~/ui/kit/Checkbox";
import { ErrorSummary } from "~/ui/kit/ErrorSummary";
import { PageHeading } from "~/ui/kit/Layout";
import { BackLink, Link } from "~/ui/kit/Link";
import { TextField } from "~/ui/kit/TextField";
import { checkboxProps, fieldProps, formErrors, formProps, useAppForm } from "~/ui/kit/forms";
import { errorResponse, respondTo } from "~/web/errors.server";
import { noticeCookie } from "~/web/flash.server";
import { invalid, parseForm } from "~/web/forms.server";
import type { RouteHandle } from "~/web/handle";
import { requireStaff } from "~/web/session.server";

export const handle: RouteHandle = { titleKey: "content:article.editTitle", hydrate: true };

/** "new" is the address of the empty form; any other value is an article's id. */
const articleIdFrom = (param: string | undefined) => (param === "new" ? null : param ?? null);

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { ctx } = await requireStaff(request, context, "article:manage");
  const id = articleIdFrom(params.articleId);
  if (!id) return { article: null };
  const article = await respondTo(() => getArticleById(ctx, id));
  const { slug, title, body, titleEasy, bodyEasy, published } = article;
  return { article: { id: article.id, slug, title, body, titleEasy, bodyEasy, published } };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { ctx } = await requireStaff(request, context, "article:manage");
  const id = articleIdFrom(params.articleId);
  if (id) await respondTo(() => getArticleById(ctx, id));
  const { submission } = await parseForm(request, ArticleInput);
  if (submission.status !== "success") return invalid(submission);
  try {
    const article = await saveArticle(ctx, id, submission.value);
    return redirect("/team/articles", {
      headers: { "Set-Cookie": await noticeCookie(context, "content:articles.saved", { title: article.title }) },
    });
  } catch (error) {
    if (error instanceof AppError && error.status === 409) {
      return data({ result: submission.reply({ fieldErrors: { slug: [error.messageKey] } }) }, { status: 409 });
    }
    if (error instanceof AppError) throw errorResponse(error);
    throw error;
  }
}

export default function ArticleEditor() {
  const { t } = useTranslation("content");
  const { article } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useAppForm({
    id: "article",
    lastResult: actionData?.result,
    defaultValue: article ? { ...article, published: article.published ? "on" : undefined } : { published: undefined },
  });
  return (
    <>
      <BackLink to="/team/articles">{t("article.back")}</BackLink>
      <PageHeading>{article ? t("article.editTitle") : t("article.newTitle")}</PageHeading>
      <ErrorSummary errors={formErrors(form)} />
      {article?.published ? (
        <p>
          <Link to={`/help/${article.slug}`}>{t("article.view")}</Link>
        </p>
      ) : null}
      <Form method="post" {...formProps(form)}>
        <TextField
          {...fieldProps(fields.slug)}
          label={t("article.slug")}
          description={t("article.slugHint")}
          width="long"
        />

        <h2>{t("article.standardHeading")}</h2>
        <TextField {...fieldProps(fields.title)} label={t("article.title")} />
        <TextField
          {...fieldProps(fields.body)}
          label={t("article.body")}
          description={t("article.bodyHint")}
          multiline
          rows={14}
        />

        <h2>{t("article.easyHeading")}</h2>
        <p>{t("article.easyIntro")}</p>
        <TextField {...fieldProps(fields.titleEasy)} label={t("article.titleEasy")} />
        <TextField
          {...fieldProps(fields.bodyEasy)}
          label={t("article.bodyEasy")}
          description={t("article.bodyHint")}
          multiline
          rows={14}
        />

        <Checkbox {...checkboxProps(fields.published)} description={t("article.publishedHint")}>
          {t("article.published")}
        </Checkbox>
        <Button type="submit" variant="primary">
          {t("article.save")}
        </Button>
      </Form>
    </>
  );
}
