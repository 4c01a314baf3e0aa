// One word for the reference a citizen is given, in every text they see, hear or print (issue 23, decision 027):
// "Vorgangsnummer", "reference number", "الرقم المرجعي" — never "Referenz", "Leihnummer", "your number", "رقم الطلب".
import { describe, expect, it } from "vitest";
import { loadLocales, type Tree } from "~/i18n/locales.server";

/** The one term per language (Arabic inflects it: "رقمك المرجعي" is "your reference number"; the adjective stays). */
const TERM: Record<string, RegExp> = { de: /Vorgangsnummer/, en: /reference number/i, ar: /المرجعي/ };

/** Other words for the reference, wherever they stand. */
const OTHER_WORDS: Record<string, RegExp> = {
  de: /Referenz|Leihnummer|Buchungsnummer/,
  en: /\breferences?\b(?! numbers?)/i,
  ar: /رقم الطلب|رقم طلبك|رقم الإعارة/,
};

/** A word for "number" or "reference" shortly before the code ("Nummer: {{reference}}") must be the term. */
// Arabic has no \b: "رقم", "رقمك", "برقمك", "الرقم" as words, not "الرقمية" (digital).
const NUMBER_WORD: Record<string, RegExp> = {
  de: /Nummer|Referenz|Code/,
  en: /number|reference|code/i,
  ar: /(^|[\s،.:(])[بل]?(ال)?رقم(ك|ه)?(?=[\s.:،]|$)|المرجع/,
};
const CODE = /\{\{(reference|spelled)\}\}/g;
/** The text as read: a placeholder's own name ("{{reference}}") is no word the person sees. */
const plain = (text: string) => text.replace(/\{\{\w+\}\}/g, "…");

/**
 * Texts only citizens get (messages, the voice menu, the public pages): there a bare "the number" is the reference,
 * so it must be called by its name. A place on a list ("Nummer {{position}}") is not a reference.
 */
const CITIZEN_ONLY = ["messages", "voice", "citizen", "home", "helpdesk"];
const BARE_NUMBER: Record<string, RegExp> = {
  de: /\b(die|Die|Ihre|Ihrer|diese|dieser|Diese|Ihren) Nummer\b(?! \{\{)/,
  en: /\b(the|The|your|Your|this|This|that) number\b(?! \{\{)/,
  ar: /(^|\s)[بل]?(رقمك|الرقم)(?! المرجعي)(?! \{\{)(\s|[.:،]|$)/,
};

/** Namespaces with citizen pages, read-outs or print (the loan agreement, the desk's read-out), besides staff texts. */
const CITIZEN_FACING = [...CITIZEN_ONLY, "booking", "callbacks", "waitlist", "desk", "loans"];
/** Keys that label the reference on a page or a printout. */
const LABEL = /(^|\.)(reference|referenceLabel|readOut|waitReference)$/;

function entries(tree: Tree, prefix = ""): [string, string][] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === "string" ? [[prefix + k, v] as [string, string]] : entries(v, `${prefix}${k}.`)));
}

const locales = loadLocales();

describe("the reference has one name", () => {
  for (const lng of Object.keys(TERM)) {
    it(`in ${lng}`, () => {
      const wrong: string[] = [];
      for (const ns of CITIZEN_FACING) {
        for (const [key, text] of entries(locales.get(lng)![ns] ?? {})) {
          const where = `${ns}:${key}: ${text}`;
          if (OTHER_WORDS[lng].test(plain(text))) wrong.push(`another word — ${where}`);
          if (LABEL.test(key) && !TERM[lng].test(text)) wrong.push(`label without the term — ${where}`);
          for (const match of text.matchAll(CODE)) {
            const before = text.slice(Math.max(0, match.index - 25), match.index);
            if (NUMBER_WORD[lng].test(before) && !TERM[lng].test(before)) wrong.push(`code named otherwise — ${where}`);
          }
          if (CITIZEN_ONLY.includes(ns) && BARE_NUMBER[lng].test(text)) wrong.push(`bare "number" — ${where}`);
        }
      }
      expect(wrong).toEqual([]);
    });
  }

  it("catches a made-up offender of each kind", () => {
    expect(OTHER_WORDS.de.test(plain("Ihre Referenz: {{reference}}"))).toBe(true);
    expect(OTHER_WORDS.en.test(plain("Your reference: {{reference}}"))).toBe(true);
    expect(OTHER_WORDS.en.test(plain("Your reference number: {{reference}}"))).toBe(false);
    expect(NUMBER_WORD.de.test("Ihre Nummer ist: ") && !TERM.de.test("Ihre Nummer ist: ")).toBe(true);
    expect(BARE_NUMBER.de.test("Schreiben Sie sich die Nummer auf.")).toBe(true);
    expect(BARE_NUMBER.de.test("Sie sind Nummer {{position}} auf der Liste.")).toBe(false);
    expect(BARE_NUMBER.ar.test("رقمك: {{reference}}")).toBe(true);
    expect(BARE_NUMBER.ar.test("رقمك المرجعي: {{reference}}")).toBe(false);
  });
});
