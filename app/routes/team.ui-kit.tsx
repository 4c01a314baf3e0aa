// Every UI component with an example, for designers, developers and the accessibility check.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { UiShowcase } from "~/ui/kit/Showcase";
import { PageHeading } from "~/ui/kit/Layout";
import { useTranslation } from "react-i18next";
import type { RouteHandle } from "~/web/handle";
import { requireStaff } from "~/web/session.server";

export const handle: RouteHandle = { titleKey: "ui:showcase.title", hydrate: true };

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireStaff(request, context, "team:view");
  return null;
}

export default function UiKit() {
  const { t } = useTranslation("ui");
  return (
    <>
      <PageHeading>{t("showcase.title")}</PageHeading>
      <UiShowcase />
    </>
  );
}
