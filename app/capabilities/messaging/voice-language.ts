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
