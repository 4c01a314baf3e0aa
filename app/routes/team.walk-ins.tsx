// Walk-ins at a place today: add (the day's next number), call next, done or left without help. Times in the
// place's zone; a large "now serving" line for a screen at the desk.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Button } from "~/ui/kit/Button";
import { PageHeading } from "~/ui/kit/Layout";
import { Select } from "~/ui/kit/Select";
import { AddWalkIn, CallNext, NowServing, QueueList } from "~/ui/WalkInQueue";
import { walkInAction, walkInPage } from "~/web/desk-pages.server";
import { respondTo } from "~/web/errors.server";
import type { RouteHandle } from "~/web/handle";
import { requireStaff } from "~/web/session.server";

export const handle: RouteHandle = { titleKey: "desk:walkIns.title", hydrate: true };

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { ctx } = await requireStaff(request, context, "schedule:view");
  return respondTo(() => walkInPage(ctx, new URL(request.url)));
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { ctx } = await requireStaff(request, context, "appointment:manage");
  return respondTo(() => walkInAction(ctx, request));
}

export default function WalkIns() {
  const { t } = useTranslation("desk");
  const { places, queue } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  if (!queue) return <PageHeading>{t("walkIns.heading")}</PageHeading>;
  const nextError = answer?.intent === "next" ? (answer.result?.error?.[""]?.[0] ?? null) : null;
  return (
    <>
      <PageHeading caption={queue.location.name}>{t("walkIns.heading")}</PageHeading>
      {places.length > 1 ? (
        <Form method="get" className="walk-ins__picker">
          <Select id="walk-ins-location" name="location" label={t("day.location")} defaultValue={queue.location.id} options={places.map((p) => ({ value: p.id, label: p.name }))} />
          <Button type="submit" variant="secondary">
            {t("day.show")}
          </Button>
        </Form>
      ) : null}
      <NowServing entry={queue.nowServing} />
      <p>
        {t("walkIns.summary", { waiting: queue.waiting })}{" "}
        {queue.averageWait === null ? t("walkIns.noAverage") : t("walkIns.average", { minutes: queue.averageWait })}
      </p>
      <CallNext locationId={queue.location.id} error={nextError} waiting={queue.waiting} />
      <AddWalkIn
        locationId={queue.location.id}
        lastResult={answer?.intent === "add" ? answer.result : null}
        added={answer && "added" in answer && typeof answer.added === "number" ? answer.added : null}
      />
      <h2>{t("walkIns.queueHeading")}</h2>
      <QueueList entries={queue.entries} />
    </>
  );
}
