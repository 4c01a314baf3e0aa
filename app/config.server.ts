// Settings from the environment, checked once at start-up. Every setting is listed in .env.example.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import type { AppConfig } from "~/context";
import { DEFAULT_DATABASE_URL, sqliteFilePath } from "~/lib/database-url";

const Env = z.object({
  DATABASE_URL: z.string().default(DEFAULT_DATABASE_URL),
  PUBLIC_URL: z.url().default("http://localhost:3000"),
  SESSION_SECRET: z.string().min(32).optional(),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(2).max(480).default(30),
  PROGRAMME_PHONE: z.string().default("+494211234560"),
  MESSAGE_PROVIDER: z.enum(["outbox"]).default("outbox"),
});

export function readConfig(env: NodeJS.ProcessEnv = process.env): AppConfig & { databaseUrl: string } {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    throw new Error(`Invalid settings: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  }
  const e = parsed.data;
  const publicUrl = new URL(e.PUBLIC_URL);
  const local = ["localhost", "127.0.0.1", "[::1]"].includes(publicUrl.hostname);
  return {
    databaseUrl: e.DATABASE_URL,
    publicUrl: publicUrl.origin,
    sessionSecret: e.SESSION_SECRET ?? persistentSecret(e.DATABASE_URL),
    sessionIdleMinutes: e.SESSION_IDLE_MINUTES,
    programmePhone: e.PROGRAMME_PHONE,
    // Secure cookies whenever the public address is https; plain http is only accepted for a local install.
    secureCookies: publicUrl.protocol === "https:" || (env.NODE_ENV === "production" && !local),
    messageProvider: e.MESSAGE_PROVIDER,
  };
}

/** Without SESSION_SECRET, one random secret is made and kept next to the database, so restarts keep sessions. */
function persistentSecret(databaseUrl: string): string {
  const file = path.join(path.dirname(sqliteFilePath(databaseUrl)), "session-secret");
  if (fs.existsSync(file)) return fs.readFileSync(file, "utf8").trim();
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const secret = crypto.randomBytes(48).toString("base64url");
  fs.writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
