// The phone simulator: a citizen's phone as the outbox would reach it (SMS bubbles, spoken calls), and "send as
// the citizen", which goes through the same SMS handler as Twilio's webhook. For testing and training; plain forms
// work without JavaScript. The phone is chosen by a person's id (or a message's id for a number without a person):
// a phone number never goes into the URL.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AppError } from "~/lib/errors";
import { Button } from "~/ui/kit/Button";
import { ErrorSummary } from "~/ui/kit/ErrorSummary";
import { PageHeading } from "~/ui/kit/Layout";
import { Link } from "~/ui/kit/Link";
import { PhoneScreen, useRefreshWhileWaiting } from "~/ui/PhoneScreen";
import { Select } from "~/ui/kit/Select";
import { TextField } from "~/ui/kit/TextField";
import { fieldProps, formErrors, formProps, useAppForm } from "~/ui/kit/forms";
import { errorResponse, respondTo } from "~/web/errors.server";
import { noticeCookie, takeNotice } from "~/web/flash.server";
import { parseForm, formIntent } from "~/web/forms.server";
import type { RouteHandle } from "~/web/handle";
import { NewNumberInput, phoneThread, SimulatedReplyInput, simulateSms, simulatorPeople } from "~/web/phone.server";
import { requireStaff } from "~/web/session.server";
import { attempt, refusalReply } from "~/web/refusals.server";

export const handle: RouteHandle = { titleKey: "phone:page.title", hydrate: true };

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { ctx } = await requireStaff(request, context, "message:view");
  const url = new URL(request.url);
  const selection = { person: url.searchParams.get("person"), message: url.searchParams.get("message") };
  const [people, thread] = await Promise.all([simulatorPeople(ctx), respondTo(() => phoneThread(ctx, selection))]);
  const { notice, headers } = await takeNotice(request, context);
  const waiting = Boolean(thread?.delivering);
  return data({ people, thread, waiting, notice, realPhones: context.services.config.messageProvider === "twilio" }, { headers });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { ctx } = await requireStaff(request, context, "message:view");
  const intent = await formIntent(request);
  if (intent !== "reply" && intent !== "newNumber") throw errorResponse(new AppError(400, "errors.page.400.body"));
  const programmePhone = context.services.config.programmePhone;
  const { submission } = intent === "reply" ? await parseForm(request, SimulatedReplyInput) : await parseForm(request, NewNumberInput);
  if (submission.status !== "success") return data({ intent, result: submission.reply() }, { status: 400 });
  const outcome = await attempt(() => {
    if (intent === "reply") {
      const value = submission.value as { person?: string; message?: string; body: string };
      return simulateSms(ctx, { person: value.person, message: value.message }, value.body, programmePhone);
    }
    const value = submission.value as { phone: { e164: string }; body: string };
    return simulateSms(ctx, { phone: value.phone.e164 }, value.body, programmePhone);
  });
  if (!outcome.ok) return data({ intent, result: refusalReply(submission, outcome.refusal) }, { status: outcome.refusal.status });
  return redirect(outcome.value, { headers: { "Set-Cookie": await noticeCookie(context, "phone:reply.sent") } });
}

export default function PhoneSimulator() {
  const { t } = useTranslation("phone");
  const { people, thread, waiting, notice, realPhones } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  useRefreshWhileWaiting(waiting);
  const result = (intent: string) => (answer?.intent === intent ? answer.result : undefined);
  const [replyForm, replyFields] = useAppForm<{ body: string }>({ id: "reply", lastResult: result("reply") });
  const [newForm, newFields] = useAppForm<{ phone: string; body: string }>({ id: "new-number", lastResult: result("newNumber") });
  const selection = thread?.selection;
  // A sent text leaves an empty box: the forms are drawn afresh when a new message is on the phone.
  const latest = thread?.messages.at(-1)?.id ?? "none";

  return (
    <>
      <PageHeading>{t("page.heading")}</PageHeading>
      <p className="callout">{t("page.banner")}</p>
      {realPhones ? (
        <p className="callout phone-warning" role="note">
          <strong>{t("page.realWarning")}</strong>
        </p>
      ) : null}
      {notice ? (
        <p role="status" className="notice">
          {t(notice.messageKey, notice.params)}
        </p>
      ) : null}

      <section aria-labelledby="choose-heading">
        <h2 id="choose-heading">{t("choose.heading")}</h2>
        <Form method="get">
          <Select
            id="choose-person"
            name="person"
            label={t("choose.person")}
            placeholder={t("choose.placeholder")}
            defaultValue={thread?.person?.id ?? ""}
            options={people.map((p) => ({ value: p.id, label: p.landline ? `${p.label} – ${t("choose.landline")}` : p.label }))}
          />
          <Button type="submit" variant="secondary">
            {t("choose.show")}
          </Button>
        </Form>
      </section>

      {thread && selection ? (
        <>
          <p>
            {t("thread.intro", { who: thread.person?.name ?? t("thread.unknownPerson") })} <span dir="ltr">{thread.phone}</span>
          </p>
          <PhoneScreen heading={t("thread.heading")} messages={thread.messages} />
          <p>
            <Link to={selection.person ? `/team/phone?person=${selection.person}` : `/team/phone?message=${selection.message}`}>{t("thread.refresh")}</Link>
            {thread.person ? (
              <>
                {" · "}
                <Link to={`/team/phone/call?person=${thread.person.id}`}>{t("thread.call")}</Link>
              </>
            ) : null}
          </p>

          <section aria-labelledby="reply-heading">
            <h2 id="reply-heading">{t("reply.heading")}</h2>
            <p>{t("reply.hint")}</p>
            <ErrorSummary errors={formErrors(replyForm)} />
            <Form method="post" {...formProps(replyForm)} key={latest}>
              <input type="hidden" name="intent" value="reply" />
              {selection.person ? <input type="hidden" name="person" value={selection.person} /> : null}
              {selection.message ? <input type="hidden" name="message" value={selection.message} /> : null}
              <TextField {...fieldProps(replyFields.body)} label={t("reply.body")} multiline rows={3} />
              <Button type="submit">{t("reply.submit")}</Button>
            </Form>
          </section>
        </>
      ) : null}

      <section aria-labelledby="new-number-heading">
        <h2 id="new-number-heading">{t("newNumber.heading")}</h2>
        <p>{t("newNumber.hint")}</p>
        <ErrorSummary errors={formErrors(newForm)} />
        <Form method="post" {...formProps(newForm)} key={latest}>
          <input type="hidden" name="intent" value="newNumber" />
          <TextField {...fieldProps(newFields.phone)} label={t("newNumber.phone")} type="tel" width="medium" />
          <TextField {...fieldProps(newFields.body)} label={t("reply.body")} multiline rows={3} />
          <Button type="submit">{t("reply.submit")}</Button>
        </Form>
      </section>
    </>
  );
}
