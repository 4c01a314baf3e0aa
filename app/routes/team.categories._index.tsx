// Staff: the categories citizens choose from when they report a problem. Add one (a name in every shipped
// language), stop offering one, offer it again. Built-in categories keep their translated names.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { LabelIn } from "~/ui/CategoryLabels";
import { categoryInput, listCategories, saveCategory } from "~/capabilities/helpdesk/categories.server";
import { categoryName } from "~/i18n/own-labels";
import { detectLanguage } from "~/i18n/detect.server";
import { getT } from "~/i18n/i18n.server";
import { languages } from "~/i18n/locales.server";
import { notFound } from "~/lib/errors";
import { Button } from "~/ui/kit/Button";
import { ErrorSummary } from "~/ui/kit/ErrorSummary";
import { PageHeading } from "~/ui/kit/Layout";
import { Link } from "~/ui/kit/Link";
import { DataTable } from "~/ui/kit/Table";
import { TextField } from "~/ui/kit/TextField";
import { fieldProps, formErrors, formProps, useAppForm } from "~/ui/kit/forms";
import { errorResponse, respondTo } from "~/web/errors.server";
import { noticeCookie, takeNotice } from "~/web/flash.server";
import { invalid, parseForm } from "~/web/forms.server";
import type { RouteHandle } from "~/web/handle";
import { requireStaff } from "~/web/session.server";

export const handle: RouteHandle = { titleKey: "content:categories.title", hydrate: true };

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { ctx } = await requireStaff(request, context, "category:manage");
  const categories = await listCategories(ctx, { includeRetired: true });
  const { notice, headers } = await takeNotice(request, context);
  return data(
    {
      notice,
      languages: languages(),
      categories: categories.map(({ id, key, labels, active }) => ({
        id,
        key,
        labels,
        active,
        builtIn: isBuiltIn(labels),
      })),
    },
    { headers }
  );
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { ctx } = await requireStaff(request, context, "category:manage");
  const codes = languages().map((l) => l.code);
  const { formData, submission } = await parseForm(request, categoryInput(codes));
  const intent = formData.get("intent");
  const nameIn = (category: { key: string; labels: string }) => {
    const lng = detectLanguage(request);
    return categoryName(getT(lng), lng, category);
  };

  if (intent === "retire" || intent === "reactivate") {
    const categoryId = String(formData.get("categoryId") ?? "");
    const existing = (await listCategories(ctx, { includeRetired: true })).find((c) => c.id === categoryId);
    if (!existing) throw errorResponse(notFound("category"));
    const active = intent === "reactivate";
    // The names stay as they are ("{}" for a built-in: its translations keep working).
    await respondTo(() => saveCategory(ctx, existing.id, { labels: JSON.parse(existing.labels), active }));
    const messageKey = active ? "content:categories.reactivatedNotice" : "content:categories.retiredNotice";
    return redirect("/team/categories", {
      headers: { "Set-Cookie": await noticeCookie(context, messageKey, { name: nameIn(existing) }) },
    });
  }

  if (submission.status !== "success") return invalid(submission);
  const created = await respondTo(() => saveCategory(ctx, null, { labels: submission.value.labels, active: true }));
  return redirect("/team/categories", {
    headers: { "Set-Cookie": await noticeCookie(context, "content:categories.created", { name: nameIn(created) }) },
  });
}

function isBuiltIn(labels: string): boolean {
  try {
    return Object.keys(JSON.parse(labels) as object).length === 0;
  } catch {
    return true;
  }
}

export default function Categories() {
  const { t, i18n } = useTranslation("content");
  const { categories, languages, notice } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useAppForm<{ labels: Record<string, string> }>({
    id: "category-new",
    lastResult: actionData?.result,
  });
  const labels = fields.labels.getFieldset();

  return (
    <>
      <PageHeading>{t("categories.heading")}</PageHeading>
      {notice ? (
        <p className="notice" role="status">
          {t(notice.messageKey, notice.params)}
        </p>
      ) : null}
      <p>{t("categories.intro")}</p>
      <DataTable
        caption={t("categories.caption", { count: categories.length })}
        emptyText={t("categories.empty")}
        columns={[
          { key: "name", header: t("categories.columnName"), isRowHeader: true },
          { key: "kind", header: t("categories.columnKind") },
          { key: "state", header: t("categories.columnState") },
          { key: "actions", header: t("categories.columnActions") },
        ]}
        rowKey={(_, index) => categories[index].id}
        rows={categories.map((c) => {
          const name = categoryName(t, i18n.language, c);
          return {
            name,
            kind: c.builtIn ? t("categories.builtIn") : t("categories.custom"),
            state: c.active ? t("categories.active") : t("categories.retired"),
            actions: (
              <div>
                {c.builtIn ? null : (
                  <Link to={`/team/categories/${c.id}`}>
                    {t("categories.edit")}
                    <span className="visually-hidden"> ({name})</span>
                  </Link>
                )}
                <Form method="post">
                  <input type="hidden" name="categoryId" value={c.id} />
                  <Button type="submit" name="intent" value={c.active ? "retire" : "reactivate"} variant="secondary">
                    {c.active ? t("categories.retire") : t("categories.reactivate")}
                    <span className="visually-hidden"> ({name})</span>
                  </Button>
                </Form>
              </div>
            ),
          };
        })}
      />

      <section aria-labelledby="new-category-heading">
        <h2 id="new-category-heading">{t("categories.add.heading")}</h2>
        <p>{t("categories.add.intro")}</p>
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
          <Button type="submit" name="intent" value="create" variant="primary">
            {t("categories.add.submit")}
          </Button>
        </Form>
      </section>
    </>
  );
}
