// "Stand Ihrer Anfrage": reference code + last 4 digits → status and our last message, in the page's language.
// No JavaScript. The answer is rendered from the action (the code never goes into a URL); a wrong code and wrong
// digits get the same answer; lookups that find nothing are rate-limited per address.
import type { ActionFunctionArgs, HeadersFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { checkTicketStatus, StatusCheckInput } from "~/capabilities/helpdesk/status-check.server";
import { useRootData } from "~/ui/root-data";
import { Button } from "~/ui/kit/Button";
import { DateTime } from "~/ui/kit/DateTime";
import { ErrorSummary } from "~/ui/kit/ErrorSummary";
import { PageHeading } from "~/ui/kit/Layout";
import { Link } from "~/ui/kit/Link";
import { CitizenShell } from "~/ui/Shell/CitizenShell";
import { PhoneNumber } from "~/ui/Shell/PhoneNumber";
import { TextField } from "~/ui/kit/TextField";
import { fieldProps, formErrors, formProps, useAppForm } from "~/ui/kit/forms";
import { invalid, parseForm } from "~/web/forms.server";
import type { RouteHandle } from "~/web/handle";
import { allowStatusCheck, statusCheckFound } from "~/web/rate-limit.server";
import { withActor } from "~/context";

export const handle: RouteHandle = { titleKey: "citizen:status.title", offline: { keep: true } };

/** What the citizen sees after a successful lookup: nothing more than the status and our last public message. */
interface StatusView {
  reference: string;
  status: string;
  lastMessage: { parts: MessagePart[]; at: string } | null;
}

/** A message as text, with the links to our own guides (sent along with a reply) as links. */
type MessagePart = { text: string } | { guide: string; address: string };

function messageParts(body: string, publicUrl: string): MessagePart[] {
  const escaped = publicUrl.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const guide = new RegExp(`${escaped}(/help/[a-z0-9]+(?:-[a-z0-9]+)*(?:/leichte-sprache)?)`, "g");
  const parts: MessagePart[] = [];
  let at = 0;
  for (const match of body.matchAll(guide)) {
    if (match.index > at) parts.push({ text: body.slice(at, match.index) });
    parts.push({ guide: match[1]!, address: match[0] });
    at = match.index + match[0].length;
  }
  if (at < body.length) parts.push({ text: body.slice(at) });
  return parts;
}

// A status answer is for this person only: no cache keeps it.
export const headers: HeadersFunction = () => ({ "Cache-Control": "no-store" });

export async function action({ request, context }: ActionFunctionArgs) {
  const { submission } = await parseForm(request, StatusCheckInput);
  if (submission.status !== "success") return invalid(submission);

  if (!(await allowStatusCheck(context.clientIp))) {
    return data({ result: submission.reply({ formErrors: ["citizen:status.tooMany"] }), found: null }, { status: 429 });
  }
  const found = await checkTicketStatus(withActor(context.services, { kind: "citizen" }), submission.value);
  if (!found) {
    // Same words, same status, whether the code or the digits were wrong.
    return data(
      { result: submission.reply({ formErrors: ["citizen:status.notFound"] }), found: null },
      { status: 400 }
    );
  }
  await statusCheckFound(context.clientIp);
  return {
    result: submission.reply(),
    found: {
      reference: found.reference,
      status: found.status,
      lastMessage: found.lastMessage
        ? { parts: messageParts(found.lastMessage.body, context.services.config.publicUrl), at: found.lastMessage.at.toISOString() }
        : null,
    } satisfies StatusView,
  };
}

export default function Status() {
  const { t } = useTranslation("citizen");
  const root = useRootData();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useAppForm({ id: "status", lastResult: actionData?.result });
  // Invalid forms answer without `found`; the union of the action's answers is easier to read than to infer.
  const found = (actionData as { found?: StatusView | null } | undefined)?.found ?? null;
  const failed = Boolean(form.errors?.length);

  return (
    <CitizenShell>
      <PageHeading>{t("status.heading")}</PageHeading>
      <ErrorSummary errors={formErrors(form)} />
      {failed && root ? <PhoneNumber phone={root.programmePhone} label={t("status.callUs")} /> : null}

      {found ? (
        <section aria-labelledby="result-heading" className="callout">
          <h2 id="result-heading">{t("status.result.heading", { reference: found.reference })}</h2>
          <dl>
            <dt>{t("status.result.status")}</dt>
            <dd>
              <strong>{t(`helpdesk:status.${found.status}`)}</strong>
              <br />
              {t(`status.explain.${found.status}`, { defaultValue: "" })}
            </dd>
            <dt>{t("status.result.lastMessage")}</dt>
            <dd>
              {found.lastMessage ? (
                <>
                  <DateTime iso={found.lastMessage.at} />
                  <br />
                  <span dir="auto">
                    {found.lastMessage.parts.map((part, i) =>
                      "guide" in part ? (
                        <Link key={i} to={part.guide} dir="ltr">
                          {part.address}
                        </Link>
                      ) : (
                        <span key={i}>{part.text}</span>
                      )
                    )}
                  </span>
                </>
              ) : (
                t("status.result.noMessage")
              )}
            </dd>
          </dl>
          <p>
            <Link to="/status">{t("status.result.checkAnother")}</Link>
          </p>
        </section>
      ) : (
        <>
          <p>{t("status.intro")}</p>
          <Form method="post" {...formProps(form)}>
            <TextField
              {...fieldProps(fields.reference)}
              label={t("status.reference")}
              description={t("status.referenceHint")}
              autoComplete="off"
              width="short"
            />
            <TextField
              {...fieldProps(fields.phoneLast4)}
              label={t("status.last4")}
              description={t("status.last4Hint")}
              inputMode="numeric"
              autoComplete="off"
              width="short"
            />
            <Button type="submit" variant="primary">
              {t("status.submit")}
            </Button>
          </Form>
        </>
      )}
    </CitizenShell>
  );
}
