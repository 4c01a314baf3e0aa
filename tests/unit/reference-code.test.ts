import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { newReferenceCode, normaliseReferenceCode, REFERENCE_ALPHABET } from "~/lib/reference-code";

describe("reference codes", () => {
  it("are 6 characters without look-alikes", () => {
    for (let i = 0; i < 500; i++) {
      const code = newReferenceCode();
      expect(code).toMatch(/^[34679ACDEFGHJKMNPQRTUVWXY]{6}$/);
    }
    for (const lookAlike of ["0", "O", "1", "I", "L", "2", "Z", "5", "S", "8", "B"]) {
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
});
