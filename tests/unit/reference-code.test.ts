import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadLocales } from "~/i18n/locales.server";
import { newReferenceCode, normaliseReferenceCode, readReferenceCode, REFERENCE_ALPHABET, referenceCodeField } from "~/lib/reference-code";
import { typedCode } from "~/capabilities/phone/voice-keypad";

const NEVER_IN_CODES = ["0", "O", "1", "I", "L", "2", "Z", "5", "S", "8", "B"];

describe("reference codes", () => {
  it("are 6 characters without look-alikes", () => {
    for (let i = 0; i < 500; i++) {
      const code = newReferenceCode();
      expect(code).toMatch(/^[34679ACDEFGHJKMNPQRTUVWXY]{6}$/);
    }
    for (const lookAlike of NEVER_IN_CODES) {
      expect(REFERENCE_ALPHABET).not.toContain(lookAlike);
    }
  });

  it("are read back however people type them", () => {
    fc.assert(
      fc.property(fc.constantFrom(...Array.from({ length: 50 }, () => newReferenceCode())), (code) => {
        const typed = `${code.slice(0, 3).toLowerCase()} - ${code.slice(3)}`;
        expect(normaliseReferenceCode(typed)).toBe(code);
      }),
    );
  });

  it("reject anything that cannot be a code", () => {
    fc.assert(
      fc.property(fc.string(), (input) => {
        const result = normaliseReferenceCode(input);
        if (result !== null) expect(result).toMatch(/^[34679ACDEFGHJKMNPQRTUVWXY]{6}$/);
      }),
    );
    expect(normaliseReferenceCode("ABC0EF")).toBeNull();
  });

  it("map what an Arabic, Cyrillic or full-width keyboard, a copy out of Arabic text or speech recognition writes", () => {
    expect(normaliseReferenceCode("AC٣٩KM")).toBe("AC39KM"); // Arabic-Indic digits
    expect(normaliseReferenceCode("AC۳۹KM")).toBe("AC39KM"); // Persian digits
    expect(normaliseReferenceCode("ас39км")).toBe("AC39KM"); // Cyrillic а с к м, typed in lower case
    expect(normaliseReferenceCode("ΑΧ39ΚΜ")).toBe("AX39KM"); // Greek capitals
    expect(normaliseReferenceCode("ＡＣ３９ＫＭ")).toBe("AC39KM"); // full width
    expect(normaliseReferenceCode("\u200fAC39KM\u200f")).toBe("AC39KM"); // right-to-left marks around a pasted code
    expect(normaliseReferenceCode("A, C, 3, 9, K, M.")).toBe("AC39KM"); // speech recognition's punctuation
    expect(normaliseReferenceCode("ac3–9km")).toBe("AC39KM"); // an en dash
  });

  it("say which problem a typed code has: characters no code has come before its length", () => {
    // The Latin look-alikes are in no code at all, on either side of the pair: nothing to map them to.
    for (const lookAlike of NEVER_IN_CODES) expect(readReferenceCode(`AC39K${lookAlike}`)).toEqual({ problem: "characters" });
    expect(readReferenceCode("BOSSIL")).toEqual({ problem: "characters" }); // six letters that never occur in codes
    expect(readReferenceCode("Müller")).toEqual({ problem: "characters" });
    expect(readReferenceCode("AC39K")).toEqual({ problem: "length" });
    expect(readReferenceCode("AC39KMM")).toEqual({ problem: "length" });
    expect(readReferenceCode("ac 39 km")).toEqual({ code: "AC39KM" });
  });

  it("give the form's messages: required, characters, length", () => {
    const field = referenceCodeField("booking:manage.referenceRequired");
    const message = (input: string) => field.safeParse(input).error?.issues[0]?.message;
    expect(message("")).toBe("booking:manage.referenceRequired");
    expect(message("SOLOBB")).toBe("helpdesk:errors.referenceCharacters");
    expect(message("AC39")).toBe("helpdesk:errors.referenceInvalid");
    expect(field.parse(" ac39-km ")).toBe("AC39KM");
  });

  it("are read the same from the voice menu's speech recognition, Arabic digits included", () => {
    expect(typedCode({ speech: "A C ٣ ٩ K M" }).code).toBe("AC39KM");
    expect(typedCode({ speech: "a, c, 3, 9, k, m." })).toEqual({ code: "AC39KM", digits: "223956" });
  });

  it("given as examples in the texts could be real codes, and the message about characters names every look-alike", () => {
    for (const [lng, resources] of loadLocales()) {
      const text = JSON.stringify(resources);
      const examples = text.match(/\b(?=[A-Z0-9]*[A-Z])(?=[A-Z0-9]*\d)[A-Z0-9]{6}\b/g) ?? [];
      expect(examples.length, lng).toBeGreaterThan(0);
      for (const example of examples) expect(normaliseReferenceCode(example), `${lng}: ${example}`).toBe(example);
      const characters = (resources.helpdesk as { errors: Record<string, string> }).errors.referenceCharacters;
      for (const lookAlike of NEVER_IN_CODES) expect(characters, lng).toMatch(new RegExp(`(^|[^A-Z0-9])${lookAlike}([^A-Z0-9]|$)`));
    }
  });
});
