// Staff: the topics mentoring sessions and learning goals are about. Add one (a name in every shipped language),
// stop offering one, offer it again. Built-in topics keep their translated names.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { topicName } from "~/i18n/own-labels";
import { addTopic, editTopic, isBuiltInTopic, listTopics, topicInput } from "~/capabilities/lending/topics.server";
import { detectLanguage } from "~/i18n/detect.server";
import { getT } from "~/i18n/i18n.server";
import { languages } from "~/i18n/locales.server";
import { notFound } from "~/lib/errors";
import { Button } from "~/ui/kit/Button";
import { LabelIn } from "~/ui/CategoryLabels";
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

export const handle: RouteHandle = { titleKey: "mentoring:topics.title", hydrate: true };

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { ctx } = await requireStaff(request, context, "topic:manage");
  const topics = await listTopics(ctx, { includeRetired: true });
  const { notice, headers } = await takeNotice(request, context);
  return data(
    {
      notice,
      languages: languages(),
      topics: topics.map(({ id, key, labels, active }) => ({ id, key, labels, active, builtIn: isBuiltInTopic({ labels }) })),
    },
    { headers },
  );
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { ctx } = await requireStaff(request, context, "topic:manage");
  const { formData, submission } = await parseForm(request, topicInput(languages().map((l) => l.code)));
  const intent = formData.get("intent");
  const lng = detectLanguage(request);
  const nameOf = (topic: { key: string; labels: string }) => topicName(getT(lng), lng, topic);

  if (intent === "retire" || intent === "reactivate") {
    const topicId = String(formData.get("topicId") ?? "");
    const existing = (await listTopics(ctx, { includeRetired: true })).find((topic) => topic.id === topicId);
    if (!existing) throw errorResponse(notFound("topic"));
    const active = intent === "reactivate";
    await respondTo(() => editTopic(ctx, existing.id, { active }));
    const messageKey = active ? "mentoring:topics.reactivatedNotice" : "mentoring:topics.retiredNotice";
    return redirect("/team/topics", { headers: { "Set-Cookie": await noticeCookie(context, messageKey, { name: nameOf(existing) }) } });
  }

  if (submission.status !== "success") return invalid(submission);
  const created = await respondTo(() => addTopic(ctx, { labels: submission.value.labels }));
  return redirect("/team/topics", {
    headers: { "Set-Cookie": await noticeCookie(context, "mentoring:topics.created", { name: nameOf(created) }) },
  });
}

export default function Topics() {
  const { t, i18n } = useTranslation("mentoring");
  const { topics, languages, notice } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useAppForm<{ labels: Record<string, string> }>({ id: "topic-new", lastResult: actionData?.result });
  const labels = fields.labels.getFieldset();

  return (
    <>
      <PageHeading>{t("topics.heading")}</PageHeading>
      {notice ? (
        <p className="notice" role="status">
          {t(notice.messageKey, notice.params)}
        </p>
      ) : null}
      <p>{t("topics.intro")}</p>
      <DataTable
        caption={t("topics.caption", { count: topics.length })}
        emptyText={t("topics.empty")}
        columns={[
          { key: "name", header: t("topics.columnName"), isRowHeader: true },
          { key: "kind", header: t("topics.columnKind") },
          { key: "state", header: t("topics.columnState") },
          { key: "actions", header: t("topics.columnActions") },
        ]}
        rowKey={(_, index) => topics[index].id}
        rows={topics.map((topic) => {
          const name = topicName(t, i18n.language, topic);
          return {
            name,
            kind: topic.builtIn ? t("topics.builtIn") : t("topics.custom"),
            state: topic.active ? t("topics.active") : t("topics.retired"),
            actions: (
              <div>
                {topic.builtIn ? null : (
                  <Link to={`/team/topics/${topic.id}`}>
                    {t("topics.edit")}
                    <span className="visually-hidden"> ({name})</span>
                  </Link>
                )}
                <Form method="post">
                  <input type="hidden" name="topicId" value={topic.id} />
                  <Button type="submit" name="intent" value={topic.active ? "retire" : "reactivate"} variant="secondary">
                    {topic.active ? t("topics.retire") : t("topics.reactivate")}
                    <span className="visually-hidden"> ({name})</span>
                  </Button>
                </Form>
              </div>
            ),
          };
        })}
      />

      <section aria-labelledby="new-topic-heading">
        <h2 id="new-topic-heading">{t("topics.add.heading")}</h2>
        <p>{t("topics.add.intro")}</p>
        <ErrorSummary errors={formErrors(form)} />
        <Form method="post" {...formProps(form)}>
          {languages.map((language) => (
            <TextField key={language.code} {...fieldProps(labels[language.code])} label={<LabelIn language={language} />} width="long" />
          ))}
          <Button type="submit" name="intent" value="create" variant="primary">
            {t("topics.add.submit")}
          </Button>
        </Form>
      </section>
    </>
  );
}
