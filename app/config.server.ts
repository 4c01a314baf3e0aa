// Settings from the environment, checked once at start-up. Every setting is listed in .env.example.
import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { z } from "zod";
import type { AppConfig, TwilioConfig } from "~/context";
import { DEFAULT_DATABASE_URL, sqliteFilePath } from "~/lib/database-url";
import { StartupProblem } from "~/lib/errors";

/** A number of whole days between `min` and ten years; anything else stops the start with the setting's name. */
function retentionDays(fallback: number, min: number) {
  const message = `must be a whole number of days from ${min} to 3650`;
  return z
    .string()
    .trim()
    .regex(/^\d+$/, message)
    .transform(Number)
    .pipe(z.number().int().min(min, message).max(3650, message))
    .default(fallback);
}

const Env = z.object({
  DATABASE_URL: z.string().default(DEFAULT_DATABASE_URL),
  PUBLIC_URL: z.url().default("http://localhost:3000"),
  SESSION_SECRET: z.string().min(32).optional(),
  DATABASE_KEY: z.string().min(16).optional(),
  DATABASE_KEY_FILE: z.string().min(1).optional(),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(2).max(480).default(30),
  SESSION_MAX_HOURS: z.coerce.number().int().min(1).max(24).default(12),
  TRUST_PROXY: z.string().default("false"),
  PROGRAMME_PHONE: z.string().default("+494211234560"),
  MESSAGE_PROVIDER: z.enum(["outbox", "twilio"]).optional(),
  TWILIO_ACCOUNT_SID: z.string().regex(/^AC[0-9a-fA-F]{32}$/, "must look like AC followed by 32 hex digits").optional(),
  TWILIO_AUTH_TOKEN: z.string().min(16).optional(),
  TWILIO_API_KEY: z.string().regex(/^SK[0-9a-fA-F]{32}$/, "must look like SK followed by 32 hex digits").optional(),
  TWILIO_API_SECRET: z.string().min(16).optional(),
  TWILIO_FROM_NUMBER: z.string().regex(/^\+[1-9]\d{6,14}$/, "must be an E.164 number like +494211234560").optional(),
  TWILIO_API_BASE: z.url().optional(),
  MESSAGES_PER_SECOND: z.coerce.number().positive().max(1000).default(10),
  MESSAGES_PER_NUMBER_PER_HOUR: z.coerce.number().int().min(1).max(1000).default(6),
  MESSAGE_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  AUDIT_RETENTION_DAYS: z.coerce.number().int().min(30).max(3650).default(730),
  // The retention schedule (Löschkonzept, docs/decisions/030-retention-schedule.md): days after a record ended.
  RETENTION_TICKET_DAYS: retentionDays(365, 1),
  RETENTION_LOAN_DAYS: retentionDays(365, 1),
  RETENTION_APPOINTMENT_DAYS: retentionDays(90, 1),
  RETENTION_CALLBACK_DAYS: retentionDays(90, 1),
  RETENTION_WAITLIST_DAYS: retentionDays(0, 0),
  PRIVACY_CONTROLLER: z.string().trim().max(300).optional(),
  PRIVACY_DPO_CONTACT: z.string().trim().max(300).optional(),
  PRIVACY_SUPERVISORY_AUTHORITY: z.string().trim().min(1).max(300).default("Die Landesbeauftragte für Datenschutz und Informationsfreiheit Bremen, Arndtstraße 1, 27570 Bremerhaven, office@datenschutz.bremen.de"),
  CLOCK_OFFSET_MS: z.coerce.number().int().default(0),
});

/** Express's `trust proxy`: false, a number of proxy hops, or the proxies' addresses and subnets. */
export type TrustProxy = false | number | string[];

