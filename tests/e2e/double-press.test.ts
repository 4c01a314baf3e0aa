// A double press on a slow line (issue 23): without JavaScript, "Problem melden" pressed twice 600 ms apart while
// every answer takes 2.5 s. Both presses reach the server; the form's key makes one ticket of them, and the page the
// browser ends on shows that ticket's reference.
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { Page } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "~/db.server";
import { baseUrl, sharedApp, useBrowser } from "../helpers/browser";

const browser = useBrowser();
const LATENCY_MS = 2_500;
const PHONE = "0151 23450987";
const E164 = "+4915123450987";

/**
 * Waits until the page shows `url`. The second press aborts the first press's navigation, and Chromium may report
 * that abort to a wait already running (net::ERR_ABORTED): the answer to the second press is still on its way.
 */
async function arrivesAt(page: Page, url: string, context: () => string): Promise<void> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    try {
      return await page.waitForURL(url, { timeout: Math.max(1, deadline - Date.now()) });
    } catch (error) {
      const aborted = /ERR_ABORTED|frame was detached/.test(String(error));
      if (!aborted || Date.now() >= deadline) throw new Error(`${(error as Error).message} (${context()})`);
    }
  }
}

describe("pressing 'Problem melden' twice on a slow connection", () => {
  it("makes one ticket, sends one confirmation, and shows its reference", async () => {
    const slow = await startSlowProxy(LATENCY_MS);
    const context = await browser().newContext({ javaScriptEnabled: false, baseURL: baseUrl(), proxy: { server: slow.url }, serviceWorkers: "block" });
    await context.addCookies([{ name: "lng", value: "de", url: baseUrl() }]);
    const page = await context.newPage();
    try {
      await page.goto("/report");
      await page.locator('input[name="firstName"]').fill("Hannelore");
      await page.locator('input[name="phone"]').fill(PHONE);
      await page.locator('textarea[name="description"]').fill("Mein Tablet zeigt nur noch einen schwarzen Bildschirm.");
      // Pressed as a person would, straight through the browser's input: Playwright's own click waits for the
      // first press's navigation to finish, which is exactly what a person on a slow line does not do.
      const button = page.getByRole("button", { name: "Problem melden" });
      await button.scrollIntoViewIfNeeded();
      const box = (await button.boundingBox())!;
      const cdp = await context.newCDPSession(page);
      const press = async () => {
        const at = { x: box.x + box.width / 2, y: box.y + box.height / 2, button: "left" as const, clickCount: 1 };
        await cdp.send("Input.dispatchMouseEvent", { type: "mousePressed", ...at });
        await cdp.send("Input.dispatchMouseEvent", { type: "mouseReleased", ...at });
      };
      await press();
      await page.waitForTimeout(600);
      await press();
      await arrivesAt(page, "**/report/done", () => `POSTs through the slow line: ${slow.posts()}`);
      await page.waitForLoadState();
      // Both presses were sent: the server got two POSTs (the first answer the browser dropped).
      expect(slow.posts()).toBe(2);

      const shown = (await page.locator(".reference-panel__code").textContent()) ?? "";
      const db = await openDatabase(sharedApp().databaseUrl);
      try {
        const tickets = await db.ticket.findMany({ where: { person: { phone: E164 } }, select: { reference: true } });
        expect(tickets).toHaveLength(1);
        expect(shown).toBe(tickets[0]!.reference);
        expect(await db.message.count({ where: { toPhone: E164, direction: "outbound" } })).toBe(1);
      } finally {
        await db.$disconnect();
      }
    } finally {
      await context.close();
    }
  });
});

const proxies: http.Server[] = [];
afterAll(async () => {
  await Promise.all(proxies.map((server) => new Promise((resolve) => server.close(resolve))));
});

/**
 * A forward proxy whose answers to form posts take `latency` ms: the request reaches the app at once (as on a slow
 * mobile line, where the upload went through), only the answer is late — so a second press sends a second POST.
 * It connects from 127.0.0.43, so its two reports count against no other test's address.
 */
async function startSlowProxy(latency: number): Promise<{ url: string; posts: () => number }> {
  let posts = 0;
  const server = http.createServer((req, res) => {
    if (req.method === "POST") posts++;
    const target = new URL(req.url ?? "/");
    const upstream = http.request(
      { host: "127.0.0.1", family: 4, port: target.port, path: target.pathname + target.search, method: req.method, headers: req.headers, localAddress: "127.0.0.43" },
      (answer) => {
        const forward = () => {
          if (res.destroyed) return answer.resume();
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        };
        if (req.method === "POST") setTimeout(forward, latency);
        else forward();
      },
    );
    upstream.on("error", () => res.headersSent || res.writeHead(502).end());
    req.pipe(upstream);
  });
  server.keepAliveTimeout = 1;
  proxies.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, posts: () => posts };
}
