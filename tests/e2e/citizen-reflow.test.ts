// Every citizen page, in every state a person can see it, at 320 CSS px with the browser's text size at 200 % (WCAG
// 1.4.4 / 1.4.10), in de, en and ar: nothing scrolls sideways, the callback times are not cut off, a reference code
// stays on one line; at the default text size headings break only between words; every aria-describedby and
// aria-labelledby names an element that exists; on the Arabic pages phone numbers and codes read left to right; each
// state has its own title, with "Fehler:" first exactly when the page shows an error summary. The list of pages
// comes from Remix's route manifest, so a new citizen page fails here until this file opens it.
import { CalendarDateTime, toZoned } from "@internationalized/date";
import fs from "node:fs";
import type { CDPSession, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "~/db.server";
import { newReferenceCode } from "~/lib/reference-code";
import { startApp, type RunningApp } from "../helpers/app-server";
import { LANGUAGES, newPage, useBrowser } from "../helpers/browser";
import { appRoutes } from "../helpers/route-manifest";
import { dayAhead } from "../helpers/scheduling-e2e";

const browser = useBrowser();

/**
 * The text size a person sets in the browser (Chrome: Settings › Appearance › Font size; what Android's text size
 * feeds) is the user agent's default font size: what `medium`, `1rem` and percentages on <html> resolve against.
 * DevTools' Page.setFontSizes sets exactly that preference for the page, so our own `html { font-size: 112.5% }`
 * still applies on top (36 px at 200 %) and it holds across navigations. Writing `document.documentElement.style
 * .fontSize = "200%"` would replace that rule (32 px, not 36) and vanish at every page load; zooming (device scale,
 * CSS zoom) would shrink the viewport too, which is 1.4.10's 400 % zoom, not a text size.
 */
const DEFAULT_FONT_PX = 16;
async function setTextSize(cdp: CDPSession, percent: number) {
  await cdp.send("Page.setFontSizes", { fontSizes: { standard: Math.round((DEFAULT_FONT_PX * percent) / 100), fixed: 13 } });
}

/** The citizen pages: every route with a page (a default export) outside the staff area, from the built manifest. */
const CITIZEN_PAGES = appRoutes()
  .filter((r) => !r.pattern.startsWith("/team") && /export default function/.test(r.source))
  .map((r) => r.pattern);

const fits = (pattern: string, pathname: string) =>
  pattern === "/*" || new RegExp(`^${pattern.replace(/:[A-Za-z]+/g, "[^/]+")}$`).test(pathname);
/** The most specific citizen pattern a path is: "/book/done" before "/book/:slug", the splat only when nothing fits. */
const params = (pattern: string) => pattern.split(":").length;
const patternOf = (pathname: string) =>
  [...CITIZEN_PAGES].sort((a, b) => params(a) - params(b)).find((p) => p !== "/*" && fits(p, pathname)) ?? "/*";

const ERROR_PREFIX = Object.fromEntries(
  LANGUAGES.map((lng) => [lng, (JSON.parse(fs.readFileSync(`locales/${lng}/common.json`, "utf8")) as { errors: { prefix: string } }).errors.prefix]),
);

// Per language: new mobile numbers (the public forms are limited per number), appointments to find, move and cancel,
// and a day at the Stadtbibliothek that is fully booked (its waiting-list form) — written straight into the database.
const LNG_INDEX = { de: 0, en: 1, ar: 2 } as const;
const phone = (lng: (typeof LANGUAGES)[number], form: number) => `0152 38${LNG_INDEX[lng]}${form}4567`;
const e164 = (national: string) => `+49${national.replace(/\s/g, "").slice(1)}`;
const FORMS = { report: 1, callback: 2, borrow: 3, book: 4, wait: 5, appointments: 6 } as const;
const appointments: Record<string, { move: string; cancel: string }> = {};
const fullDay = dayAhead(1, 21);

// An app of its own: this file files a borrow request, a booking and a full day in every language, and a waiting
// list left on the shared app changes what the lending journeys may do with its tablets.
let app: RunningApp;
afterAll(async () => {
  await app?.stop();
});

beforeAll(async () => {
  app = await startApp();
  const db = await openDatabase(app.databaseUrl);
  try {
    const library = await db.location.findUniqueOrThrow({ where: { slug: "stadtbibliothek" } });
    const at = (hour: number, minute: number) => {
      const [y, m, d] = fullDay.iso.split("-").map(Number);
      return toZoned(new CalendarDateTime(y, m, d, hour, minute), library.timeZone).toDate();
    };
    const hour = await db.consultationHour.create({
      data: { locationId: library.id, onDate: fullDay.iso, startTime: "10:00", endTime: "10:30", capacity: 1, onlineCapacity: 1 },
    });
    const soon = (days: number) => new Date(Date.now() + days * 86_400_000);
    for (const lng of LANGUAGES) {
      const person = await db.person.create({
        data: { firstName: "Hildegard", phone: e164(phone(lng, FORMS.appointments)), phoneType: "mobile", language: lng },
      });
      if (lng === "de") {
        await db.appointment.create({
          data: { reference: newReferenceCode(), personId: person.id, locationId: library.id, consultationHourId: hour.id, startsAt: at(10, 0), endsAt: at(10, 30), pool: "web", channel: "web" },
        });
      }
      const make = (days: number) =>
        db.appointment.create({
          data: { reference: newReferenceCode(), personId: person.id, locationId: library.id, startsAt: soon(days), endsAt: soon(days + 0.02), pool: "web", channel: "web" },
        });
      appointments[lng] = { move: (await make(2)).reference, cancel: (await make(3)).reference };
    }
  } finally {
    await db.$disconnect();
  }
});

interface Seen {
  pattern: string;
  state: string;
  title: string;
  h1: string;
  errorSummary: boolean;
}
const seen: Record<string, Seen[]> = Object.fromEntries(LANGUAGES.map((l) => [l, []]));

/** What the page shows that a reader at this size would notice: read in one go inside the page. */
function measure(rtl: boolean) {
  const root = document.scrollingElement!;
  const width = root.clientWidth;
  const describe = (el: Element) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}${el.className ? `.${String(el.className).split(" ").join(".")}` : ""}`;
  const outside: string[] = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement!;
    if (!node.textContent?.trim() || parent.closest(".visually-hidden, .choice-input, [hidden], script, style")) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    for (const rect of range.getClientRects()) {
      if (rect.width > 0 && (rect.right > width + 1 || rect.left < -1)) {
        outside.push(`"${node.textContent.trim().slice(0, 30)}" in ${describe(parent)} [${Math.round(rect.left)}–${Math.round(rect.right)}]`);
        break;
      }
    }
  }
  for (const el of document.body.querySelectorAll("input:not([type=hidden]):not(.choice-input):not(.visually-hidden), select, textarea, button, img, table")) {
    const rect = el.getBoundingClientRect();
    if (rect.width > 0 && (rect.right > width + 1 || rect.left < -1)) outside.push(`${describe(el)} [${Math.round(rect.left)}–${Math.round(rect.right)}]`);
  }

  const dangling: string[] = [];
  for (const attr of ["aria-describedby", "aria-labelledby"]) {
    for (const el of document.querySelectorAll(`[${attr}]`)) {
      for (const id of el.getAttribute(attr)!.split(/\s+/).filter(Boolean)) {
        if (!document.getElementById(id)) dangling.push(`${describe(el)} ${attr}="${id}"`);
      }
    }
  }

  // The lines a text occupies (tops of its line boxes).
  const lines = (el: Element) => {
    const range = document.createRange();
    range.selectNodeContents(el);
    return new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top))).size;
  };
  const codes = [...document.querySelectorAll(".reference-panel__code")].map((el) => ({ code: el.textContent ?? "", lines: lines(el) }));

  // Words of headings and legends that are split over two lines.
  const splitWords: string[] = [];
  for (const heading of document.querySelectorAll("main h1, main h2, main h3, main h4, main legend")) {
    const texts = document.createTreeWalker(heading, NodeFilter.SHOW_TEXT);
    for (let node = texts.nextNode(); node; node = texts.nextNode()) {
      for (const word of node.textContent!.matchAll(/\S+/g)) {
        const range = document.createRange();
        range.setStart(node, word.index!);
        range.setEnd(node, word.index! + word[0].length);
        const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
        if (tops.size > 1) splitWords.push(`${heading.tagName.toLowerCase()} "${word[0]}"`);
      }
    }
  }

  // Each callback time choice: its words inside its own box and on the screen.
  const clippedTimes: string[] = [];
  for (const label of document.querySelectorAll(".callback-windows label")) {
    const box = label.getBoundingClientRect();
    const range = document.createRange();
    range.selectNodeContents(label);
    for (const rect of range.getClientRects()) {
      if (rect.width === 0) continue;
      if (rect.right > Math.min(box.right, width) + 1 || rect.left < Math.max(box.left, 0) - 1 || rect.bottom > box.bottom + 1) {
        clippedTimes.push(`"${label.textContent}" [${Math.round(rect.left)}–${Math.round(rect.right)}] in [${Math.round(box.left)}–${Math.round(box.right)}]`);
        break;
      }
    }
  }

  // On a right-to-left page: phone numbers (digit groups) and reference codes outside a left-to-right element.
  const mixedUp: string[] = [];
  if (rtl) {
    const run = /\+?\d+(?:[ \u00a0/-]\d+)+|\b(?=[A-Z\d]*\d)(?=[A-Z\d]*[A-Z])[A-Z\d]{6}\b/;
    const texts = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = texts.nextNode(); node; node = texts.nextNode()) {
      const found = node.textContent!.match(run);
      // Isolated: inside an element with its own dir (not the page's) that runs left to right (dir="auto" resolves).
      const own = node.parentElement!.closest("[dir]");
      if (found && (!own || own === document.documentElement || getComputedStyle(own).direction !== "ltr")) {
        mixedUp.push(`"${found[0]}" in ${describe(node.parentElement!)}`);
      }
    }
  }

  return {
    scrollWidth: root.scrollWidth,
    width,
    rootFontSize: getComputedStyle(document.documentElement).fontSize,
    outside: outside.slice(0, 8),
    dangling,
    codes,
    splitWords,
    clippedTimes,
    mixedUp,
    title: document.title,
    h1: document.querySelector("main h1")?.textContent?.trim() ?? "",
    errorSummary: Boolean(document.querySelector(".error-summary")),
  };
}

interface Viewer {
  page: Page;
  cdp: CDPSession;
  lng: (typeof LANGUAGES)[number];
}

/** Checks the page as it is now, as `state`, at 200 % text; then headings and codes at the default text size. */
async function check({ page, cdp, lng }: Viewer, state: string) {
  const pattern = patternOf(new URL(page.url()).pathname);
  const where = `${lng} ${state} (${page.url()})`;
  const large = await page.evaluate(measure, lng === "ar");
  expect(large.rootFontSize, `${where}: the text size is set`).toBe("36px");
  expect(large.outside.join("\n"), `${where}: beyond the 320 px screen`).toBe("");
  expect(large.scrollWidth, `${where}: scrolls sideways`).toBeLessThanOrEqual(large.width);
  expect(large.clippedTimes.join("\n"), `${where}: callback times cut off`).toBe("");
  expect(large.codes.filter((c) => c.lines !== 1), `${where}: a reference code broken over lines`).toEqual([]);
  expect(large.dangling.join("\n"), `${where}: aria ids that name nothing`).toBe("");
  expect(large.mixedUp.join("\n"), `${where}: numbers or codes not isolated left to right`).toBe("");

  await setTextSize(cdp, 100);
  try {
    const normal = await page.evaluate(measure, false);
    expect(normal.splitWords.join("\n"), `${where}: headings split inside a word at 320 px`).toBe("");
    expect(normal.codes.filter((c) => c.lines !== 1), `${where}: a reference code broken over lines`).toEqual([]);
    expect(normal.scrollWidth, `${where}: scrolls sideways`).toBeLessThanOrEqual(normal.width);
  } finally {
    await setTextSize(cdp, 200);
  }

  seen[lng].push({ pattern, state, title: large.title, h1: large.h1, errorSummary: large.errorSummary });
}

async function open(viewer: Viewer, path: string, state = path) {
  const response = await viewer.page.goto(path);
  expect(response?.status(), `${viewer.lng} ${path}`).toBe(path === "/no-such-page" ? 404 : 200);
  await check(viewer, state);
}

/** Presses the page's (last) submit button and waits for the answer to load. */
async function submit({ page }: Viewer, form = "main form") {
  await Promise.all([page.waitForResponse((r) => r.request().method() === "POST"), page.locator(`${form} button[type="submit"]`).last().click()]);
  await page.waitForLoadState();
}

const referenceOnPage = async ({ page }: Viewer) => ((await page.locator(".reference-panel__code").textContent()) ?? "").trim();

describe.each(LANGUAGES)("citizen pages at 320 px with the text at 200 percent, in %s", (lng) => {
  let viewer: Viewer;
  const references: Record<string, string> = {};

  beforeAll(async () => {
    const page = await newPage(browser(), { lng, javaScript: false, appUrl: app.baseUrl });
    await page.setViewportSize({ width: 320, height: 640 });
    const cdp = await page.context().newCDPSession(page);
    await setTextSize(cdp, 200);
    viewer = { page, cdp, lng };
  });
  afterAll(async () => {
    await viewer.page.context().close();
  });

  it("the start page, the guides, the offline page, the privacy notice and a page that does not exist", async () => {
    await open(viewer, "/");
    await open(viewer, "/help");
    const article = (await viewer.page.locator('main a[href^="/help/"]:not([href$="/leichte-sprache"])').first().getAttribute("href"))!;
    await open(viewer, article, "a guide");
    await open(viewer, `${article}/leichte-sprache`, "a guide in Leichte Sprache");
    await open(viewer, "/offline");
    await open(viewer, "/datenschutz", "the privacy notice");
    await open(viewer, "/no-such-page", "not found");
  });

  it("reporting a problem: the form, its errors and the confirmation", async () => {
    await open(viewer, "/report");
    await submit(viewer);
    await check(viewer, "report with errors");
    const { page } = viewer;
    await page.locator('input[name="firstName"]').fill("Gisela");
    await page.locator('input[name="phone"]').fill(phone(lng, FORMS.report));
    await page.locator('textarea[name="description"]').fill("Mein Tablet lädt nicht mehr.");
    await submit(viewer);
    await page.locator(".reference-panel__code").waitFor();
    references.ticket = await referenceOnPage(viewer);
    await check(viewer, "report confirmation");
  });

  it("asking for erasure: the form, its errors and the answer", async () => {
    const { page } = viewer;
    await open(viewer, "/privacy/erasure");
    await page.locator('input[name="reference"]').fill("XYZ");
    await submit(viewer);
    await check(viewer, "erasure request with errors");
    await page.locator('input[name="phone"]').fill(phone(lng, FORMS.report));
    await page.locator('input[name="reference"]').fill("");
    await submit(viewer);
    await page.waitForURL(/\/privacy\/erasure\/done$/);
    await check(viewer, "erasure request answered");
  });

  it("asking for a callback: the times (also at 130 % on 360 px), errors and the confirmation", async () => {
    await open(viewer, "/callback");
    const { page, cdp } = viewer;
    // Where the times were first seen cut off: 130 % text on a 360 px phone.
    await page.setViewportSize({ width: 360, height: 640 });
    await setTextSize(cdp, 130);
    const medium = await page.evaluate(measure, false);
    expect(medium.clippedTimes.join("\n"), `${lng} callback at 130 %`).toBe("");
    expect(medium.scrollWidth).toBeLessThanOrEqual(medium.width);
    await page.setViewportSize({ width: 320, height: 640 });
    await setTextSize(cdp, 200);

    await submit(viewer);
    await check(viewer, "callback with errors");
    await page.locator('input[name="firstName"]').fill("Samira");
    await page.locator('input[name="phone"]').fill(phone(lng, FORMS.callback));
    await page.locator(".callback-windows label.checkboxes__label").first().click();
    await submit(viewer);
    await page.locator(".reference-panel__code").waitFor();
    references.callback = await referenceOnPage(viewer);
    await check(viewer, "callback confirmation");
  });

  it("asking to borrow a tablet: the form, its errors and the confirmation", async () => {
    await open(viewer, "/borrow");
    await submit(viewer);
    await check(viewer, "borrow with errors");
    const { page } = viewer;
    await page.locator('input[name="firstName"]').fill("Waltraud");
    await page.locator('input[name="phone"]').fill(phone(lng, FORMS.borrow));
    await page.locator('label:has(input[name="locationId"])').first().click();
    await submit(viewer);
    await page.locator(".reference-panel__code").waitFor();
    references.reservation = await referenceOnPage(viewer);
    await check(viewer, "borrow confirmation");
  });

  it("booking a consultation: places, times (also without a choice), details, check, confirmation", async () => {
    await open(viewer, "/book");
    await open(viewer, "/book/stadtbibliothek?week=2", "times");
    const { page } = viewer;
    await submit(viewer, "main form:has(.slot-picker)");
    await check(viewer, "times without a choice");
    await page.locator(".slot-picker label.radios__label").first().click();
    await Promise.all([page.waitForURL(/\/details$/), page.locator('main form:has(.slot-picker) button[type="submit"]').click()]);
    await check(viewer, "details");
    await submit(viewer);
    await check(viewer, "details with errors");
    await page.locator('input[name="firstName"]').fill("Ilse");
    await page.locator('input[name="phone"]').fill(phone(lng, FORMS.book));
    await Promise.all([page.waitForURL(/\/check$/), page.locator('main form button[type="submit"]').first().click()]);
    await check(viewer, "check");
    await Promise.all([page.waitForURL(/\/book\/done$/), page.locator('main form button[type="submit"]').first().click()]);
    references.appointment = await referenceOnPage(viewer);
    await check(viewer, "booking confirmation");
  });

  it("the waiting list of a day: without hours, with free places, full (form, errors, confirmation)", async () => {
    await open(viewer, `/book/stadtbibliothek/wait?day=${dayAhead(3, 21).iso}`, "wait: a day without hours");
    await open(viewer, `/book/stadtbibliothek/wait?day=${dayAhead(2, 7).iso}`, "wait: a day with free places");
    await open(viewer, `/book/stadtbibliothek/wait?day=${fullDay.iso}`, "wait: a full day");
    const { page } = viewer;
    expect(await page.locator("form#day-wait").count(), "the full day takes names").toBe(1);
    await submit(viewer, "form#day-wait");
    await check(viewer, "wait with errors");
    await page.locator('input[name="firstName"]').fill("Erika");
    await page.locator('input[name="phone"]').fill(phone(lng, FORMS.wait));
    await submit(viewer, "form#day-wait");
    await page.locator(".reference-panel__code").waitFor();
    await check(viewer, "wait confirmation");
  });

  it("my appointment: the form, errors, found, other times (also without a choice), moved, cancelled", async () => {
    const { page } = viewer;
    await open(viewer, "/appointment", "appointment form");
    await submit(viewer);
    await check(viewer, "appointment with errors");
    const find = async (reference: string) => {
      await page.goto("/appointment");
      await page.locator('input[name="reference"]').fill(reference);
      await page.locator('input[name="phone"]').fill(phone(lng, FORMS.appointments));
      await submit(viewer);
    };
    await find(appointments[lng].move);
    await check(viewer, "appointment found");
    await Promise.all([page.waitForResponse((r) => r.request().method() === "POST"), page.locator('button[value="slots"]').click()]);
    await page.waitForLoadState();
    await check(viewer, "appointment: other times");
    await submit(viewer);
    await check(viewer, "appointment: other times without a choice");
    await page.locator(".slot-picker label.radios__label").first().click();
    await submit(viewer);
    await check(viewer, "appointment moved");

    await find(appointments[lng].cancel);
    await Promise.all([page.waitForResponse((r) => r.request().method() === "POST"), page.locator('button[value="cancel"]').click()]);
    await page.waitForLoadState();
    await check(viewer, "appointment cancelled");
  });

  it("the status: the form, its errors, and the answer for every kind of reference", async () => {
    const { page } = viewer;
    await open(viewer, "/status", "status form");
    await submit(viewer);
    await check(viewer, "status with errors");
    const kinds = [
      ["ticket", FORMS.report],
      ["callback", FORMS.callback],
      ["reservation", FORMS.borrow],
      ["appointment", FORMS.book],
    ] as const;
    for (const [kind, form] of kinds) {
      expect(references[kind], `${kind} reference from its confirmation`).toMatch(/^[A-Z0-9]{6}$/);
      await page.goto("/status");
      await page.locator('input[name="reference"]').fill(references[kind]);
      await page.locator('input[name="phoneLast4"]').fill(phone(lng, form).slice(-4));
      await submit(viewer);
      await page.locator("#result-heading").waitFor();
      await check(viewer, `status of a ${kind}`);
    }
  });

  it("opened every citizen page; each state has its own title, with the error prefix exactly when it shows errors", () => {
    const pages = seen[lng];
    const opened = new Set(pages.map((p) => p.pattern));
    expect(CITIZEN_PAGES.filter((p) => !opened.has(p)), "citizen pages this file does not open").toEqual([]);

    const prefix = ERROR_PREFIX[lng];
    for (const p of pages) {
      expect(p.title.startsWith(`${prefix} `), `${lng} ${p.state}: "${p.title}"`).toBe(p.errorSummary);
    }
    const title = (state: string) => pages.find((p) => p.state === state)!.title;
    const appointmentStates = ["appointment form", "appointment found", "appointment: other times", "appointment moved", "appointment cancelled"];
    expect(new Set(appointmentStates.map(title)).size, appointmentStates.map(title).join(" | ")).toBe(appointmentStates.length);
    expect(title("status of a ticket")).not.toBe(title("status form"));
    for (const state of ["a guide", "a guide in Leichte Sprache"]) {
      const guide = pages.find((p) => p.state === state)!;
      // The article's own title (the h1 may carry a caption such as "Leichte Sprache" before it).
      const own = guide.title.split(" – ")[0].replace(/ \([^)]*\)$/, "");
      expect(own.length, guide.title).toBeGreaterThan(0);
      expect(guide.h1, `${lng} ${state}: "${guide.title}"`).toContain(own);
    }
    expect(title("a guide")).not.toBe(title("a guide in Leichte Sprache"));
  });
});
