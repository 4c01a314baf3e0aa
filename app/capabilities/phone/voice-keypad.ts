// Reference codes on a telephone keypad: letters are typed as their key (ABC=2 … WXYZ=9), digits as themselves.
// The code alphabet has no 0, 1, 2, 5 or 8 as characters, so a typed code is unambiguous enough to match against
// the caller's own few requests.
import { normaliseReferenceCode } from "~/lib/reference-code";

const KEYS: Record<string, string> = { ABC: "2", DEF: "3", GHI: "4", JKL: "5", MNO: "6", PQRS: "7", TUV: "8", WXYZ: "9" };

/** The digits someone presses to type this code: "K7M4QX" → "575479". */
export function keypadDigits(code: string): string {
  return [...code.toUpperCase()]
    .map((c) => {
      if (/\d/.test(c)) return c;
      const key = Object.keys(KEYS).find((letters) => letters.includes(c));
      return key ? KEYS[key] : "";
    })
    .join("");
}

/** Only the digits a caller typed (keypad) — or, from speech, a code they said ("K 7 M 4 Q X"). */
export function typedCode(input: { digits?: string; speech?: string }): { digits: string | null; code: string | null } {
  const digits = (input.digits ?? "").replace(/\D/g, "");
  // Read as every channel reads a code: speech recognition in Arabic writes Arabic-Indic digits ("٣").
  const code = input.speech ? normaliseReferenceCode(input.speech) : null;
  return { digits: digits.length === 6 ? digits : code ? keypadDigits(code) : null, code };
}
