// Staff taking a call from someone new: the number they already typed (hidden), first name, language, and — for
// mobiles — SMS or call. Landlines cannot receive SMS, so there is nothing to choose. Used by every phone intake.
import type { FieldMetadata } from "@conform-to/react";
import { useTranslation } from "react-i18next";
import { RadioGroup } from "~/ui/kit/RadioGroup";
import { Select } from "~/ui/kit/Select";
import { TextField } from "~/ui/kit/TextField";
import { fieldProps } from "~/ui/kit/forms";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Field = FieldMetadata<any, any, string[]>;

export function NewCallerFields({
  person,
  phoneE164,
  landline,
  languages,
  texts,
}: {
  /** The form's fieldset for the new person: phone, firstName, language, contactPreference. */
  person: Record<"phone" | "firstName" | "language" | "contactPreference", Field>;
  phoneE164: string;
  landline: boolean;
  languages: { code: string; name: string }[];
  texts: { firstName: string; language: string; contact: string; landlineHint: string };
}) {
  const { t } = useTranslation();
  return (
    <>
      <input type="hidden" name={person.phone.name} value={phoneE164} />
      <TextField {...fieldProps(person.firstName)} label={texts.firstName} autoComplete="off" width="long" autoFocus />
      <Select {...fieldProps(person.language)} label={texts.language} options={languages.map((l) => ({ value: l.code, label: l.name }))} />
      {landline ? (
        <>
          <input type="hidden" name={person.contactPreference.name} value="voice" />
          <p>{texts.landlineHint}</p>
        </>
      ) : (
        <RadioGroup
          {...fieldProps(person.contactPreference)}
          label={texts.contact}
          inline
          options={["sms", "voice"].map((c) => ({ value: c, label: t(`common:channel.${c}`) }))}
        />
      )}
    </>
  );
}
