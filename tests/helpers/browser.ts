// Browser tests in a few lines: Debian's Chromium through playwright-core, axe for WCAG 2.2 AA, demo sign-ins.
import fs from "node:fs";
import axe from "axe-core";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, expect, inject } from "vitest";
import { DEMO_PASSWORD, DEMO_STAFF } from "../../prisma/seed-data";

/** The app this test worker shares with the files it runs after (one per worker: tests/e2e/global-setup.ts). */
export function sharedApp(): { baseUrl: string; databaseUrl: string } {
  const apps = inject("apps");
  return apps[(Number(process.env.VITEST_POOL_ID ?? 1) - 1) % apps.length];
}
export const baseUrl = (): string => sharedApp().baseUrl;
export const LANGUAGES = ["de", "en", "ar"] as const;
export type DemoRole = (typeof DEMO_STAFF)[number]["role"];

const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

/**
 * Debian's old headless shell (package chromium-headless-shell) renders the same pages with about 40% less CPU than
 * the full browser in headless mode (decision 021, addendum 2); the full browser where the shell is not installed.
 */
const CHROMIUM = process.env.CHROMIUM_PATH ?? ["/usr/lib/chromium/chromium-headless-shell", "/usr/bin/chromium"].find((f) => fs.existsSync(f))!;

/** One browser per test file, closed afterwards; `args` adds Chromium switches (e.g. a fake camera). */
export function useBrowser({ args = [] }: { args?: string[] } = {}): () => Browser {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [...CHROMIUM_ARGS, ...args],
    });
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => browser;
}

export interface PageOptions {
  lng?: string;
  javaScript?: boolean;
  /** The service worker (offline use) is off unless a test is about it: it would precache the app in every context. */
  serviceWorkers?: boolean;
  /** An app the test file started itself (startApp); the shared one otherwise. */
  appUrl?: string;
}

/** A fresh context (own cookies) in the given language; axe needs pages from contexts, not browser.newPage(). */
export async function newPage(browser: Browser, { lng = "de", javaScript = true, serviceWorkers = false, appUrl = baseUrl() }: PageOptions = {}): Promise<Page> {
  const context: BrowserContext = await browser.newContext({
    javaScriptEnabled: javaScript,
    baseURL: appUrl,
    serviceWorkers: serviceWorkers ? "allow" : "block",
  });
  await context.addCookies([{ name: "lng", value: lng, url: appUrl }]);
  return context.newPage();
}

export function demoStaff(role: DemoRole) {
  return DEMO_STAFF.find((s) => s.role === role)!;
}

export async function signIn(page: Page, role: DemoRole = "admin"): Promise<void> {
  await page.goto("/team/sign-in");
  await page.locator('input[name="email"]').fill(demoStaff(role).email);
  await page.locator('input[name="password"]').fill(DEMO_PASSWORD);
  await Promise.all([page.waitForURL(/\/team$/), page.locator('form button[type="submit"]').first().click()]);
  await waitForHydration(page);
}

type SignedIn = Awaited<ReturnType<BrowserContext["storageState"]>>;

/**
 * Signed-in staff pages for a test file: one sign-in per role (sign-in is slow and rate-limited), then a fresh
 * context with that session for every page, in the given language (or with the given page options).
 */
export function useStaffPages(browser: () => Browser) {
  const sessions = new Map<DemoRole, SignedIn>();
  return async function staffPage(role: DemoRole, options: string | PageOptions = {}): Promise<Page> {
    const { lng = "de", javaScript = true, serviceWorkers = false } = typeof options === "string" ? { lng: options } : options;
    if (!sessions.has(role)) {
      const page = await newPage(browser());
      await signIn(page, role);
      sessions.set(role, await page.context().storageState());
      await page.context().close();
    }
    const context = await browser().newContext({
      baseURL: baseUrl(),
      storageState: sessions.get(role),
      javaScriptEnabled: javaScript,
      serviceWorkers: serviceWorkers ? "allow" : "block",
    });
    await context.addCookies([{ name: "lng", value: lng, url: baseUrl() }]);
    return context.newPage();
  };
}

/** Opens a staff page and waits until it has hydrated. */
export async function openStaffPage(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await waitForHydration(page);
}

/**
 * Waits until a staff page has hydrated (root.tsx marks <html data-hydrated>), or fails at once with the reason when
 * it cannot (entry.client.tsx marks <html data-hydration="failed"> when the page's texts did not load).
 */
export async function waitForHydration(page: Page): Promise<void> {
  await page.locator('html[data-hydrated], html[data-hydration="failed"]').waitFor({ state: "attached" });
  const failed = await page.locator('html[data-hydration="failed"]').count();
  if (failed) throw new Error(`${page.url()} cannot hydrate: its translations file did not load`);
}

const WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

/**
 * Fails with a readable list when axe finds any WCAG 2.2 A/AA problem. axe-core runs in the page itself: injected
 * once per document (not again after a client-side step) and asked for violations only. @axe-core/playwright opened
 * a second page per scan to merge frame results we do not have (no iframes): half of the browser suite's time.
 */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(axe.source);
  const violations = await page.evaluate(
    (tags) => (window as unknown as { axe: typeof axe }).axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] }).then((r) => r.violations),
    WCAG_22_AA,
  );
  const found = violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(" ")).slice(0, 5).join("\n    ")}`,
  );
  expect(found, `axe on ${page.url()}`).toEqual([]);
}

/** Presses Tab until `selector` has focus; fails if it is not reachable by keyboard. */
export async function tabTo(page: Page, selector: string, maxTabs = 40): Promise<void> {
  for (let i = 0; i < maxTabs; i++) {
    await page.keyboard.press("Tab");
    // evaluateAll answers at once; evaluate would wait (up to its timeout, on every Tab) for an element not there yet.
    if (await page.locator(selector).evaluateAll((els) => els.some((el) => el === document.activeElement))) return;
  }
  throw new Error(`${selector} was not reachable with the Tab key`);
}

/** Ticks a checkbox or chooses a radio button by keyboard: Tab to it, then Space. */
export async function tick(page: Page, selector: string, maxTabs = 80): Promise<void> {
  await tabTo(page, selector, maxTabs);
  await page.keyboard.press("Space");
}
