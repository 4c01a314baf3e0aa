// The SMS and voice texts themselves (locales/*/messages.json, voice.json): greetings that still read well without a
// name, one name of the programme per language, a spelling alphabet that fits the voice, and SMS lengths.
import { describe, expect, it } from "vitest";
import { loadLocales, type Tree } from "~/i18n/locales.server";
import { speakableName } from "~/capabilities/messaging/voice-language";
import { REFERENCE_ALPHABET } from "~/lib/reference-code";

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

describe("the programme's name", () => {
  // German inflects it ("bei der Digitalen Ambulanz"); that is the same name.
  const NAMES = [/Digitalen? Ambulanz/g, /Digital Ambulance/g, /العيادة الرقمية/g];

  it("is one name per language in every SMS and voice text", () => {
    for (const [lng, resources] of locales) {
      const all = [...texts(resources.messages as Tree), ...texts(resources.voice as Tree)].join("\n");
      const used = NAMES.filter((name) => all.match(name));
      expect(used.map(String), lng).toHaveLength(1);
    }
    const arabic = [...texts(locales.get("ar")!.messages as Tree), ...texts(locales.get("ar")!.voice as Tree)].join("\n");
    expect(arabic).toMatch(/العيادة الرقمية/);
  });
});

describe("spelling a code aloud", () => {
  const letters = [...REFERENCE_ALPHABET].filter((c) => /[A-Z]/.test(c));

  it("has a word for every letter of the codes in every language, each one different", () => {
    for (const [lng, resources] of locales) {
      const words = (resources.voice as { letters: Record<string, string> }).letters;
      expect(Object.keys(words).sort(), lng).toEqual(letters);
      expect(new Set(Object.values(words)).size, lng).toBe(letters.length);
    }
  });

  it("fits the voice: Arabic names the Latin letters in Arabic, German and English use their spelling alphabets", () => {
    const words = (lng: string) => (locales.get(lng)!.voice as { letters: Record<string, string> }).letters;
    // The Arabic voice reads Arabic script; "M مثل Mike" had it read English words.
    for (const [letter, word] of Object.entries(words("ar"))) expect(word, letter).toMatch(/^[\p{Script=Arabic}\p{M}\s،]+$/u);
    expect(words("de").M).toBe("M wie Martha");
    expect(words("en").M).toBe("M as in Mike");
    for (const lng of ["de", "en"]) for (const [letter, word] of Object.entries(words(lng))) expect(word.startsWith(`${letter} `), word).toBe(true);
  });
});

describe("what an SMS points to", () => {
  it("an SMS that sends people to the website or to cancel gives the link; one that says to cancel or call gives a number", () => {
    const website = { de: /Webseite|Internet|online/i, en: /website|online/i, ar: /موقع/ } as Record<string, RegExp>;
    // Telling people how to cancel ("Absagen: …"), not that something was cancelled.
    const cancel = { de: /absagen|sagen Sie .*ab/i, en: /to cancel|cancel:/i, ar: /للإلغاء|ألغِ|يرجى الإلغاء/ } as Record<string, RegExp>;
    for (const [lng, resources] of locales) {
      for (const [template, { sms }] of Object.entries(resources.messages as Record<string, Record<string, string>>)) {
        if (website[lng]?.test(sms!)) expect(sms, `${lng} ${template}`).toContain("{{web}}/");
        if (cancel[lng]?.test(sms!)) {
          expect(sms, `${lng} ${template}`).toContain("{{web}}/appointment");
          expect(sms, `${lng} ${template}`).toMatch(/\{\{(programmePhone|phone)\}\}/);
        }
      }
    }
  });
});
