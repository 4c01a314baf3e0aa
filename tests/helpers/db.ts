// A freshly migrated SQLite file per test file: the real migrations, applied in order.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll } from "vitest";
import type { Services } from "~/context";
import { openDatabase, type Db } from "~/db.server";
import { createMessenger } from "~/capabilities/messaging/messenger.server";
import { fixedClock } from "~/lib/clock";

// Through the same connection as the test: a second better-sqlite3 handle, closed and then garbage-collected,
// aborts Node 24 (a destructor bug in better-sqlite3 11).
async function applyMigrations(db: Db): Promise<void> {
  const dir = path.resolve("prisma/migrations");
  for (const name of fs.readdirSync(dir).filter((n) => fs.statSync(path.join(dir, n)).isDirectory()).sort()) {
    const sql = fs.readFileSync(path.join(dir, name, "migration.sql"), "utf8");
    for (const statement of sql.split(/;\s*(?:\n|$)/).map((s) => s.replace(/^\s*--.*$/gm, "").trim()).filter(Boolean)) {
      await db.$executeRawUnsafe(statement);
    }
  }
}

/**
 * Encrypted, as in production. `encrypted: false` for a test that searches the file's bytes for what a deletion left
 * behind: on an encrypted file that search would find nothing whatever was left (decision 035).
 */
export async function createTestDb({ encrypted = true }: { encrypted?: boolean } = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "da-test-"));
  const db = await openDatabase(`file:${path.join(dir, "test.db")}`, { encrypted });
  await applyMigrations(db);
  afterAll(async () => {
    await db.$disconnect();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  return db;
}

/** Services with a pinned clock, as the server would build them. */
export async function createTestServices(start = "2026-11-23T10:00:00Z", { encrypted = true }: { encrypted?: boolean } = {}) {
  const db = await createTestDb({ encrypted });
  const clock = fixedClock(start);
  const config: Services["config"] = {
    publicUrl: "http://localhost:3000",
    sessionSecret: "test-secret-test-secret-test-secret-123",
    sessionIdleMinutes: 30,
    sessionMaxHours: 12,
    programmePhone: "+494211234560",
    secureCookies: false,
    messageProvider: "outbox",
    twilio: null,
    messaging: { perSecond: 1000, perNumberPerHour: 6, retentionDays: 90 },
    retention: { auditDays: 730, ticketDays: 365, loanDays: 365, appointmentDays: 90, callbackDays: 90, waitlistDays: 0 },
    privacy: { controller: null, dpoContact: null, supervisoryAuthority: "Aufsichtsbehörde" },
  };
  const services: Services = { db, clock, messenger: createMessenger(clock, config), config };
  return { ...services, clock };
}
