// Rectification (GDPR Art. 16): staff correct what is stored about a person — name, phone number, language, how
// they like to be contacted. Only for someone visible to them; the audit names the fields changed, never the values.
import { z } from "zod";
import type { StaffCtx } from "~/context";
import { audit } from "~/capabilities/privacy/audit.server";
import { isUniqueViolation } from "~/lib/db-errors";
import { AppError, forbidden } from "~/lib/errors";
import { isSupportedLanguage } from "~/i18n/locales.server";
import { can } from "./permissions";
import { NewPersonInput, PhoneInput } from "./persons.server";
import { CONTACT_PREFERENCES } from "./values";
import { requirePersonVisible } from "./visibility.server";

export const CorrectPersonInput = z.object({
  firstName: NewPersonInput.shape.firstName,
  lastNameInitial: z
    .string()
    .trim()
    .optional()
    .refine((v) => !v || /^\p{L}$/u.test(v), { error: "tickets:person.edit.errors.initial" }),
  phone: PhoneInput,
  language: z.string({ error: "tickets:person.edit.errors.language" }).refine(isSupportedLanguage, { error: "tickets:person.edit.errors.language" }),
  contactPreference: z.enum(CONTACT_PREFERENCES, { error: "tickets:person.edit.errors.contact" }),
});

/** Corrects the person's details; answers which fields changed. A number already stored for someone else: 409. */
export async function correctPerson(ctx: StaffCtx, personId: string, input: z.output<typeof CorrectPersonInput>): Promise<string[]> {
  if (!can(ctx.actor, "person:manage")) throw forbidden("person:manage");
  const person = await requirePersonVisible(ctx, personId);
  // A landline cannot receive SMS: its people are called.
  const contactPreference = input.phone.type === "landline" ? "voice" : input.contactPreference;
  const next = {
    firstName: input.firstName,
    lastNameInitial: input.lastNameInitial ? input.lastNameInitial.toLocaleUpperCase("de") : null,
    phone: input.phone.e164,
    phoneType: input.phone.type,
    language: input.language,
    contactPreference,
  };
  const changed = (Object.keys(next) as (keyof typeof next)[]).filter((field) => person[field] !== next[field]);
  if (!changed.length) return [];
  try {
    await ctx.db.$transaction(async (tx) => {
      await tx.person.update({ where: { id: person.id }, data: next });
      await audit(ctx, tx, { action: "person.corrected", subjectType: "Person", subjectId: person.id, details: { fields: changed.join(",") } });
    });
  } catch (error) {
    if (isUniqueViolation(error, "phone")) throw new AppError(409, "tickets:person.edit.errors.phoneTaken");
    throw error;
  }
  return changed;
}
