// Short-lived, signed, httpOnly cookies that carry a result across a Post/Redirect/Get, so nothing personal
// (a reference code, a phone number) ever appears in a URL, a browser history or a server log.
import { createCookie, type AppLoadContext } from "@remix-run/node";
import { z } from "zod";

/** What a flash may carry. Add a kind here; the cookie parses only known shapes. */
const Flash = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("problemReported"),
    reference: z.string().regex(/^[A-Z0-9]{6}$/),
    /** How the reference was also sent: the confirmation page says so. */
    channel: z.enum(["sms", "voice"]),
    /** They asked to be called back: when the call is planned (null: the team will say when). */
    callback: z.object({ at: z.iso.datetime().nullable(), timeZone: z.string().max(64) }).optional(),
  }),
  z.object({
    kind: z.literal("borrowRequested"),
    reference: z.string().regex(/^[A-Z0-9]{6}$/),
    channel: z.enum(["sms", "voice"]),
    location: z.string().max(200),
  }),
  z.object({
    kind: z.literal("notice"),
    /** A translation key, e.g. "content:articles.saved". */
    messageKey: z.string().regex(/^[\w]+:[\w.]+$/),
    /** Interpolation values, e.g. { title: "WLAN einrichten" }. */
    params: z.record(z.string(), z.string().max(200)).default({}),
  }),
]);
export type FlashValue = z.infer<typeof Flash>;

export interface FlashOptions {
  /** Only requests below this path send the cookie back (data minimisation). */
  path: string;
  /** Long enough to read, reload or print the page; short enough not to linger on a shared computer. */
  maxAgeSeconds?: number;
}

/** The reference of a reported problem, from POST /report to GET /report/done. */
export const REPORT_FLASH: FlashOptions = { path: "/report", maxAgeSeconds: 15 * 60 };

/** The reference of a request to borrow, from POST /borrow to GET /borrow/done. */
export const BORROW_FLASH: FlashOptions = { path: "/borrow", maxAgeSeconds: 15 * 60 };

/** "Saved." after a staff form redirects back to its list; read once. */
export const TEAM_NOTICE: FlashOptions = { path: "/team", maxAgeSeconds: 60 };

const cookies = new WeakMap<object, Map<string, ReturnType<typeof createCookie>>>();

function flashCookie(context: AppLoadContext, { path, maxAgeSeconds = 15 * 60 }: FlashOptions) {
  const { config } = context.services;
  let byPath = cookies.get(config);
  if (!byPath) {
    byPath = new Map();
    cookies.set(config, byPath);
  }
  const name = `${path}:${maxAgeSeconds}`;
  let cookie = byPath.get(name);
  if (!cookie) {
    cookie = createCookie("da_flash", {
      httpOnly: true,
      sameSite: "lax",
      secure: config.secureCookies,
      path,
      maxAge: maxAgeSeconds,
      secrets: [config.sessionSecret],
    });
    byPath.set(name, cookie);
  }
  return cookie;
}

/** The Set-Cookie header that hands `value` to the next page. */
export async function setFlash(context: AppLoadContext, options: FlashOptions, value: FlashValue): Promise<string> {
  return flashCookie(context, options).serialize(value);
}

/** The flash of this kind, or null when there is none, it expired, or its signature does not match. */
export async function readFlash<K extends FlashValue["kind"]>(
  request: Request,
  context: AppLoadContext,
  options: FlashOptions,
  kind: K
): Promise<Extract<FlashValue, { kind: K }> | null> {
  const raw: unknown = await flashCookie(context, options).parse(request.headers.get("Cookie"));
  const parsed = Flash.safeParse(raw);
  return parsed.success && parsed.data.kind === kind ? (parsed.data as Extract<FlashValue, { kind: K }>) : null;
}

/** The Set-Cookie header that removes the flash. */
export async function clearFlash(context: AppLoadContext, options: FlashOptions): Promise<string> {
  return flashCookie(context, options).serialize("", { maxAge: 0, expires: new Date(0) });
}

export interface Notice {
  messageKey: string;
  params: Record<string, string>;
}

/** Set-Cookie for a staff notice shown by the next page under /team, e.g. after saving. */
export async function noticeCookie(context: AppLoadContext, messageKey: string, params: Record<string, string> = {}) {
  return setFlash(context, TEAM_NOTICE, { kind: "notice", messageKey, params });
}

/** The waiting staff notice, if any, and the headers that remove it: it is shown once. */
export async function takeNotice(
  request: Request,
  context: AppLoadContext
): Promise<{ notice: Notice | null; headers: HeadersInit | undefined }> {
  const flash = await readFlash(request, context, TEAM_NOTICE, "notice");
  if (!flash) return { notice: null, headers: undefined };
  return {
    notice: { messageKey: flash.messageKey, params: flash.params },
    headers: { "Set-Cookie": await clearFlash(context, TEAM_NOTICE) },
  };
}
