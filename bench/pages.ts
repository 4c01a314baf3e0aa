// `npm run bench`: figures for targets that tests must not time. Prints JavaScript weight per page, server time
// (p50/p95) for the main pages, and the server's memory after the run.
import fs from "node:fs";
import { gzipSync } from "node:zlib";
import { startApp } from "../tests/helpers/app-server";
import { DEMO_PASSWORD, DEMO_STAFF } from "../prisma/seed-data";

const app = await startApp({ RUN_JOBS: "true" });
const url = (p: string) => new URL(p, app.baseUrl).toString();

try {
  const cookie = await signIn();
  console.log("\nJavaScript shipped (gzip):");
  // Every citizen page a person reaches without a reference (the others are the same shell), then staff pages.
  const citizenPages = ["/", "/report", "/status", "/help", "/callback", "/book", "/book/stadtbibliothek", "/borrow", "/appointment", "/team/sign-in"];
  for (const [page, headers] of [
    ...citizenPages.map((p) => [p, {}] as const),
    ["/team", { Cookie: cookie }],
    ["/team/tickets", { Cookie: cookie }],
  ] as const) {
    const html = await (await fetch(url(page), { headers })).text();
    const scripts = [...html.matchAll(/<(?:script[^>]+src|link[^>]+rel="modulepreload"[^>]+href)="([^"]+)"/g)].map((m) => m[1]);
    const inline = [...html.matchAll(/<script[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]).join("");
    let bytes = gzipSync(inline).length * (inline ? 1 : 0);
    for (const src of new Set(scripts)) bytes += gzipSync(Buffer.from(await (await fetch(url(src))).arrayBuffer())).length;
    console.log(`  ${page.padEnd(16)} ${(bytes / 1024).toFixed(1).padStart(7)} KB in ${new Set(scripts).size} files`);
  }

  console.log("\nServer time over 300 sequential requests (ms):");
  for (const [page, headers] of [
    ["/", {}],
    ["/team", { Cookie: cookie }],
    ["/team/outbox", { Cookie: cookie }],
  ] as const) {
    const times: number[] = [];
    for (let i = 0; i < 300; i++) {
      const start = performance.now();
      const res = await fetch(url(page), { headers });
      await res.arrayBuffer();
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    const pct = (p: number) => times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))].toFixed(1);
    console.log(`  ${page.padEnd(16)} p50 ${pct(50).padStart(6)}   p95 ${pct(95).padStart(6)}`);
  }

  const status = fs.readFileSync(`/proc/${app.pid}/status`, "utf8");
  console.log(`\nServer memory after the run: ${status.match(/VmRSS:\s+(\d+)/)?.[1] ?? "?"} kB resident`);
} finally {
  await app.stop();
}

async function signIn(): Promise<string> {
  const admin = DEMO_STAFF.find((s) => s.role === "admin")!;
  const res = await fetch(url("/team/sign-in"), {
    method: "POST",
    headers: { Origin: app.baseUrl, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email: admin.email, password: DEMO_PASSWORD }),
    redirect: "manual",
  });
  const cookie = res.headers.get("set-cookie")?.split(";")[0];
  if (!cookie) throw new Error(`sign-in failed: ${res.status}`);
  return cookie;
}
