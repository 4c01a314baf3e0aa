// Which voice speaks which language: outbound calls and the phone menu both say texts with it.
import type VoiceResponse from "twilio/lib/twiml/VoiceResponse";

// The <Say> voices per language. Twilio speaks these; a language it cannot speak falls back to German text.
export const SAY_LANGUAGE: Record<string, NonNullable<VoiceResponse.SayAttributes["language"]>> = {
  de: "de-DE",
  en: "en-GB",
  ar: "ar-XA",
  tr: "tr-TR",
  uk: "uk-UA",
  ru: "ru-RU",
  pl: "pl-PL",
};

/** The language to render a spoken text in: the person's own when it can be spoken, German otherwise. */
export function spokenLanguage(language: string): string {
  return SAY_LANGUAGE[language] ? language : "de";
}

export function sayLanguage(language: string): NonNullable<VoiceResponse.SayAttributes["language"]> {
  return SAY_LANGUAGE[spokenLanguage(language)]!;
}

/** The script each voice reads. A name in another script, an emoji or a dash is read out as noise or not at all. */
const VOICE_SCRIPT: Record<string, string> = { de: "Latin", en: "Latin", tr: "Latin", pl: "Latin", ru: "Cyrillic", uk: "Cyrillic", ar: "Arabic" };

/**
 * Whether a voice speaking `language` can say this name: letters of its own script only (with accents and marks,
 * and the spaces, hyphens, apostrophes and dots names are written with) — "Hildegard", "Zoë", "Jean-Luc" for a German
 * or English voice, "فاطمة" for the Arabic one; never an emoji, a symbol, digits or another script.
 */
export function speakableName(name: string, language: string): boolean {
  const script = VOICE_SCRIPT[spokenLanguage(language)] ?? "Latin";
  const text = name.normalize("NFC").trim();
  return /\p{L}/u.test(text) && new RegExp(`^[\\p{Script=${script}}\\p{M} .'’-]+$`, "u").test(text);
}
