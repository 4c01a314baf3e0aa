// Art. 13: every citizen page with a form carries the short privacy notice (one component, ui/PrivacyNotice) — found
// by sweeping the route files as Remix's manifest names them (tests/helpers/route-manifest.ts reads the same files
// once built), so a new citizen form without the notice fails here without anyone listing it. Staff pages (/team),
// webhooks and resource routes have no citizen form.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { screenSources } from "../helpers/route-manifest";

const ROUTES = path.resolve("app/routes");

/** Route files a citizen opens: not staff (team…), not Twilio's webhooks. */
function citizenRoutes(): { file: string; source: string }[] {
  return fs
    .readdirSync(ROUTES)
    .filter((f) => /\.tsx$/.test(f) && !f.startsWith("team") && !f.startsWith("webhooks"))
    .map((file) => ({ file, source: fs.readFileSync(path.join(ROUTES, file), "utf8") }));
}

/** A form the citizen fills in or sends: in the route itself or in a screen it draws (not the shell's language switch). */
const hasForm = (source: string) => /<Form\b|<form\b/.test(source);
const hasNotice = (source: string) => /<PrivacyNotice\b/.test(source);

describe("the privacy notice on citizen forms", () => {
  it("every citizen route with a form draws <PrivacyNotice />", () => {
    const missing = citizenRoutes()
      .filter(({ source }) => hasForm(source + screenSources(source)))
      .filter(({ source }) => !hasNotice(source + screenSources(source)))
      .map(({ file }) => file);
    expect(missing).toEqual([]);
  });

  it("the sweep finds the forms (it can fail): report, callback, booking steps, waiting lists, status, own appointment", () => {
    const withForms = citizenRoutes()
      .filter(({ source }) => hasForm(source + screenSources(source)))
      .map(({ file }) => file);
    expect(withForms).toEqual(
      expect.arrayContaining([
        "report.tsx",
        "callback.tsx",
        "book.$slug._index.tsx",
        "book.$slug.details.tsx",
        "book.$slug.check.tsx",
        "book.$slug.wait.tsx",
        "borrow.tsx",
        "status.tsx",
        "appointment.tsx",
      ]),
    );
    expect(hasNotice('<Form method="post"><Button /></Form>')).toBe(false);
  });
});
