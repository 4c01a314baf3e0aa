// Citizen: the places that offer digital consultation hours, what they help with, and the phone as the other way.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { categoryName } from "~/i18n/own-labels";
import { listCategories } from "~/capabilities/helpdesk/categories.server";
import { useRootData } from "~/ui/root-data";
import { PageHeading } from "~/ui/kit/Layout";
import { Link } from "~/ui/kit/Link";
import { CitizenShell } from "~/ui/Shell/CitizenShell";
import { PhoneNumber } from "~/ui/Shell/PhoneNumber";
import { bookablePlaces } from "~/capabilities/scheduling/online-booking.server";
import type { RouteHandle } from "~/web/handle";
import { withActor } from "~/context";

export const handle: RouteHandle = { titleKey: "booking:places.title" };

export async function loader({ context }: LoaderFunctionArgs) {
  const [places, categories] = await Promise.all([
    bookablePlaces(context.services),
    listCategories(withActor(context.services, { kind: "citizen" })),
  ]);
  return { places, categories: categories.map(({ key, labels }) => ({ key, labels })) };
}

export default function BookPlaces() {
  const { t, i18n } = useTranslation("booking");
  const { places, categories } = useLoaderData<typeof loader>();
  const root = useRootData();
  const topicName = (key: string) => {
    const category = categories.find((c) => c.key === key);
    return category ? categoryName(t, i18n.language, category) : t(`helpdesk:category.${key}`, { defaultValue: key });
  };
  return (
    <CitizenShell>
      <PageHeading>{t("places.heading")}</PageHeading>
      <p className="lead">{t("places.intro")}</p>
      <ul className="card-list">
        {places.map((place) => (
          <li key={place.id} className="card">
            <h2>
              <Link to={`/book/${place.slug}`}>{t("places.choose", { place: place.name })}</Link>
            </h2>
            <p>
              {place.street}, {place.postalCode} {place.city}
            </p>
            <p>
              {place.topics.length
                ? t("places.helpWith", { topics: place.topics.map(topicName).join(", ") })
                : t("places.helpAll")}
            </p>
          </li>
        ))}
      </ul>
      {places.length === 0 ? <p>{t("places.none")}</p> : null}
      <section aria-labelledby="phone-heading" className="callout">
        <h2 id="phone-heading">{t("places.phoneHeading")}</h2>
        <p>{t("places.phoneBody")}</p>
        {root ? <PhoneNumber phone={root.programmePhone} /> : null}
      </section>
      <p>
        <Link to="/appointment">{t("places.manage")}</Link>
      </p>
    </CitizenShell>
  );
}
