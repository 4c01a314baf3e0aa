// The simulated call screen: staff call the voice menu as a person (or with a withheld number) and hear — read —
// what the phone would say. Each press posts and re-renders; the same voiceStep as Twilio's webhook answers.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import type { StaffCtx } from "~/context";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { languages } from "~/i18n/locales.server";
import { Button } from "~/ui/kit/Button";
import { CallScreen } from "~/ui/CallScreen";
import { PageHeading } from "~/ui/kit/Layout";
import { Select } from "~/ui/kit/Select";
import { Link } from "~/ui/kit/Link";
import type { RouteHandle } from "~/web/handle";
import { CallPress, callerFor, pressOnCall, recentCallers } from "~/web/phone-call.server";
import { requireStaff } from "~/web/session.server";
import { readForm } from "~/web/forms.server";

export const handle: RouteHandle = { titleKey: "voice:call.title", hydrate: true };

async function callerOr404(ctx: StaffCtx, person: string | null) {
  const caller = await callerFor(ctx, person);
  if (!caller) throw new Response("Not found", { status: 404 });
  return caller;
}

const languageNames = () => Object.fromEntries(languages().map((l) => [l.code, l.name]));

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { ctx } = await requireStaff(request, context, "message:view");
  const person = new URL(request.url).searchParams.get("person");
  const caller = await callerOr404(ctx, person);
  const callers = person ? [] : await recentCallers(ctx);
  return { person: caller.id ?? (caller.withheld ? "withheld" : null), caller: caller.label, withheld: caller.withheld, callers, languageNames: languageNames() };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { ctx } = await requireStaff(request, context, "message:view");
  const form = await readForm(request);
  const person = String(form.get("person") ?? "");
  const caller = await callerOr404(ctx, person || null);
  if (!caller.id && !caller.withheld) throw new Response("Not found", { status: 404 });
  const parsed = CallPress.safeParse(Object.fromEntries([...form].filter(([, v]) => typeof v === "string")));
  if (!parsed.success) return data({ call: null }, { status: 400 });
  const state = await pressOnCall(ctx, context.services, caller, parsed.data);
  return { call: state };
}

export default function PhoneCall() {
  const { t } = useTranslation("voice");
  const { person, caller, withheld, callers, languageNames } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const call = result?.call ?? null;
  return (
    <>
      <PageHeading>{t("call.title")}</PageHeading>
      <p>{t("call.intro")}</p>
      <p>
        <Link to="/team/phone">{t("call.back")}</Link>
      </p>
      {person ? (
        <>
          <p>
            <strong>{t("call.caller")}:</strong> <span dir="auto">{withheld ? t("call.withheld") : caller}</span>
          </p>
          {call ? (
            <CallScreen view={call.view} state={call} person={person} languageNames={languageNames} />
          ) : (
            <Form method="post">
              <input type="hidden" name="person" value={person} />
              <input type="hidden" name="intent" value="start" />
              <Button type="submit">{t("call.start")}</Button>
            </Form>
          )}
        </>
      ) : (
        <Form method="get">
          <Select
            name="person"
            label={t("call.choose")}
            options={[{ value: "withheld", label: t("call.withheld") }, ...callers.map((c) => ({ value: c.id, label: c.label }))]}
          />
          <Button type="submit">{t("call.pick")}</Button>
        </Form>
      )}
    </>
  );
}
