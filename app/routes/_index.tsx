// The citizen entry page: what help exists, the three ways in, the places, and the phone number. No JavaScript.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { listPublicLocations } from "~/capabilities/people/locations.server";
import { phoneLink } from "~/lib/phone.server";
import { withActor } from "~/context";
import { PageHeading } from "~/ui/kit/Layout";
import { Link } from "~/ui/kit/Link";
import { CitizenShell } from "~/ui/Shell/CitizenShell";
import { PhoneNumber } from "~/ui/Shell/PhoneNumber";
import { OpeningHours } from "~/ui/OpeningHours";
import type { RouteHandle } from "~/web/handle";

export const handle: RouteHandle = { titleKey: "home:title", offline: { keep: true } };

export async function loader({ context }: LoaderFunctionArgs) {
  const { config } = context.services;
  return { locations: await listPublicLocations(withActor(context.services, { kind: "citizen" })), programmePhone: phoneLink(config.programmePhone) };
}

/** The three ways in, each with its own page (and each also possible by phone). */
const WAYS = [
  { key: "callback", to: "/callback" },
  { key: "consultation", to: "/book" },
  { key: "borrow", to: "/borrow" },
] as const;
const ONLINE = [
  { key: "report", to: "/report" },
  { key: "status", to: "/status" },
  { key: "help", to: "/help" },
] as const;

export default function Home() {
  const { t } = useTranslation("home");
  const { locations, programmePhone } = useLoaderData<typeof loader>();
  return (
    <CitizenShell>
      <PageHeading>{t("heading")}</PageHeading>
      <p className="lead">{t("intro")}</p>

      <section aria-labelledby="ways-heading">
        <h2 id="ways-heading">{t("ways.heading")}</h2>
        <ul className="card-list">
          {WAYS.map(({ key, to }) => (
            <li key={key} className="card">
              <h3>{t(`ways.${key}.title`)}</h3>
              <p>{t(`ways.${key}.body`)}</p>
              <p>{t(`ways.${key}.how`)}</p>
              <p>
                <Link to={to}>{t(`ways.${key}.link`)}</Link>
              </p>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="online-heading">
        <h2 id="online-heading">{t("online.heading")}</h2>
        <ul className="card-list">
          {ONLINE.map(({ key, to }) => (
            <li key={key} className="card">
              <h3>
                <Link to={to}>{t(`online.${key}.title`)}</Link>
              </h3>
              <p>{t(`online.${key}.body`)}</p>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="phone-heading" className="callout">
        <h2 id="phone-heading">{t("phone.heading")}</h2>
        <p>{t("phone.body")}</p>
        <PhoneNumber phone={programmePhone} />
      </section>

      <section aria-labelledby="places-heading">
        <h2 id="places-heading">{t("places.heading")}</h2>
        <ul className="card-list">
          {locations.map((location) => (
            <li key={location.id} className="card">
              <h3>{location.name}</h3>
              <p>{t(`common:locationKind.${location.kind}`)}</p>
              <address>
                {location.street}
                <br />
                {location.postalCode} {location.city}
              </address>
              <PhoneNumber phone={location.phone} label={t("places.phone")} />
              <h4>{t("places.openingHours")}</h4>
              <OpeningHours hours={location.openingHours} />
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="privacy-heading">
        <h2 id="privacy-heading">{t("privacy.heading")}</h2>
        <p>{t("privacy.body")}</p>
        <p>
          <Link to="/privacy/erasure">{t("citizen:erasure.link")}</Link>
        </p>
      </section>
    </CitizenShell>
  );
}
