// Correcting a person's details (GDPR Art. 16): for staff who may see the person; each change is audit-logged.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { correctPerson, CorrectPersonInput } from "~/capabilities/people/rectification.server";
import { PersonForm } from "~/ui/PersonForm";
import { PageHeading } from "~/ui/kit/Layout";
import { BackLink } from "~/ui/kit/Link";
import { respondTo } from "~/web/errors.server";
import { noticeCookie } from "~/web/flash.server";
import { invalid, parseForm } from "~/web/forms.server";
import { personEditPage } from "~/web/person-page.server";
import type { RouteHandle } from "~/web/handle";
import { attempt, refusalReply } from "~/web/refusals.server";
import { requireStaff } from "~/web/session.server";

export const handle: RouteHandle = { titleKey: "tickets:person.edit.title", hydrate: true };

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { ctx } = await requireStaff(request, context, "person:manage");
  return respondTo(() => personEditPage(ctx, params.personId!));
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { ctx } = await requireStaff(request, context, "person:manage");
  const { submission } = await parseForm(request, CorrectPersonInput);
  if (submission.status !== "success") return invalid(submission);
  const outcome = await respondTo(() => attempt(() => correctPerson(ctx, params.personId!, submission.value)));
  if (!outcome.ok) return data({ result: refusalReply(submission, outcome.refusal) }, { status: outcome.refusal.status });
  const messageKey = outcome.value.length ? "tickets:person.edit.saved" : "tickets:person.edit.unchanged";
  return redirect(`/team/people/${params.personId}`, { headers: { "Set-Cookie": await noticeCookie(context, messageKey) } });
}

export default function EditPerson() {
  const { t } = useTranslation("tickets");
  const { id, name, values, languages } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  return (
    <>
      <BackLink to={`/team/people/${id}`}>{t("person.edit.back")}</BackLink>
      <PageHeading caption={name}>{t("person.edit.heading")}</PageHeading>
      <p>{t("person.edit.intro")}</p>
      <PersonForm lastResult={answer?.result} defaultValue={values} languages={languages} />
    </>
  );
}