export function readConfig(env: NodeJS.ProcessEnv = process.env): AppConfig & { databaseUrl: string; clockOffsetMs: number; trustProxy: TrustProxy } {
  // `NAME=` (as in a copy of .env.example) means "not set", not "set to nothing".
  const parsed = Env.safeParse(Object.fromEntries(Object.entries(env).filter(([, value]) => value !== "")));
  if (!parsed.success) {
    throw new StartupProblem(`Invalid settings: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  }
  const e = parsed.data;
  const publicUrl = new URL(e.PUBLIC_URL);
  const { provider, twilio } = twilioSettings(e);
  const local = ["localhost", "127.0.0.1", "[::1]"].includes(publicUrl.hostname);
  return {
    databaseUrl: e.DATABASE_URL,
    clockOffsetMs: e.CLOCK_OFFSET_MS,
    publicUrl: publicUrl.origin,
    sessionSecret: e.SESSION_SECRET ?? persistentSecret(e.DATABASE_URL),
    sessionIdleMinutes: e.SESSION_IDLE_MINUTES,
    sessionMaxHours: e.SESSION_MAX_HOURS,
    trustProxy: trustProxy(e.TRUST_PROXY),
    programmePhone: e.PROGRAMME_PHONE,
    // Secure cookies whenever the public address is https; plain http is only accepted for a local install.
    secureCookies: publicUrl.protocol === "https:" || (env.NODE_ENV === "production" && !local),
    messageProvider: provider,
    twilio,
    messaging: {
      perSecond: e.MESSAGES_PER_SECOND,
      perNumberPerHour: e.MESSAGES_PER_NUMBER_PER_HOUR,
      retentionDays: e.MESSAGE_RETENTION_DAYS,
    },
    retention: {
      auditDays: e.AUDIT_RETENTION_DAYS,
      ticketDays: e.RETENTION_TICKET_DAYS,
      loanDays: e.RETENTION_LOAN_DAYS,
      appointmentDays: e.RETENTION_APPOINTMENT_DAYS,
      callbackDays: e.RETENTION_CALLBACK_DAYS,
      waitlistDays: e.RETENTION_WAITLIST_DAYS,
    },
    // Who answers for the data, for the privacy page (decision 033): empty → the page names the places instead.
    privacy: { controller: e.PRIVACY_CONTROLLER || null, dpoContact: e.PRIVACY_DPO_CONTACT || null, supervisoryAuthority: e.PRIVACY_SUPERVISORY_AUTHORITY },
  };
}

/** Twilio when asked for or when credentials are there; the outbox otherwise. Half a configuration is an error. */
function twilioSettings(e: z.output<typeof Env>): { provider: AppConfig["messageProvider"]; twilio: TwilioConfig | null } {
  const provider = e.MESSAGE_PROVIDER ?? (e.TWILIO_ACCOUNT_SID ? "twilio" : "outbox");
  if (provider === "outbox") return { provider, twilio: null };
  const missing = [
    !e.TWILIO_ACCOUNT_SID && "TWILIO_ACCOUNT_SID",
    !e.TWILIO_AUTH_TOKEN && "TWILIO_AUTH_TOKEN (needed to check webhook signatures, also with an API key)",
    !!e.TWILIO_API_KEY !== !!e.TWILIO_API_SECRET && "TWILIO_API_KEY and TWILIO_API_SECRET together",
  ].filter(Boolean);
  if (missing.length) throw new StartupProblem(`Invalid settings: MESSAGE_PROVIDER=twilio needs ${missing.join(", ")}`);
  return {
    provider,
    twilio: {
      accountSid: e.TWILIO_ACCOUNT_SID!,
      authToken: e.TWILIO_AUTH_TOKEN!,
      apiKey: e.TWILIO_API_KEY,
      apiSecret: e.TWILIO_API_SECRET,
      fromNumber: e.TWILIO_FROM_NUMBER ?? e.PROGRAMME_PHONE,
      apiBaseUrl: e.TWILIO_API_BASE,
    },
  };
}

/**
 * TRUST_PROXY: how many proxies stand in front of the app (`1`), or their addresses (`10.0.0.2, 10.1.0.0/16`).
 * The client address is then the one the nearest untrusted hop saw, never a left-most X-Forwarded-For entry a client
 * wrote itself. `true` (trust every hop) is refused: it made any client's own header its address (decision 024).
 */
function trustProxy(value: string): TrustProxy {
  const v = value.trim().toLowerCase();
  if (v === "" || v === "false" || v === "0") return false;
  if (v === "true") {
    throw new StartupProblem(
      "TRUST_PROXY=true would let every client choose its own address through X-Forwarded-For: set it to the number of proxies in front of the app (usually 1) or to their addresses, e.g. TRUST_PROXY=10.0.0.2.",
    );
  }
  if (/^\d+$/.test(v)) return Number(v);
  const list = v.split(",").map((a) => a.trim()).filter(Boolean);
  const wrong = list.filter((a) => !isProxyAddress(a));
  if (wrong.length || !list.length) {
    throw new StartupProblem(`TRUST_PROXY must be a number of proxies or a comma list of their addresses or subnets; ${wrong.join(", ") || "nothing"} is neither.`);
  }
  return list;
}

/** What Express's proxy-addr accepts: its names for private ranges, or an IP address with an optional /prefix. */
function isProxyAddress(entry: string): boolean {
  if (["loopback", "linklocal", "uniquelocal"].includes(entry)) return true;
  const [ip = "", bits, ...rest] = entry.split("/");
  const version = net.isIP(ip);
  if (!version || rest.length) return false;
  return bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= (version === 4 ? 32 : 128));
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
