// Staff intake's tick: "I read the privacy notice out; the caller agrees to SMS and calls about the request". Ticked,
// the capability records the consent with channel phone and the staff member's name (decision 033).
import type { FieldMetadata } from "@conform-to/react";
import { useTranslation } from "react-i18next";
import { Checkbox } from "~/ui/kit/Checkbox";
import { checkboxProps } from "~/ui/kit/forms";
import { useRootData } from "~/ui/root-data";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function NoticeReadCheckbox({ field }: { field: FieldMetadata<any, any, string[]> }) {
  const { t } = useTranslation("privacy");
  const months = useRootData()?.privacyPeriods.requestMonths ?? 12;
  return (
    <Checkbox {...checkboxProps(field)} description={t("intake.noticeReadHint", { months })}>
      {t("intake.noticeRead")}
    </Checkbox>
  );
}
