// Staff: change the names of an own mentoring topic, one per shipped language. Built-in topics are translated
// in the locale files and keep their names; they can only be retired on the list.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { topicName } from "~/i18n/own-labels";
import { editTopic, isBuiltInTopic, listTopics, topicInput } from "~/capabilities/lending/topics.server";
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

export const handle: RouteHandle = { titleKey: "mentoring:topics.editTitle", hydrate: true };

async function topicOr404(ctx: Ctx, id: string | undefined) {
  const topic = (await listTopics(ctx, { includeRetired: true })).find((t) => t.id === id);
  if (!topic) throw errorResponse(notFound("topic"));
  return { ...topic, labels: JSON.parse(topic.labels) as Record<string, string>, builtIn: isBuiltInTopic(topic) };
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { ctx } = await requireStaff(request, context, "topic:manage");
  const topic = await topicOr404(ctx, params.topicId);
  return { languages: languages(), topic: { id: topic.id, key: topic.key, labels: topic.labels, builtIn: topic.builtIn } };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { ctx } = await requireStaff(request, context, "topic:manage");
  const topic = await topicOr404(ctx, params.topicId);
  if (topic.builtIn) throw errorResponse(notFound("topic"));
  const { submission } = await parseForm(request, topicInput(languages().map((l) => l.code)));
  if (submission.status !== "success") return invalid(submission);
  const saved = await respondTo(() => editTopic(ctx, topic.id, { labels: submission.value.labels }));
  const lng = detectLanguage(request);
  return redirect("/team/topics", {
    headers: { "Set-Cookie": await noticeCookie(context, "mentoring:topics.saved", { name: topicName(getT(lng), lng, saved) }) },
  });
}

export default function TopicEditor() {
  const { t, i18n } = useTranslation("mentoring");
  const { topic, languages } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useAppForm<{ labels: Record<string, string> }>({
    id: "topic",
    lastResult: actionData?.result,
    defaultValue: { labels: topic.labels },
  });
  const labels = fields.labels.getFieldset();
  const name = topicName(t, i18n.language, { key: topic.key, labels: JSON.stringify(topic.labels) });

  return (
    <>
      <BackLink to="/team/topics">{t("topics.back")}</BackLink>
      <PageHeading>{t("topics.editHeading", { name })}</PageHeading>
      {topic.builtIn ? (
        <p>{t("topics.builtInNote")}</p>
      ) : (
        <>
          <ErrorSummary errors={formErrors(form)} />
          <Form method="post" {...formProps(form)}>
            {languages.map((language) => (
              <TextField key={language.code} {...fieldProps(labels[language.code])} label={<LabelIn language={language} />} width="long" />
            ))}
            <Button type="submit" variant="primary">
              {t("topics.save")}
            </Button>
          </Form>
        </>
      )}
    </>
  );
}
