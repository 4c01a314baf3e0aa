// The public "borrow a tablet" form: who, how to reach them, where, what they want to learn, and what we store.
// Plain fields that submit without JavaScript; answers and errors come back from the server.
import type { FieldMetadata } from "@conform-to/react";
import { useTranslation } from "react-i18next";
import { Button } from "~/ui/kit/Button";
import { ContactFields } from "~/ui/ContactFields";
import { RadioGroup } from "~/ui/kit/RadioGroup";

import { TextField } from "~/ui/kit/TextField";
import { fieldProps } from "~/ui/kit/forms";
import { PrivacyNotice } from "~/ui/PrivacyNotice";

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

export function BorrowForm({ fields, locations }: { fields: Fields; locations: BorrowPlace[] }) {
  const { t } = useTranslation("waitlist");
  return (
    <>
      <ContactFields fields={fields} />
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
      <TextField
        {...fieldProps(fields.wishes)}
        label={t("borrow.wishes")}
        description={t("borrow.wishesHint")}
        optional
        multiline
        rows={4}
      />
      <PrivacyNotice />
      <Button type="submit" variant="primary">
        {t("borrow.submit")}
      </Button>
    </>
  );
}
