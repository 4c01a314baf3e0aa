// How many SMS parts a text costs: GSM 03.38 (7-bit) when every character is in its alphabet — 160 alone, 153 per
// part when concatenated, extension characters counting twice — otherwise UCS-2: 70 alone, 67 per part.
const GSM_BASIC =
  "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
const GSM_EXTENSION = "^{}\\[~]|€\f";

export function isGsm7(text: string): boolean {
  return [...text].every((c) => GSM_BASIC.includes(c) || GSM_EXTENSION.includes(c));
}

export function smsSegments(text: string): { encoding: "gsm7" | "ucs2"; segments: number } {
  if (isGsm7(text)) {
    const septets = [...text].reduce((n, c) => n + (GSM_EXTENSION.includes(c) ? 2 : 1), 0);
    return { encoding: "gsm7", segments: septets <= 160 ? 1 : Math.ceil(septets / 153) };
  }
  const units = text.length; // UTF-16 code units are UCS-2's
  return { encoding: "ucs2", segments: units <= 70 ? 1 : Math.ceil(units / 67) };
}
