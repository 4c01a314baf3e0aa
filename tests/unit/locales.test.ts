// Every key in every shipped language: adding a language is adding files, and this test says what is missing.
import { describe, expect, it } from "vitest";
import { loadLocales, type Tree } from "~/i18n/locales.server";
import { DEFAULT_LANGUAGE } from "~/i18n/languages";

const PLURAL = /_(zero|one|two|few|many|other)$/;

function keys(tree: Tree, prefix = ""): string[] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === "string" ? [prefix + k] : keys(v, `${prefix}${k}.`)));
}

const locales = loadLocales();
const reference = locales.get(DEFAULT_LANGUAGE)!;

describe("translations", () => {
  it("ship German, English and Arabic at least", () => {
    expect([...locales.keys()]).toEqual(expect.arrayContaining(["de", "en", "ar"]));
  });

  for (const [lng, resources] of locales) {
    describe(lng, () => {
      const categories = new Intl.PluralRules(lng).resolvedOptions().pluralCategories;

      it("has every namespace", () => {
        expect(Object.keys(resources).sort()).toEqual(Object.keys(reference).sort());
      });

      for (const ns of Object.keys(reference)) {
        it(`has every key of ${ns}, with this language's plural forms`, () => {
          const mine = new Set(keys(resources[ns] ?? {}));
          const missing: string[] = [];
          const bases = new Set<string>();
          for (const key of keys(reference[ns])) {
            if (PLURAL.test(key)) bases.add(key.replace(PLURAL, ""));
            else if (!mine.has(key)) missing.push(key);
          }
          for (const base of bases) {
            for (const category of categories) {
              if (category === "zero" || category === "two" || category === "few" || category === "many") {
                if (!mine.has(`${base}_${category}`) && !mine.has(`${base}_other`)) missing.push(`${base}_${category}`);
              } else if (!mine.has(`${base}_${category}`)) missing.push(`${base}_${category}`);
            }
          }
          expect(missing).toEqual([]);
        });

        it(`has no empty or stray keys in ${ns}`, () => {
          const known = new Set(keys(reference[ns]).map((k) => k.replace(PLURAL, "")));
          const stray = keys(resources[ns] ?? {}).filter((k) => !known.has(k.replace(PLURAL, "")));
          expect(stray).toEqual([]);
          const empty = keys(resources[ns] ?? {}).filter((k) => !String(get(resources[ns], k)).trim());
          expect(empty).toEqual([]);
        });
      }

      it("names itself and its direction", () => {
        const meta = resources.common.meta as Tree;
        expect(meta.name).toBeTruthy();
        expect(["ltr", "rtl"]).toContain(meta.dir);
      });
    });
  }
});

function get(tree: Tree, path: string): unknown {
  return path.split(".").reduce<unknown>((node, part) => (node as Tree)?.[part], tree);
}
