// Staff home: who you are, your places, and what is waiting.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { listLocationsFor } from "~/capabilities/people/locations.server";
import { can } from "~/capabilities/people/permissions";
import { countOutbox } from "~/capabilities/messaging/outbox.server";
import { ButtonLink } from "~/ui/kit/Button";
import { PageHeading } from "~/ui/kit/Layout";
import type { RouteHandle } from "~/web/handle";
import { requireStaff } from "~/web/session.server";

export const handle: RouteHandle = { titleKey: "team:home.title", hydrate: true, offline: { keep: true } };

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { ctx, actor } = await requireStaff(request, context, "team:view");
  const locations = await listLocationsFor(ctx);
  const outbox = can(actor, "message:view") ? await countOutbox(ctx) : null;
  const lending = { today: can(actor, "loan:view"), programme: can(actor, "topic:manage") };
  return {
    name: actor.name,
    role: actor.role,
    locations: locations.map(({ id, name }) => ({ id, name })),
    outbox,
    lending,
    callbacks: can(actor, "callback:manage"),
  };
}

export default function TeamHome() {
  const { t } = useTranslation("team");
  const { name, role, locations, outbox, lending, callbacks } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeading>{t("home.heading", { name })}</PageHeading>
      <p>{t("home.role", { role: t(`common:role.${role}`) })}</p>

      {lending.today ? (
        <p>
          <ButtonLink to="/team/today">{t("today:homeLink")}</ButtonLink>
        </p>
      ) : null}
      {lending.programme ? (
        <p>
          <Link to="/team/mentoring">{t("mentoring:report.homeLink")}</Link> · <Link to="/team/topics">{t("mentoring:topics.homeLink")}</Link>
        </p>
      ) : null}

      <section aria-labelledby="my-locations">
        <h2 id="my-locations">{t("home.locations")}</h2>
        {locations.length ? (
          <ul>
            {locations.map((l) => (
              <li key={l.id}>{l.name}</li>
            ))}
          </ul>
        ) : (
          <p>{t("home.noLocations")}</p>
        )}
        <p>
          <Link to="/team/locations">{t("home.allLocations")}</Link>
        </p>
      </section>

      <section aria-labelledby="my-callbacks">
        <h2 id="my-callbacks">{t("callbacks:home.heading")}</h2>
        <ul>
          {callbacks ? (
            <li>
              <Link to="/team/callbacks">{t("callbacks:home.due")}</Link>
            </li>
          ) : null}
          <li>
            <Link to="/team/calendar">{t("callbacks:home.calendar")}</Link>
          </li>
        </ul>
      </section>

      {outbox ? (
        <section aria-labelledby="outbox-summary">
          <h2 id="outbox-summary">{t("home.outbox")}</h2>
          <p>{t("home.outboxCounts", { waiting: outbox.waiting, today: outbox.sentToday })}</p>
          <p>
            <Link to="/team/outbox">{t("home.openOutbox")}</Link>
          </p>
        </section>
      ) : null}
    </>
  );
}
