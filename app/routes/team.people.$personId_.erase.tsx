// Erasure on request (Art. 17): the confirmation names exactly what will be removed and what stays, and why; the
// confirm button erases in one transaction. Coordinators and admins only. Works without JavaScript (a plain form).
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { erasePerson, planErasure } from "~/capabilities/privacy/erasure.server";
import { ErasurePlan } from "~/ui/ErasurePlan";
import { Button, ButtonLink } from "~/ui/kit/Button";
import { DateTime } from "~/ui/kit/DateTime";
import { ErrorSummary } from "~/ui/kit/ErrorSummary";
import { PageHeading } from "~/ui/kit/Layout";
import { BackLink, Link } from "~/ui/kit/Link";
import { AppError } from "~/lib/errors";
import { respondTo } from "~/web/errors.server";
import { noticeCookie } from "~/web/flash.server";
import type { RouteHandle } from "~/web/handle";
import { attempt } from "~/web/refusals.server";
import { requireStaff } from "~/web/session.server";

export const handle: RouteHandle = { titleKey: "tickets:person.erase.title", hydrate: true };

/** Erased before (410): said in words on this page, not as an error page — a second try is a normal thing to do. */
async function unlessErased<T extends object>(body: () => Promise<T>): Promise<T | { alreadyErased: string }> {
  try {
    return await body();
  } catch (error) {
    if (error instanceof AppError && error.status === 410) return { alreadyErased: error.messageKey };
    throw error;
  }
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { ctx } = await requireStaff(request, context, "person:erase");
  const plan = await respondTo(() => unlessErased(() => planErasure(ctx, params.personId!)));
  return "alreadyErased" in plan ? data({ plan: null, gone: plan.alreadyErased }, { status: 410 }) : { plan, gone: null };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { ctx } = await requireStaff(request, context, "person:erase");
  const outcome = await attempt(() => unlessErased(() => erasePerson(ctx, params.personId!)));
  if (!outcome.ok) return data({ error: outcome.refusal.messageKey }, { status: outcome.refusal.status });
  if ("alreadyErased" in outcome.value) return data({ error: outcome.value.alreadyErased }, { status: 410 });
  // Still there while a tablet is out: back to the person, who now shows the pending erasure. Else a page that
  // names no one (nothing personal in the address).
  if (outcome.value.erased === "pending") {
    return redirect(`/team/people/${params.personId}`, { headers: { "Set-Cookie": await noticeCookie(context, "tickets:person.erase.pendingNotice") } });
  }
  return redirect("/team/people/erased");
}

export default function ErasePerson() {
  const { t } = useTranslation("tickets");
  const { plan, gone } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  if (!plan) {
    return (
      <>
        <PageHeading>{t("person.erase.heading")}</PageHeading>
        <p role="status">{t(gone!)}</p>
        <p>
          <Link to="/team">{t("person.erase.done.home")}</Link>
        </p>
      </>
    );
  }
  const back = `/team/people/${plan.person.id}`;
  return (
    <>
      <BackLink to={back}>{t("person.erase.back")}</BackLink>
      <PageHeading caption={plan.person.name}>{t("person.erase.heading")}</PageHeading>
      {answer?.error ? <ErrorSummary errors={[{ message: answer.error }]} /> : null}
      {plan.pendingSince ? (
        <p className="notice" role="status">
          {t("person.erase.pendingSince")} {t("person.erase.pendingSinceLabel")} <DateTime iso={plan.pendingSince} />
        </p>
      ) : null}
      <p>{t("person.erase.intro")}</p>
      <ErasurePlan remove={plan.remove} activeLoans={plan.keep.activeLoans} />
      <Form method="post" className="button-group">
        <Button type="submit" variant="danger">
          {t("person.erase.confirm")}
        </Button>
        <ButtonLink to={back} variant="secondary">
          {t("person.erase.cancel")}
        </ButtonLink>
      </Form>
    </>
  );
}
