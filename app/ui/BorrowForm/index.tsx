// The public "borrow a tablet" form: who, how to reach them, where, what they want to learn, and what we store.
// Plain fields that submit without JavaScript; answers and errors come back from the server.
import type { FieldMetadata } from "@conform-to/react";
import { useTranslation } from "react-i18next";
import { Button } from "~/ui/Button";
import { RadioGroup } from "~/ui/RadioGroup";
import { Select } from "~/ui/Select";
import { TextField } from "~/ui/TextField";
import { fieldProps } from "~/ui/forms";

/** The form's fields, as the server's AskToBorrowInput reads them. */
export type BorrowFields = Record<"firstName" | "phone" | "language" | "contactPreference" | "locationId" | "wishes", string>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Fields = Record<keyof BorrowFields, FieldMetadata<any, any, string[]>>;

export interface BorrowPlace {
  id: string;
  name: string;
  kind: string;
  street: string;
  postalCode: string;
  city: string;
}

export function BorrowForm({
  fields,
  locations,
  languages,
}: {
  fields: Fields;
  locations: BorrowPlace[];
  languages: { code: string; name: string }[];
}) {
  const { t, i18n } = useTranslation("waitlist");
  const language = fieldProps(fields.language);
  const contact = fieldProps(fields.contactPreference);
  return (
    <>
      <TextField
        {...fieldProps(fields.firstName)}
        label={t("citizen:report.firstName")}
        description={t("citizen:report.firstNameHint")}
        autoComplete="given-name"
        width="medium"
      />
      <TextField
        {...fieldProps(fields.phone)}
        label={t("citizen:report.phone")}
        description={t("citizen:report.phoneHint")}
        type="tel"
        inputMode="tel"
        autoComplete="tel"
        width="medium"
      />
      <RadioGroup
        {...fieldProps(fields.locationId)}
        label={t("borrow.place")}
        description={t("borrow.placeHint")}
        options={locations.map((l) => ({
          value: l.id,
          label: l.name,
          description: `${t(`common:locationKind.${l.kind}`)} · ${l.street}, ${l.postalCode} ${l.city}`,
        }))}
      />
      <Select
        {...language}
        defaultValue={language.defaultValue ?? i18n.language}
        label={t("citizen:report.language")}
        description={t("citizen:report.languageHint")}
        options={languages.map((l) => ({ value: l.code, label: l.name }))}
      />
      <RadioGroup
        {...contact}
        defaultValue={contact.defaultValue ?? "sms"}
        label={t("citizen:report.contact")}
        options={[
          { value: "sms", label: t("citizen:report.contactSms"), description: t("citizen:report.contactSmsHint") },
          { value: "voice", label: t("citizen:report.contactVoice"), description: t("citizen:report.contactVoiceHint") },
        ]}
      />
      <TextField
        {...fieldProps(fields.wishes)}
        label={t("borrow.wishes")}
        description={t("borrow.wishesHint")}
        optional
        multiline
        rows={4}
      />
      <section aria-labelledby="borrow-privacy-heading">
        <h2 id="borrow-privacy-heading">{t("borrow.privacy.heading")}</h2>
        <p>{t("borrow.privacy.what")}</p>
        <p>{t("borrow.privacy.delete")}</p>
      </section>
      <Button type="submit" variant="primary">
        {t("borrow.submit")}
      </Button>
    </>
  );
}
