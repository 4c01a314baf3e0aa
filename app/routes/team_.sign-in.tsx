// Staff sign-in. Works without JavaScript; failures come back with the e-mail kept and an error summary.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { resumeSession, signIn, SignInInput } from "~/capabilities/people/auth.server";
import { Button } from "~/ui/kit/Button";
import { ErrorSummary } from "~/ui/kit/ErrorSummary";
import { PageHeading } from "~/ui/kit/Layout";
import { TextField } from "~/ui/kit/TextField";
import { CitizenShell } from "~/ui/Shell/CitizenShell";
import { fieldProps, formErrors, useAppForm } from "~/ui/kit/forms";
import { parseForm, invalid } from "~/web/forms.server";
import type { RouteHandle } from "~/web/handle";
import { knownDevice, rememberDevice } from "~/web/known-device.server";
import { allowSignInAttempt, signInFailed, signInSucceeded } from "~/web/rate-limit.server";
import { readSessionToken, sessionCookie, sessionSettings } from "~/web/session.server";

export const handle: RouteHandle = { titleKey: "auth:signIn.title" };

/** Only our own staff pages are valid targets after sign-in (no open redirect). */
function safeRedirect(target: string | undefined): string {
  return target && /^\/team(\/[\w\-/]*)?$/.test(target) ? target : "/team";
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const token = await readSessionToken(request, context);
  if (token) {
    // Already signed in: go straight to work.
    if (await resumeSession(context.services, sessionSettings(context), token)) return redirect("/team");
  }
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { submission } = await parseForm(request, SignInInput);
  if (submission.status !== "success") return invalid(submission, { hideFields: ["password"] });
  const { email, password, redirectTo } = submission.value;

  const attempt = { clientIp: context.clientIp, email, knownDevice: await knownDevice(request, context, email) };
  if (!(await allowSignInAttempt(attempt))) {
    return data({ result: submission.reply({ formErrors: ["auth:errors.tooManyAttempts"], hideFields: ["password"] }) }, { status: 429 });
  }
  const previousToken = await readSessionToken(request, context);
  const session = await signIn(context.services, sessionSettings(context), { email, password, previousToken });
  if (!session) {
    await signInFailed(attempt);
    return data(
      { result: submission.reply({ fieldErrors: { email: ["auth:errors.invalidCredentials"] }, hideFields: ["password"] }) },
      { status: 400 },
    );
  }
  await signInSucceeded(attempt);
  const headers = new Headers();
  headers.append("Set-Cookie", await sessionCookie(context).serialize(session.token));
  headers.append("Set-Cookie", await rememberDevice(request, context, email));
  return redirect(safeRedirect(redirectTo), { headers });
}

export default function SignIn() {
  const { t } = useTranslation("auth");
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const [form, fields] = useAppForm({ id: "sign-in", lastResult: actionData?.result });
  return (
    <CitizenShell>
      <PageHeading>{t("signIn.heading")}</PageHeading>
      {params.get("expired") ? <p className="notice" role="status">{t("signIn.expired")}</p> : null}
      {params.get("signedOut") ? <p className="notice" role="status">{t("signIn.signedOut")}</p> : null}
      <ErrorSummary errors={formErrors(form, fields)} />
      <Form method="post" id={form.id} noValidate className="stack">
        <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? ""} />
        <TextField {...fieldProps(fields.email)} label={t("signIn.email")} type="email" autoComplete="username" />
        <TextField {...fieldProps(fields.password)} label={t("signIn.password")} type="password" autoComplete="current-password" />
        <Button type="submit" variant="primary">
          {t("signIn.submit")}
        </Button>
      </Form>
      <p>{t("signIn.help")}</p>
    </CitizenShell>
  );
}
