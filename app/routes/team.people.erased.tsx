// After an erasure: it is done. Names no one — the person is gone, and nothing personal goes into the address.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { useTranslation } from "react-i18next";
import { PageHeading } from "~/ui/kit/Layout";
import { Link } from "~/ui/kit/Link";
import type { RouteHandle } from "~/web/handle";
import { requireStaff } from "~/web/session.server";

export const handle: RouteHandle = { titleKey: "tickets:person.erase.done.title" };

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireStaff(request, context, "person:erase");
  return null;
}

export default function Erased() {
  const { t } = useTranslation("tickets");
  return (
    <>
      <PageHeading>{t("person.erase.done.heading")}</PageHeading>
      <p role="status">{t("person.erase.done.body")}</p>
      <p>
        <Link to="/team">{t("person.erase.done.home")}</Link>
      </p>
    </>
  );
}
