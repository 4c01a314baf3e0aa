// "Adding a language later must be only adding files": a copy of the project's locales/ plus one new folder, and
// the app's own modules (loaded fresh, reading that copy) offer it, detect it, name it and translate with it.
// And no source file keeps its own list of the shipped languages, which a new folder would not reach.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

const project = process.cwd();
let dir = "";

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "da-locales-"));
  fs.cpSync(path.join(project, "locales"), path.join(dir, "locales"), { recursive: true });
  // Turkish, as a translator would add it: the English files, translated (here: two strings of them).
  fs.cpSync(path.join(dir, "locales/en"), path.join(dir, "locales/tr"), { recursive: true });
  const common = JSON.parse(fs.readFileSync(path.join(dir, "locales/tr/common.json"), "utf8"));
  common.meta = { ...common.meta, name: "Türkçe", dir: "ltr" };
  common.errors.page["404"].title = "Sayfa bulunamadı";
  fs.writeFileSync(path.join(dir, "locales/tr/common.json"), JSON.stringify(common));
  vi.spyOn(process, "cwd").mockReturnValue(dir);
  vi.resetModules();
});

afterAll(() => {
  vi.restoreAllMocks();
  vi.resetModules();
  fs.rmSync(dir, { recursive: true, force: true });
});

const request = (url: string, headers: Record<string, string> = {}) => new Request(`http://localhost${url}`, { headers });

describe("a new language folder", () => {
  it("is offered in the language switcher with its own name and direction", async () => {
    const { languages } = await import("~/i18n/locales.server");
    expect(languages()).toContainEqual({ code: "tr", name: "Türkçe", dir: "ltr" });
    expect(languages()[0].code).toBe("de");
  });

  it("is chosen by ?lng=, by the cookie and by the browser's Accept-Language", async () => {
    const { detectLanguage } = await import("~/i18n/detect.server");
    expect(detectLanguage(request("/?lng=tr"))).toBe("tr");
    expect(detectLanguage(request("/", { Cookie: "lng=tr" }))).toBe("tr");
    expect(detectLanguage(request("/", { "Accept-Language": "tr-TR,tr;q=0.9" }))).toBe("tr");
  });

  it("translates pages and server texts", async () => {
    const { getT } = await import("~/i18n/i18n.server");
    const { pageResources } = await import("~/i18n/page-resources.server");
    expect(getT("tr")("errors.page.404.title")).toBe("Sayfa bulunamadı");
    expect(Object.keys(pageResources("tr"))).toEqual(["tr", "de"]);
  });

  it("is a language the project does not ship (the test proves something)", async () => {
    expect(fs.existsSync(path.join(project, "locales/tr"))).toBe(false);
  });
});

describe("no second list of languages", () => {
  it("no source file spells out the shipped languages (it would miss a new folder)", () => {
    const files = ["app", "jobs", "scripts"]
      .flatMap((d) => fs.readdirSync(path.join(project, d), { recursive: true, encoding: "utf8" }).map((f) => path.join(d, f)))
      .concat(["server.ts"])
      .filter((f) => /\.tsx?$/.test(f) && !f.startsWith(path.join("app", "generated")));
    const lists: string[] = [];
    for (const file of files) {
      const source = ts.createSourceFile(file, fs.readFileSync(path.join(project, file), "utf8"), ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
      const visit = (node: ts.Node) => {
        if (ts.isArrayLiteralExpression(node)) {
          const strings = node.elements.filter(ts.isStringLiteral).map((e) => e.text);
          if (["de", "en", "ar"].every((code) => strings.includes(code))) lists.push(`${file}: ${node.getText(source)}`);
        }
        ts.forEachChild(node, visit);
      };
      visit(source);
    }
    expect(lists).toEqual([]);
  });
});
