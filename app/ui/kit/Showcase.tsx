// One example of every UI component, for designers, developers and the automated accessibility check.
// Rendered inside the page's <main>; the page frame (skip link, header, footer) comes from the shell.
import { useLocation } from "@remix-run/react";
import { useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Button, ButtonLink } from "./Button";
import { Checkbox, CheckboxGroup } from "./Checkbox";
import { DateField, NativeDateInput, TimeField } from "./DateField";
import { ConfirmDialog } from "./Dialog";
import { ErrorSummary } from "./ErrorSummary";
import { LanguageSwitcher } from "./Layout";
import { BackLink, Link } from "./Link";
import { RadioGroup } from "./RadioGroup";
import { Select } from "./Select";
import { DataTable, Pagination } from "./Table";
import { TextField } from "./TextField";

const EXAMPLE_LANGUAGES = [
  { code: "de", name: "Deutsch", dir: "ltr" as const },
  { code: "en", name: "English", dir: "ltr" as const },
  { code: "ar", name: "العربية", dir: "rtl" as const },
];

function Example({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  const headingId = `showcase-${id}-heading`;
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      {children}
    </section>
  );
}

export function UiShowcase() {
  const { t } = useTranslation("ui");
  const { pathname } = useLocation();
  const [dialogOpen, setDialogOpen] = useState(false);
  const [confirmed, setConfirmed] = useState(false);

  // Error keys, as a schema or action would return them; the components translate them.
  const nameError = "ui:showcase.errors.name";
  const contactError = "ui:showcase.errors.contact";

  return (
    <div>
      <p>{t("showcase.intro")}</p>

      <Example id="errors" title={t("showcase.errorSummary.title")}>
        <ErrorSummary
          autoFocus={false}
          errors={[
            { fieldId: "showcase-name", message: nameError },
            { fieldId: "showcase-contact", message: contactError },
          ]}
        />
      </Example>

      <Example id="form" title={t("showcase.form.title")}>
        {/* GET to this page: trying the form changes nothing on the server. */}
        <form method="get" noValidate>
          <TextField id="showcase-name" name="name" label={t("showcase.form.name")} autoComplete="name" errors={[nameError]} />
          <TextField
            id="showcase-phone"
            name="phone"
            type="tel"
            inputMode="tel"
            autoComplete="tel"
            width="medium"
            label={t("showcase.form.phone")}
            description={t("showcase.form.phoneHint")}
          />
          <RadioGroup
            id="showcase-contact"
            name="contact"
            label={t("showcase.form.contact")}
            errors={[contactError]}
            options={[
              { value: "sms", label: t("showcase.form.contactSms"), description: t("showcase.form.contactSmsHint") },
              { value: "call", label: t("showcase.form.contactCall") },
            ]}
          />
          <Select
            id="showcase-location"
            name="location"
            label={t("showcase.form.location")}
            placeholder={t("showcase.form.locationPlaceholder")}
            defaultValue=""
            options={[
              { value: "library", label: t("showcase.form.locationLibrary") },
              { value: "centre", label: t("showcase.form.locationCentre") },
            ]}
          />
          <CheckboxGroup
            id="showcase-checklist"
            name="checklist"
            label={t("showcase.form.checklist")}
            description={t("showcase.form.checklistHint")}
            defaultValue={["charged"]}
            options={[
              { value: "charged", label: t("showcase.form.checklistCharged") },
              { value: "charger", label: t("showcase.form.checklistCharger") },
              { value: "case", label: t("showcase.form.checklistCase") },
            ]}
          />
          <Checkbox id="showcase-agreement" name="agreement" description={t("showcase.form.agreementHint")}>
            {t("showcase.form.agreement")}
          </Checkbox>
          <DateField id="showcase-due" name="dueDate" label={t("showcase.form.dueDate")} defaultValue="2025-06-30" />
          <TimeField id="showcase-time" name="time" label={t("showcase.form.time")} defaultValue="14:30" />
          <NativeDateInput
            id="showcase-visit"
            name="visitDate"
            label={t("showcase.form.visitDate")}
            description={t("showcase.form.visitDateHint")}
          />
          <TextField id="showcase-message" name="message" multiline optional label={t("showcase.form.message")} />
          <Button type="submit">{t("showcase.form.submit")}</Button>
        </form>
      </Example>

      <Example id="buttons" title={t("showcase.buttons.title")}>
        <div className="button-group">
          <Button variant="primary">{t("showcase.buttons.primary")}</Button>
          <Button variant="secondary">{t("showcase.buttons.secondary")}</Button>
          <Button variant="danger">{t("showcase.buttons.danger")}</Button>
          <Button variant="link">{t("showcase.buttons.link")}</Button>
          <ButtonLink to="/team" variant="secondary">
            {t("showcase.buttons.buttonLink")}
          </ButtonLink>
        </div>
      </Example>

      <Example id="links" title={t("showcase.links.title")}>
        <p>
          <BackLink to="/team" />
        </p>
        <p>
          <Link to="/team/outbox">{t("showcase.links.internal")}</Link>
        </p>
        <p>
          <Link to="https://www.berlin.de/">{t("showcase.links.external")}</Link>
        </p>
      </Example>

      <Example id="languages" title={t("showcase.languages.title")}>
        <LanguageSwitcher
          languages={EXAMPLE_LANGUAGES}
          current={EXAMPLE_LANGUAGES[0].code}
          pathname={pathname}
          label={t("showcase.languages.label")}
        />
      </Example>

      <Example id="table" title={t("showcase.table.title")}>
        <DataTable
          caption={t("showcase.table.caption")}
          emptyText={t("showcase.table.empty")}
          columns={[
            { key: "tag", header: t("showcase.table.tag"), isRowHeader: true },
            { key: "model", header: t("showcase.table.model") },
            { key: "status", header: t("showcase.table.status") },
            { key: "due", header: t("showcase.table.due"), align: "end" },
          ]}
          rows={[
            { tag: "DA-0017", model: "Tablet 10″", status: t("showcase.table.statusLent"), due: "30.06.2025" },
            { tag: "DA-0023", model: "Tablet 8″", status: t("showcase.table.statusAvailable"), due: "–" },
            { tag: "DA-0042", model: "Smartphone", status: t("showcase.table.statusRepair"), due: "–" },
          ]}
        />
        <Pagination page={2} pageCount={5} hrefFor={(page) => `${pathname}?page=${page}`} />
      </Example>

      <Example id="dialog" title={t("showcase.dialog.title")}>
        <Button variant="secondary" onPress={() => setDialogOpen(true)}>
          {t("showcase.dialog.open")}
        </Button>
        {/* The live region exists from the start, so the change inside it is announced. */}
        <div role="status">{confirmed ? <p>{t("showcase.dialog.done")}</p> : null}</div>
        <ConfirmDialog
          isOpen={dialogOpen}
          onOpenChange={setDialogOpen}
          title={t("showcase.dialog.heading")}
          confirmLabel={t("showcase.dialog.confirm")}
          confirmVariant="danger"
          onConfirm={() => setConfirmed(true)}
        >
          <p>{t("showcase.dialog.body")}</p>
        </ConfirmDialog>
      </Example>
    </div>
  );
}
