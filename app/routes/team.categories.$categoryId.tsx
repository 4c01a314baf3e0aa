// Staff: change the names of an own category, one per shipped language. Built-in categories are translated
// in the locale files and keep their names; they can only be retired on the list.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { categoryInput, listCategories, saveCategory } from "~/capabilities/helpdesk/categories.server";
import { categoryName } from "~/i18n/own-labels";
import type { Ctx } from "~/context";
import { detectLanguage } from "~/i18n/detect.server";
import { getT } from "~/i18n/i18n.server";
import { languages } from "~/i18n/locales.server";
import { notFound } from "~/lib/errors";
import { Button } from "~/ui/kit/Button";
import { LabelIn } from "~/ui/CategoryLabels";
import { ErrorSummary } from "~/ui/kit/ErrorSummary";
import { PageHeading } from "~/ui/kit/Layout";
import { BackLink } from "~/ui/kit/Link";
import { TextField } from "~/ui/kit/TextField";
import { fieldProps, formErrors, formProps, useAppForm } from "~/ui/kit/forms";
import { errorResponse, respondTo } from "~/web/errors.server";
import { noticeCookie } from "~/web/flash.server";
import { invalid, parseForm } from "~/web/forms.server";
import type { RouteHandle } from "~/web/handle";
import { requireStaff } from "~/web/session.server";

export const handle: RouteHandle = { titleKey: "content:categories.editTitle", hydrate: true };

async function categoryOr404(ctx: Ctx, id: string | undefined) {
  const category = (await listCategories(ctx, { includeRetired: true })).find((c) => c.id === id);
  if (!category) throw errorResponse(notFound("category"));
  const labels = JSON.parse(category.labels) as Record<string, string>;
  return { ...category, labels, builtIn: Object.keys(labels).length === 0 };
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { ctx } = await requireStaff(request, context, "category:manage");
  const category = await categoryOr404(ctx, params.categoryId);
  return {
    languages: languages(),
    category: { id: category.id, key: category.key, labels: category.labels, builtIn: category.builtIn },
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { ctx } = await requireStaff(request, context, "category:manage");
  const category = await categoryOr404(ctx, params.categoryId);
  // A built-in's names live in the locale files; giving it labels here would hide those translations.
  if (category.builtIn) throw errorResponse(notFound("category"));
  const { submission } = await parseForm(request, categoryInput(languages().map((l) => l.code)));
  if (submission.status !== "success") return invalid(submission);
  const saved = await respondTo(() =>
    saveCategory(ctx, category.id, { labels: submission.value.labels, active: category.active })
  );
  const lng = detectLanguage(request);
  return redirect("/team/categories", {
    headers: {
      "Set-Cookie": await noticeCookie(context, "content:categories.saved", {
        name: categoryName(getT(lng), lng, saved),
      }),
    },
  });
}

export default function CategoryEditor() {
  const { t, i18n } = useTranslation("content");
  const { category, languages } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useAppForm<{ labels: Record<string, string> }>({
    id: "category",
    lastResult: actionData?.result,
    defaultValue: { labels: category.labels },
  });
  const labels = fields.labels.getFieldset();
  const name = categoryName(t, i18n.language, { key: category.key, labels: JSON.stringify(category.labels) });

  return (
    <>
      <BackLink to="/team/categories">{t("categories.back")}</BackLink>
      <PageHeading>{t("categories.editHeading", { name })}</PageHeading>
      {category.builtIn ? (
        <p>{t("categories.builtInNote")}</p>
      ) : (
        <>
          <ErrorSummary errors={formErrors(form)} />
          <Form method="post" {...formProps(form)}>
            {languages.map((language) => (
              <TextField
                key={language.code}
                {...fieldProps(labels[language.code])}
                label={<LabelIn language={language} />}
                width="long"
              />
            ))}
            <Button type="submit" variant="primary">
              {t("categories.save")}
            </Button>
          </Form>
        </>
      )}
    </>
  );
}
