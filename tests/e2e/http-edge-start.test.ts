// The HTTP edge of an app started on its own settings: behind one proxy on https (TRUST_PROXY=1, __Host- and Secure
// cookies), readiness, and starts that must stop with one sentence (a broken database, TRUST_PROXY=true).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "~/db.server";
import { STATUS_CHECK_TRIES } from "~/web/rate-limit.server";
import { DEMO_PASSWORD, DEMO_STAFF } from "../../prisma/seed-data";
import { startApp, startAppExpectingExit, type RunningApp } from "../helpers/app-server";

const PUBLIC = "https://ambulanz.example";
let app: RunningApp;
beforeAll(async () => {
  app = await startApp({ TRUST_PROXY: "1", PUBLIC_URL: PUBLIC, RUN_JOBS: "false" });
});
afterAll(() => app?.stop());

/** A request as the one proxy in front of the app passes it on: it appends the address it saw. */
function viaProxy(path: string, { clientSays, realClient, ...init }: RequestInit & { clientSays?: string; realClient: string }) {
  const headers = new Headers(init.headers);
  headers.set("X-Forwarded-For", clientSays ? `${clientSays}, ${realClient}` : realClient);
  headers.set("X-Forwarded-Proto", "https");
  headers.set("X-Forwarded-Host", "ambulanz.example");
  if (init.method === "POST") headers.set("Origin", PUBLIC);
  return fetch(`${app.baseUrl}${path}`, { redirect: "manual", ...init, headers });
}

describe("behind one reverse proxy (TRUST_PROXY=1)", () => {
  it("counts status look-ups by the address the proxy saw: a new left-most X-Forwarded-For each time does not help", async () => {
    const lookUp = (clientSays: string | undefined, realClient: string) =>
      viaProxy("/status", {
        method: "POST",
        clientSays,
        realClient,
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        body: "reference=ACD349&phoneLast4=9999",
      });
    // A wrong code is a 400 ("not found"); the limit answers 429.
    for (let i = 0; i < STATUS_CHECK_TRIES; i++) expect((await lookUp(`1.2.3.${i}`, "203.0.113.7")).status).toBe(400);
    expect((await lookUp("1.2.3.200", "203.0.113.7")).status).toBe(429);
    // Someone else behind the same proxy has their own count.
    expect((await lookUp(undefined, "203.0.113.8")).status).toBe(400);
  });
});

describe("cookies on https", () => {
  it("names the session cookie __Host- (Secure, Path=/, no Domain) and it signs in", async () => {
    const staff = DEMO_STAFF.find((s) => s.role === "librarian")!;
    const response = await viaProxy("/team/sign-in", {
      method: "POST",
      realClient: "203.0.113.20",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ email: staff.email, password: DEMO_PASSWORD }),
    });
    expect(response.status).toBe(302);
    const cookie = response.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/^__Host-da_session=/);
    expect(cookie).toMatch(/; Secure/);
    expect(cookie).toMatch(/; Path=\//);
    expect(cookie).not.toMatch(/Domain=/i);
    const team = await viaProxy("/team", { realClient: "203.0.113.20", headers: { Cookie: cookie.split(";")[0]! } });
    expect(team.status).toBe(200);
  });

  it("marks the language cookie Secure", async () => {
    const response = await viaProxy("/?lng=en", { realClient: "203.0.113.21" });
    expect(response.headers.get("set-cookie")).toMatch(/^lng=en;.*Secure/);
  });
});

describe("health and readiness", () => {
  it("/readyz answers 503 while a migration has not finished, /healthz stays 200", async () => {
    expect((await fetch(`${app.baseUrl}/readyz`)).status).toBe(200);
    const db = await openDatabase(app.databaseUrl);
    const [last] = await db.$queryRawUnsafe<{ migration_name: string; finished_at: unknown }[]>(
      `SELECT "migration_name", "finished_at" FROM "_prisma_migrations" ORDER BY "migration_name" DESC LIMIT 1`,
    );
    try {
      // What another instance's `prisma migrate deploy` leaves while it runs.
      await db.$executeRawUnsafe(`UPDATE "_prisma_migrations" SET "finished_at" = NULL WHERE "migration_name" = ?`, last!.migration_name);
      const ready = await fetch(`${app.baseUrl}/readyz`);
      expect(ready.status).toBe(503);
      await expect(ready.text()).resolves.toBe("not ready: migrations pending");
      expect((await fetch(`${app.baseUrl}/healthz`)).status).toBe(200);
    } finally {
      await db.$executeRawUnsafe(`UPDATE "_prisma_migrations" SET "finished_at" = ? WHERE "migration_name" = ?`, last!.finished_at, last!.migration_name);
      await db.$disconnect();
    }
    expect((await fetch(`${app.baseUrl}/readyz`)).status).toBe(200);
  });
});

describe("a start that cannot go on", () => {
  const noStack = (stderr: string) => expect(stderr).not.toMatch(/^\s+at /m);

  it("stops on a database file of garbage with one sentence and exit code 1", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "da-broken-"));
    const file = path.join(dir, "app.db");
    fs.writeFileSync(file, Buffer.alloc(64 * 1024, "garbage! "));
    try {
      const { code, stderr } = await startAppExpectingExit({ DATABASE_URL: `file:${file}` });
      expect(code).toBe(1);
      expect(stderr).toContain(`The database ${file} cannot be used (`);
      expect(stderr).toContain("restore it from a backup or set DATABASE_URL to another file.");
      noStack(stderr);
      expect(stderr.trim().split("\n")).toHaveLength(1);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("stops with one sentence naming the key when DATABASE_KEY does not open the database", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "da-key-"));
    const file = path.join(dir, "app.db");
    try {
      const db = await openDatabase(`file:${file}`);
      await db.$executeRawUnsafe("CREATE TABLE person (name TEXT)");
      await db.$disconnect();
      const { code, stderr } = await startAppExpectingExit({ DATABASE_URL: `file:${file}`, DATABASE_KEY: "not-the-key-of-this-database" });
      expect(code).toBe(1);
      expect(stderr).toContain(`The database ${file} cannot be used (file is not a database, or not one this key opens: DATABASE_KEY or ${path.join(dir, "database-key")})`);
      noStack(stderr);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("refuses TRUST_PROXY=true with one sentence that says what to set instead", async () => {
    const { code, stderr } = await startAppExpectingExit({ TRUST_PROXY: "true" });
    expect(code).toBe(1);
    expect(stderr).toContain("TRUST_PROXY=true would let every client choose its own address");
    noStack(stderr);
  });
});
