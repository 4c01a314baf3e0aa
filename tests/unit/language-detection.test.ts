import { describe, expect, it } from "vitest";
import { detectLanguage } from "~/i18n/detect.server";

const request = (url: string, headers: Record<string, string> = {}) => new Request(`http://localhost${url}`, { headers });

describe("language of a request", () => {
  it("takes ?lng= first", () => {
    expect(detectLanguage(request("/?lng=ar", { Cookie: "lng=en", "Accept-Language": "de" }))).toBe("ar");
  });
  it("then the cookie", () => {
    expect(detectLanguage(request("/", { Cookie: "other=1; lng=en", "Accept-Language": "ar" }))).toBe("en");
  });
  it("then Accept-Language, matching regional variants", () => {
    expect(detectLanguage(request("/", { "Accept-Language": "ar-EG,ar;q=0.9,en;q=0.5" }))).toBe("ar");
    expect(detectLanguage(request("/", { "Accept-Language": "en-GB" }))).toBe("en");
    expect(detectLanguage(request("/", { "Accept-Language": "fr-FR, en;q=0.4" }))).toBe("en");
  });
  it("falls back to German and ignores unknown or hostile values", () => {
    expect(detectLanguage(request("/?lng=xx", { Cookie: "lng=<script>" }))).toBe("de");
    expect(detectLanguage(request("/", { "Accept-Language": "ja" }))).toBe("de");
  });
});
