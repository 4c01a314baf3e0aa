// "Name auf Deutsch / English / العربية": the label of one language's name field, with the language's own name
// marked up in that language (screen readers switch voice; Arabic runs right to left).
import { Trans, useTranslation } from "react-i18next";
import type { Language } from "~/i18n/languages";

export function LabelIn({ language }: { language: Language }) {
  const { t } = useTranslation("content");
  return (
    <Trans
      t={t}
      i18nKey="categories.labelIn"
      values={{ language: language.name }}
      components={{ lang: <span lang={language.code} dir={language.dir} /> }}
    />
  );
}
