// Citizens: found by phone, created with the least data that does the job.
import { z } from "zod";
import type { Ctx, StaffCtx, Tx } from "~/context";
import { AppError } from "~/lib/errors";
import { parsePhone } from "~/lib/phone.server";
import { isSupportedLanguage } from "~/i18n/locales.server";
import { CONTACT_PREFERENCES } from "./values";
import { noteFormConsent } from "~/capabilities/privacy/consent.server";
import { findVisiblePerson } from "./visibility.server";

/** A phone number as people type it ("0421 / 123 45-6"), checked and turned into E.164 with its type. */
export const PhoneInput = z
  .string({ error: "common:errors.phoneRequired" })
  .trim()
  .min(1, { error: "common:errors.phoneRequired" })
  .max(40, { error: "common:errors.phoneInvalid" })
  .transform((value, ctx) => {
    const parsed = parsePhone(value);
    if (!parsed) {
      ctx.addIssue({ code: "custom", message: "common:errors.phoneInvalid" });
      return z.NEVER;
    }
    return parsed;
  });

export const NewPersonInput = z.object({
  firstName: z
    .string({ error: "common:errors.firstNameRequired" })
    .trim()
    .min(1, { error: "common:errors.firstNameRequired" })
    .max(60, { error: "common:errors.firstNameTooLong" }),
  phone: PhoneInput,
  language: z.string().default("de"),
  contactPreference: z.enum(CONTACT_PREFERENCES).default("sms"),
});
export type NewPerson = z.output<typeof NewPersonInput>;

/**
 * The person with this phone number, or a new one. An existing record is not changed by what a caller types
 * (a web form must not rename someone); only an empty preference is filled.
 */
export async function findOrCreatePerson(ctx: Ctx, tx: Tx, input: NewPerson) {
  const existing = await tx.person.findUnique({ where: { phone: input.phone.e164 } });
  if (existing) return existing;
  return tx.person.create({
    data: {
      firstName: input.firstName,
      phone: input.phone.e164,
      phoneType: input.phone.type,
      language: input.language,
      // Landlines cannot receive SMS.
      contactPreference: input.phone.type === "landline" ? "voice" : input.contactPreference,
    },
  });
}

/** The name a record made from a number alone carries (an SMS, a call): no name anyone said. */
export const NO_NAME = "–";

/**
 * What a citizen said with one request that the record their number is stored under does not say: another first
 * name, another language. Kept on the request row (`givenName`, `givenLanguage`) — never written over the record —
 * and used in that request's messages until staff confirm who the person is (decision 027). Null where the record
 * already says the same (or nothing was said), so the columns hold only what differs.
 */
export interface GivenWithRequest {
  givenName: string | null;
  givenLanguage: string | null;
}

/** Nothing said besides what the record says (staff picked the person; a request made before decision 027). */
export const NOTHING_GIVEN: GivenWithRequest = { givenName: null, givenLanguage: null };

export function givenWith(person: { firstName: string; language: string }, said: { firstName?: string | null; language?: string | null }): GivenWithRequest {
  const name = said.firstName?.trim();
  return {
    givenName: name && name !== NO_NAME && name !== person.firstName ? name : null,
    givenLanguage: said.language && isSupportedLanguage(said.language) && said.language !== person.language ? said.language : null,
  };
}

/** The person as one request's messages greet them and in its language: what was said with it first. */
export function addressedAs<P extends { firstName: string; language: string }>(person: P, request: GivenWithRequest): P {
  return { ...person, firstName: request.givenName ?? person.firstName, language: request.givenLanguage ?? person.language };
}

/**
 * THE rule for every citizen request that finds its person by phone (report, callback, booking, waiting lists, SMS,
 * voice): the person with this number (or a new one), what to keep on the request, and whom its messages address.
 */
export async function personForRequest(ctx: Ctx, tx: Tx, input: NewPerson) {
  const person = await findOrCreatePerson(ctx, tx, input);
  const given = givenWith(person, input);
  return { person, given, addressed: addressedAs(person, given) };
}

/**
 * The person a staff intake is about: the one picked from the look-up, or the new caller typed in. Neither → the
 * intake's own "who is it?" refusal (`missingKey`), so the form can say what is missing. A picked person must be
 * visible to the staff member (an id from elsewhere is refused like an unknown one); a typed-in number that belongs
 * to someone not visible here files the request under that person's existing record without showing it
 * (visibility.server.ts says why).
 */
export async function intakePerson(ctx: StaffCtx, tx: Tx, input: { personId?: string; person?: NewPerson; noticeRead?: boolean }, missingKey: string) {
  const person = input.personId
    ? await findVisiblePerson(ctx, input.personId, tx)
    : input.person
      ? await findOrCreatePerson(ctx, tx, input.person)
      : null;
  if (!person) throw new AppError(400, missingKey);
  // Staff ticked that they read the privacy notice out and the caller agreed to SMS and calls (decision 033).
  await noteFormConsent(ctx, tx, person.id, input.noticeRead);
  return person;
}

/** For a citizen's own forms (their own number). Staff look-ups go through visibility.server.ts instead. */
export async function findPersonByPhone(ctx: Ctx, phoneInput: string) {
  const parsed = parsePhone(phoneInput);
  if (!parsed) return null;
  return ctx.db.person.findUnique({ where: { phone: parsed.e164 } });
}
