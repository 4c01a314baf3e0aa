// Phone numbers: parse what people type (German formats first), store E.164, know mobile vs landline.
import { parsePhoneNumberFromString, type PhoneNumber } from "libphonenumber-js/max";

type PhoneType = "mobile" | "landline";

export interface ParsedPhone {
  e164: string;
  type: PhoneType;
}

/** Returns null when the input is not a possible, valid number. Default country Germany. */
export function parsePhone(input: string, defaultCountry: "DE" = "DE"): ParsedPhone | null {
  const cleaned = input.trim().replace(/\(0\)/g, "").replace(/^00/, "+");
  if (!/^[+\d][\d\s/().-]*$/.test(cleaned)) return null;
  const number: PhoneNumber | undefined = parsePhoneNumberFromString(cleaned, defaultCountry);
  if (!number || !number.isValid()) return null;
  const kind = number.getType();
  // Unknown or shared types are treated as landlines: they get a voice call, which always reaches.
  const type: PhoneType = kind === "MOBILE" ? "mobile" : "landline";
  return { e164: number.number, type };
}

/** For staff screens: the number in national format, e.g. "0151 23456789". */
export function formatPhone(e164: string): string {
  return parsePhoneNumberFromString(e164)?.formatNational() ?? e164;
}

/** For lists where the whole number is not needed: "••• ••• 789". */
export function maskPhone(e164: string): string {
  return `••• ${e164.slice(-3)}`;
}

/** What pages need to show a number people can tap: the tel: target and the readable form. */
export interface PhoneLink {
  e164: string;
  display: string;
}

export function phoneLink(e164: string): PhoneLink {
  return { e164, display: formatPhone(e164) };
}
