// Shared steps of the offline browser tests: wait for the service worker, then visit pages so they are kept.
import type { Page } from "playwright-core";
import { waitForHydration } from "../helpers/browser";

/** The worker controls the page, and each of `paths` has been loaded and kept in this session's cache. */
export async function readyForOffline(page: Page, paths: string[]): Promise<void> {
  await page.goto(paths[0]!);
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener("controllerchange", resolve, { once: true }));
    }
  });
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
