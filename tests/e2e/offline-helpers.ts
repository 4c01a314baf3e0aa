// Shared steps of the offline browser tests: wait for the service worker, then visit pages so they are kept.
import type { Page } from "playwright-core";
import { waitForHydration } from "../helpers/browser";

/**
 * The page is controlled by the service worker. Under load, Chromium sometimes loads a page past an active worker
 * (one whose load began while it installed misses clients.claim(); one whose worker was slow to start goes to the
 * network) and that page stays uncontrolled for good; the next load is controlled, as a volunteer's next page is.
 */
export async function controlledByWorker(page: Page): Promise<void> {
  await page.waitForFunction(async () => Boolean((await navigator.serviceWorker.getRegistration())?.active));
  const controlled = () => page.evaluate(() => Boolean(navigator.serviceWorker.controller));
  for (let reloads = 0; !(await controlled()); reloads++) {
    if (reloads === 5) {
      const registration = await page.evaluate(async () => {
        const r = await navigator.serviceWorker.getRegistration();
        return { installing: r?.installing?.state, waiting: r?.waiting?.state, active: r?.active?.state };
      });
      throw new Error(`${page.url()} is not controlled by the service worker after 5 reloads: ${JSON.stringify(registration)}`);
    }
    await page.reload();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 5_000 }).catch(() => undefined);
  }
}

/** The worker controls the page, and each of `paths` has been loaded and kept in this session's cache. */
export async function readyForOffline(page: Page, paths: string[]): Promise<void> {
  await page.goto(paths[0]!);
  await controlledByWorker(page);
  for (const path of paths) {
    await page.goto(path);
    await waitForHydration(page);
  }
  await page.waitForFunction(async (wanted) => {
    const name = (await caches.keys()).find((k) => k.startsWith("staff-"));
    if (!name) return false;
    const cache = await caches.open(name);
    for (const path of wanted) if (!(await cache.match(path))) return false;
    return true;
  }, paths);
}
