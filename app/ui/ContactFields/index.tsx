// The four questions every citizen form asks, wired once: first name, phone number, language, and SMS or call.
// Default wording is the problem report's (citizen namespace); a page may pass its own texts.
import type { FieldMetadata } from "@conform-to/react";
import { useTranslation } from "react-i18next";
import { useRootData } from "~/ui/root-data";
import { RadioGroup } from "~/ui/kit/RadioGroup";
import { Select } from "~/ui/kit/Select";
import { TextField } from "~/ui/kit/TextField";
import { fieldProps } from "~/ui/kit/forms";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Field = FieldMetadata<any, any, string[]>;

export interface ContactTexts {
  firstName: string;
  firstNameHint?: string;
  phone: string;
  phoneHint?: string;
  language: string;
  languageHint?: string;
  contact: string;
  sms: string;
  smsHint?: string;
  voice: string;
  voiceHint?: string;
}

export function ContactFields({
  fields,
  texts = {},
}: {
  /** Conform's fields of the page's form; it must have firstName, phone, language and contactPreference. */
  fields: { [name: string]: Field };
  texts?: Partial<ContactTexts>;
}) {
  const { t, i18n } = useTranslation("citizen");
  const root = useRootData();
  const text: ContactTexts = {
    firstName: t("report.firstName"),
    firstNameHint: t("report.firstNameHint"),
    phone: t("report.phone"),
    phoneHint: t("report.phoneHint"),
    language: t("report.language"),
    languageHint: t("report.languageHint"),
    contact: t("report.contact"),
    sms: t("report.contactSms"),
    smsHint: t("report.contactSmsHint"),
    voice: t("report.contactVoice"),
    voiceHint: t("report.contactVoiceHint"),
    ...texts,
  };
  const field = (name: string) => {
    const found = fields[name];
    if (!found) throw new Error(`ContactFields needs a "${name}" field`);
    return found;
  };
  const language = fieldProps(field("language"));
  const contact = fieldProps(field("contactPreference"));
  return (
    <>
      <TextField
        {...fieldProps(field("firstName"))}
        label={text.firstName}
        description={text.firstNameHint}
        autoComplete="given-name"
        width="medium"
      />
      <TextField
        {...fieldProps(field("phone"))}
        label={text.phone}
        description={text.phoneHint}
        type="tel"
        inputMode="tel"
        autoComplete="tel"
        width="medium"
      />
      <Select
        {...language}
        defaultValue={language.defaultValue ?? root?.lng ?? i18n.language}
        label={text.language}
        description={text.languageHint}
        options={(root?.languages ?? []).map((l) => ({ value: l.code, label: l.name }))}
      />
      <RadioGroup
        {...contact}
        defaultValue={contact.defaultValue ?? "sms"}
        label={text.contact}
        options={[
          { value: "sms", label: text.sms, description: text.smsHint },
          { value: "voice", label: text.voice, description: text.voiceHint },
        ]}
      />
    </>
  );
}
