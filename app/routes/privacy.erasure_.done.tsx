// After asking for erasure: what happens next. The same page whether the number is known or not, and nothing in it
// (or its address) says which.
import { useTranslation } from "react-i18next";
import { useRootData } from "~/ui/root-data";
import { PageHeading } from "~/ui/kit/Layout";
import { CitizenShell } from "~/ui/Shell/CitizenShell";
import { PhoneNumber } from "~/ui/Shell/PhoneNumber";
import type { RouteHandle } from "~/web/handle";

export const handle: RouteHandle = { titleKey: "citizen:erasure.done.title" };

export default function ErasureRequested() {
  const { t } = useTranslation("citizen");
  const root = useRootData();
  return (
    <CitizenShell>
      <PageHeading>{t("erasure.done.heading")}</PageHeading>
      <p className="lead">{t("erasure.done.body")}</p>
      {root ? <PhoneNumber phone={root.programmePhone} label={t("erasure.done.noMessage")} /> : null}
    </CitizenShell>
  );
}
