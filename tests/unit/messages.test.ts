// The SMS and voice texts themselves (locales/*/messages.json, voice.json): greetings that still read well without a
// name, one name of the programme per language, a spelling alphabet that fits the voice, and SMS lengths.
import { describe, expect, it } from "vitest";
import { loadLocales, type Tree } from "~/i18n/locales.server";
import { speakableName } from "~/capabilities/messaging/voice-language";

const locales = loadLocales();
const texts = (tree: Tree): string[] => Object.values(tree).flatMap((v) => (typeof v === "string" ? [v] : texts(v)));

describe("voice greetings", () => {
  it("a voice speaks a name only in its own script: Latin for German and English, Arabic for Arabic; never emoji or symbols", () => {
    for (const name of ["Hildegard", "Zoë", "Jean-Luc", "Gisela M.", "O'Neill", "Ayşe", "Łucja"]) {
      expect(speakableName(name, "de"), name).toBe(true);
      expect(speakableName(name, "en"), name).toBe(true);
    }
    for (const name of ["فاطمة", "محمد علي", "Gisela 🌻", "🌻", "–", "", "  ", "Анна", "R2D2", "李"]) {
      expect(speakableName(name, "de"), name).toBe(false);
    }
    expect(speakableName("فاطمة", "ar")).toBe(true);
    expect(speakableName("عَبْد الله", "ar")).toBe(true); // with vowel marks
    expect(speakableName("Gisela", "ar")).toBe(false);
    expect(speakableName("Анна", "ru")).toBe(true);
    expect(speakableName("Hildegard", "xx")).toBe(true); // no voice of its own: the German one speaks
  });

  it("every voice text names the person only right after a greeting word, so it reads well without the name", () => {
    for (const [lng, resources] of locales) {
      for (const [template, channels] of Object.entries(resources.messages as Record<string, Record<string, string>>)) {
        const voice = channels.voice ?? "";
        for (const match of voice.matchAll(/(.{0,20})\{\{firstName\}\}(.?)/gu)) {
          expect(`${match[1]}|${match[2]}`, `${lng} ${template}`).toMatch(/(^|[.!؟?]\s)[\p{L}\p{M}]+( [\p{L}\p{M}]+)? \|[.,،!]$/u);
        }
      }
    }
  });
});
