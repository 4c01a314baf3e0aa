// The pieces of the route fuzz: a seeded random source, hostile values, the forms a page really shows, an HTTP
// client per identity, and the app's log read back request by request.
import { DEMO_PASSWORD, DEMO_STAFF } from "../../prisma/seed-data";

/** mulberry32: small, fast and the same on every machine, so a printed seed replays a run exactly. */
export function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)];
  const chance = (p: number) => next() < p;
  const sample = <T>(items: readonly T[], n: number): T[] => {
    const copy = [...items];
    const out: T[] = [];
    while (copy.length && out.length < n) out.push(copy.splice(int(copy.length), 1)[0]);
    return out;
  };
  return { next, int, pick, chance, sample };
}
export type Random = ReturnType<typeof random>;

/** A cuid-looking id no record has. */
export const unknownId = (r: Random) => `c${Array.from({ length: 24 }, () => "abcdefghijklmnopqrstuvwxyz0123456789"[r.int(36)]).join("")}`;

export const IMPOSSIBLE_DATES = ["2026-02-30", "2026-13-01", "0000-00-00", "2026-02-29", "2026-04-31", "2026-00-10", "99999-01-01", "2026-1-1"];
const IMPOSSIBLE_TIMES = ["2026-02-30T10:00", "2026-13-01T09:00", "2026-06-01T25:61", "24:00", "10:99", "-01:00", "T"];
export const MARKUP = ['<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', "{{7*7}}", "${7*7}", "'; DROP TABLE Person; --"];
const NUMBERS = ["-1", "0", "-999999999999", "99999999999999999999999", "1e309", "NaN", "Infinity", "1.5", "0x10", "9007199254740993"];
const WEIRD = ["", " ", "..", "../../etc/passwd", "%00", "\u0000", "a".repeat(5_000), "ü€😀\u202e", "ﷺ مرحبا", "null", "undefined", "true", "[object Object]", "+49", "+4915112345678", "0421 123"];

/** A hostile value for a field: impossible dates for date-ish fields, otherwise anything from the lists above. */
export function hostileValue(r: Random, field: string, ids: string[]): string {
  if (/date|day|on$|at$|until|from|to$|month|week|time/i.test(field) && r.chance(0.6)) return r.pick(r.chance(0.7) ? IMPOSSIBLE_DATES : IMPOSSIBLE_TIMES);
  if (/id$|Id$|ids$|device|person|location|topic|category/i.test(field) && r.chance(0.5)) return r.chance(0.5) ? r.pick(ids) : unknownId(r);
  return r.pick(r.pick([IMPOSSIBLE_DATES, MARKUP, NUMBERS, WEIRD, ids.length ? ids : WEIRD]));
}

/** File names Content-Disposition cannot carry plainly. */
export const HOSTILE_FILE_NAMES = ['a=b.csv', 'x"; name="intent.csv', "<script>alert(1)</script>.jpg", "..\\..\\evil.csv", "ü😀 =\".png", "a\r\nb.csv", ""];

export interface PageForm {
  action: string;
  method: string;
  multipart: boolean;
  fields: [string, string][];
  /** Names of fields the page shows as dates (type=date, datetime-local, time, month). */
  dateFields: string[];
}

const attr = (tag: string, name: string) => tag.match(new RegExp(`\\s${name}="([^"]*)"`))?.[1];
const unescape = (s: string) => s.replace(/&amp;/g, "&").replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">");

/** The forms a page shows (our own HTML, so a few regular expressions do), with the values it fills in. */
export function formsIn(html: string, pagePath: string): PageForm[] {
  const forms: PageForm[] = [];
  for (const [, open, body] of html.matchAll(/<form(\s[^>]*)?>([\s\S]*?)<\/form>/g)) {
    const tag = open ?? "";
    const method = (attr(tag, "method") ?? "get").toLowerCase();
    const action = unescape(attr(tag, "action") ?? pagePath);
    const fields: [string, string][] = [];
    const dateFields: string[] = [];
    for (const [input] of body.matchAll(/<(?:input|button)\s[^>]*>/g)) {
      const name = attr(input, "name");
      if (!name) continue;
      const type = attr(input, "type") ?? "text";
      if (/^(date|datetime-local|time|month|week)$/.test(type)) dateFields.push(name);
      if ((type === "checkbox" || type === "radio") && !/\schecked/.test(input)) continue;
      if (input.startsWith("<button") && name !== "intent") continue;
      fields.push([name, unescape(attr(input, "value") ?? "")]);
    }
    for (const [, selTag, options] of body.matchAll(/<select(\s[^>]*)>([\s\S]*?)<\/select>/g)) {
      const name = attr(selTag, "name");
      const first = options.match(/<option[^>]*\svalue="([^"]*)"/)?.[1];
      if (name) fields.push([name, unescape(first ?? "")]);
    }
    for (const [, taTag, text] of body.matchAll(/<textarea(\s[^>]*)>([\s\S]*?)<\/textarea>/g)) {
      const name = attr(taTag, "name");
      if (name) fields.push([name, unescape(text)]);
    }
    forms.push({ action, method, multipart: /multipart/.test(attr(tag, "enctype") ?? attr(tag, "encType") ?? ""), fields, dateFields });
  }
  return forms;
}

export type Role = (typeof DEMO_STAFF)[number]["role"];
export interface Identity {
  name: "anonymous" | Role;
  cookie: string;
}

/** Signs a demo staff member in over HTTP (Origin for the CSRF check) and keeps the cookies it sets. */
export async function signInOverHttp(baseUrl: string, role: Role): Promise<Identity> {
  const staff = DEMO_STAFF.find((s) => s.role === role)!;
  const response = await fetch(`${baseUrl}/team/sign-in`, {
    method: "POST",
    headers: { Origin: baseUrl, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email: staff.email, password: DEMO_PASSWORD }).toString(),
    redirect: "manual",
  });
  const cookie = response.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  if (response.status !== 302 || !cookie) throw new Error(`Sign-in as ${role} answered ${response.status}`);
  return { name: role, cookie };
}

export interface LogLine {
  level: number;
  msg?: string;
  method?: string;
  path?: string;
  status?: number;
  [key: string]: unknown;
}

/**
 * The app's log, one request at a time: the error lines written before each request's own log line (requests are
 * sent one after another) belong to it.
 */
export function requestsWithErrors(output: string): { request: LogLine; errors: LogLine[] }[] {
  const out: { request: LogLine; errors: LogLine[] }[] = [];
  let pending: LogLine[] = [];
  for (const line of output.split("\n")) {
    if (!line.startsWith("{")) continue;
    let entry: LogLine;
    try {
      entry = JSON.parse(line) as LogLine;
    } catch {
      continue;
    }
    if (entry.msg === "request" && typeof entry.status === "number") {
      out.push({ request: entry, errors: pending });
      pending = [];
    } else if (entry.level >= 50) pending.push(entry);
  }
  if (pending.length) out.push({ request: { level: 30, msg: "(no request)", status: 0 }, errors: pending });
  return out;
}
