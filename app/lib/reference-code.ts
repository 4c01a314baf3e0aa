// Short codes citizens read out or type on a keypad: 6 characters, no look-alikes (0/O, 1/I/L, 2/Z, 5/S, 8/B).
import { randomInt } from "node:crypto";
import type { Tx } from "~/db.server";

export const REFERENCE_ALPHABET = "34679ACDEFGHJKMNPQRTUVWXY";

export function newReferenceCode(length = 6): string {
  let code = "";
  for (let i = 0; i < length; i++) code += REFERENCE_ALPHABET[randomInt(REFERENCE_ALPHABET.length)];
  return code;
}

/** Accepts what people type (lower case, spaces, dashes); null when it cannot be a code. */
export function normaliseReferenceCode(input: string): string | null {
  const code = input.toUpperCase().replace(/[\s-]/g, "");
  return code.length === 6 && [...code].every((c) => REFERENCE_ALPHABET.includes(c)) ? code : null;
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
