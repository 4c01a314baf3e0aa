// Short codes citizens read out or type on a keypad: 6 characters, no look-alikes (0/O, 1/I/L, 2/Z, 5/S, 8/B).
import { randomInt } from "node:crypto";
import { z } from "zod";
import type { Tx } from "~/db.server";

export const REFERENCE_ALPHABET = "34679ACDEFGHJKMNPQRTUVWXY";

export function newReferenceCode(length = 6): string {
  let code = "";
  for (let i = 0; i < length; i++) code += REFERENCE_ALPHABET[randomInt(REFERENCE_ALPHABET.length)];
  return code;
}

/**
 * What people may type for a character of the code, mapped to it: Arabic-Indic and Persian digits (an Arabic
 * keyboard or speech recognition writes "٣" for 3) and Cyrillic or Greek capitals that look exactly like a letter of
 * the code (a Russian or Ukrainian keyboard layout left on). The Latin look-alikes (O/0, I/1/L, S/5, B/8, Z/2) are
 * NOT mapped: the code alphabet has neither of each pair, so there is nothing they could have meant — the person is
 * told which characters a code never has instead.
 */
const LOOK_ALIKES: Record<string, string> = {
  ...Object.fromEntries([..."٠١٢٣٤٥٦٧٨٩"].map((d, i) => [d, String(i)])),
  ...Object.fromEntries([..."۰۱۲۳۴۵۶۷۸۹"].map((d, i) => [d, String(i)])),
  // Cyrillic А С Е Н К М Р Т Х У and Greek Α Ε Η Κ Μ Ν Ρ Τ Χ Υ.
  А: "A", С: "C", Е: "E", Н: "H", К: "K", М: "M", Р: "P", Т: "T", Х: "X", У: "Y",
  Α: "A", Ε: "E", Η: "H", Κ: "K", Μ: "M", Ν: "N", Ρ: "P", Τ: "T", Χ: "X", Υ: "Y",
};

export type ReferenceCodeReading = { code: string } | { problem: "length" | "characters" };

/**
 * Reads a code as people type, paste or say it — the ONE reading used by /status, /appointment, SMS STATUS, the
 * voice menu and staff search. Ignored: case, spaces, punctuation (dashes, dots, the commas of speech recognition)
 * and the invisible direction marks that come along when a code is copied out of Arabic text; width forms (ＡＣ３９)
 * and the look-alikes above are mapped. `characters`: something is left that no code has — checked first, so six
 * letters that never occur in codes are told as that, not as a wrong length.
 */
export function readReferenceCode(input: string): ReferenceCodeReading {
  const code = [...input.normalize("NFKC").toUpperCase().replace(/[\s\p{P}\p{Cf}]/gu, "")]
    .map((c) => LOOK_ALIKES[c] ?? c)
    .join("");
  if (![...code].every((c) => REFERENCE_ALPHABET.includes(c))) return { problem: "characters" };
  return code.length === 6 ? { code } : { problem: "length" };
}

/** The code someone typed, or null when it cannot be one. */
export function normaliseReferenceCode(input: string): string | null {
  const reading = readReferenceCode(input);
  return "code" in reading ? reading.code : null;
}

/**
 * A form field for a code, with the same messages on every page: required, the wrong characters, the wrong length.
 * Only `required` differs by page (each asks in its own words).
 */
export function referenceCodeField(required = "helpdesk:errors.referenceRequired") {
  return z
    .string({ error: required })
    .trim()
    .min(1, { error: required })
    .max(40, { error: "helpdesk:errors.referenceInvalid" })
    .transform((v, ctx) => {
      const reading = readReferenceCode(v);
      if ("code" in reading) return reading.code;
      ctx.addIssue({ code: "custom", message: reading.problem === "characters" ? "helpdesk:errors.referenceCharacters" : "helpdesk:errors.referenceInvalid" });
      return z.NEVER;
    });
}

/** "K 7 M 4 …": a code as SMS and voice messages spell it, one character at a time. */
export const spelledOut = (reference: string) => reference.split("").join(" ");

/** The tables whose rows carry a reference code in a unique `reference` column. */
export type ReferencedTable = "appointment" | "callback" | "dayWait" | "loan" | "reservation" | "ticket";
const REFERENCED_TABLES: ReferencedTable[] = ["appointment", "callback", "dayWait", "loan", "reservation", "ticket"];

/**
 * A code no request of any kind has yet, looked up in the caller's transaction: one code names one concern (a
 * ticket's callback shares its ticket's, decision 027), so a status look-up never finds two strangers' requests.
 * Each table's unique index settles a rare race within the table.
 */
export async function uniqueReference(tx: Pick<Tx, ReferencedTable>): Promise<string> {
  // The six delegates share this one call, but their union is not callable as such.
  const tables = REFERENCED_TABLES.map(
    (table) => tx[table] as unknown as { findUnique(args: { where: { reference: string }; select: { id: true } }): Promise<unknown> },
  );
  for (;;) {
    const reference = newReferenceCode();
    const uses = await Promise.all(tables.map((rows) => rows.findUnique({ where: { reference }, select: { id: true } })));
    if (uses.every((row) => !row)) return reference;
  }
}
