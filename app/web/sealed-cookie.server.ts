// A cookie whose value nobody can read or change: AES-256-GCM under a key derived from the session secret. For
// drafts that hold personal data between pages (the online booking), where a signed cookie would still show it.
import crypto from "node:crypto";
import { createCookie } from "@remix-run/node";
import type { AppConfig } from "~/context";
import type { Clock } from "~/lib/clock";

export interface SealedCookie {
  /** The value, or null when the cookie is missing, forged, from another secret or older than its lifetime. */
  parse(cookieHeader: string | null): Promise<unknown>;
  serialize(value: unknown): Promise<string>;
  /** Ends the cookie at once. */
  clear(): Promise<string>;
}

/**
 * A session cookie (no Max-Age: it ends with the browser); its lifetime, `lifetimeSeconds`, is sealed inside, so an
 * old copy is worthless even in a browser that restores sessions.
 */
export function sealedCookie(
  name: string,
  { config, clock, path, lifetimeSeconds }: { config: AppConfig; clock: Clock; path: string; lifetimeSeconds: number },
): SealedCookie {
  const cookie = createCookie(name, { httpOnly: true, sameSite: "lax", secure: config.secureCookies, path });
  const key = Buffer.from(crypto.hkdfSync("sha256", config.sessionSecret, Buffer.alloc(0), `sealed-cookie:${name}`, 32));
  return {
    async parse(header) {
      const sealed: unknown = await cookie.parse(header);
      if (typeof sealed !== "string") return null;
      const opened = open(key, sealed);
      if (!opened || typeof opened.until !== "number" || opened.until <= clock.now().getTime()) return null;
      return opened.value;
    },
    serialize: (value) => cookie.serialize(seal(key, { until: clock.now().getTime() + lifetimeSeconds * 1000, value })),
    clear: () => cookie.serialize("", { maxAge: 0, expires: new Date(0) }),
  };
}

function seal(key: Buffer, content: unknown): string {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv("aes-256-gcm", key, iv);
  const data = Buffer.concat([cipher.update(JSON.stringify(content), "utf8"), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), data]).toString("base64url");
}

function open(key: Buffer, sealed: string): { until?: unknown; value?: unknown } | null {
  try {
    const bytes = Buffer.from(sealed, "base64url");
    const decipher = crypto.createDecipheriv("aes-256-gcm", key, bytes.subarray(0, 12));
    decipher.setAuthTag(bytes.subarray(12, 28));
    const json = Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString("utf8");
    return JSON.parse(json) as { until?: unknown; value?: unknown };
  } catch {
    return null;
  }
}
