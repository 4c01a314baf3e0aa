// My calendar link: a secret address a calendar app subscribes to, shown once when created. Replace it when it
// may have been seen by others; revoke it to stop the feed.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { createCalendarToken, hasCalendarFeed, revokeCalendarToken } from "~/capabilities/scheduling/calendar.server";
import { AppError } from "~/lib/errors";
import { Button } from "~/ui/kit/Button";
import "~/ui/CallbackRequest/CallbackRequest.css";
import { PageHeading } from "~/ui/kit/Layout";
import { errorResponse } from "~/web/errors.server";
import type { RouteHandle } from "~/web/handle";
import { requireStaff } from "~/web/session.server";
import { readForm } from "~/web/forms.server";

export const handle: RouteHandle = { titleKey: "callbacks:calendar.title", hydrate: true };

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { ctx } = await requireStaff(request, context, "team:view");
  return { active: await hasCalendarFeed(ctx) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { ctx } = await requireStaff(request, context, "team:view");
  const intent = (await readForm(request)).get("intent");
  if (intent === "create") {
    const token = await createCalendarToken(ctx);
    // Shown once, on this answer only: never stored readable, never cached.
    return data({ url: `${context.services.config.publicUrl}/calendar/${token}.ics`, revoked: false }, { headers: { "Cache-Control": "no-store" } });
  }
  if (intent === "revoke") {
    await revokeCalendarToken(ctx);
    return { url: null, revoked: true };
  }
  throw errorResponse(new AppError(400, "errors.page.400.body"));
}

export default function Calendar() {
  const { t } = useTranslation("callbacks");
  const { active } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  return (
    <>
      <PageHeading>{t("calendar.heading")}</PageHeading>
      <p>{t("calendar.intro")}</p>
      <p>{t("calendar.privacy")}</p>
      {answer?.url ? (
        <section aria-labelledby="calendar-link" className="callback-panel" role="status">
          <h2 id="calendar-link">{t("calendar.yourLink")}</h2>
          <p>{t("calendar.onlyOnce")}</p>
          <p>
            <code dir="ltr" className="calendar-url" data-testid="calendar-url">
              {answer.url}
            </code>
          </p>
        </section>
      ) : null}
      {answer?.revoked ? (
        <p role="status" className="notice">
          {t("calendar.revoked")}
        </p>
      ) : null}
      <p>{active ? t("calendar.active") : t("calendar.none")}</p>
      <Form method="post">
        <input type="hidden" name="intent" value="create" />
        <Button type="submit">{active ? t("calendar.replace") : t("calendar.create")}</Button>
      </Form>
      {active ? (
        <Form method="post">
          <input type="hidden" name="intent" value="revoke" />
          <Button type="submit" variant="danger">
            {t("calendar.revoke")}
          </Button>
        </Form>
      ) : null}
    </>
  );
}
