// The known-device cookie (docs/decisions/025-limits-that-hold.md): set at a successful sign-in, it lets this browser
// keep signing in to the same accounts while those accounts are under attack from elsewhere. It holds a random
// device id and short keyed tags of the accounts signed in here — nothing readable, nothing that signs anyone in.
import crypto from "node:crypto";
import { createCookie, type AppLoadContext } from "@remix-run/node";
import { z } from "zod";

/** A shared tablet remembers this many accounts (the most recent). */
const ACCOUNTS_PER_DEVICE = 8;

const KnownDevice = z.object({ id: z.string().regex(/^[\w-]{16,64}$/), accounts: z.array(z.string().max(64)).max(ACCOUNTS_PER_DEVICE) });

const cookies = new WeakMap<object, ReturnType<typeof createCookie>>();
function deviceCookie(context: AppLoadContext) {
  const { config } = context.services;
  let cookie = cookies.get(config);
  if (!cookie) {
    cookie = createCookie("da_device", {
      httpOnly: true,
      sameSite: "lax",
      secure: config.secureCookies,
      path: "/team/sign-in",
      secrets: [config.sessionSecret],
      maxAge: 400 * 24 * 60 * 60, // browsers keep a cookie at most 400 days
    });
    cookies.set(config, cookie);
  }
  return cookie;
}

const accountTag = (context: AppLoadContext, email: string) =>
  crypto.createHmac("sha256", context.services.config.sessionSecret).update(`known-device:${email.trim().toLowerCase()}`).digest("base64url").slice(0, 22);

async function read(request: Request, context: AppLoadContext) {
  const parsed = KnownDevice.safeParse(await deviceCookie(context).parse(request.headers.get("Cookie")));
  return parsed.success ? parsed.data : null;
}

/** This browser's device id when it has signed in to this account before, else null. */
export async function knownDevice(request: Request, context: AppLoadContext, email: string): Promise<string | null> {
  const device = await read(request, context);
  return device?.accounts.includes(accountTag(context, email)) ? device.id : null;
}

/** The Set-Cookie that makes this browser a known device for this account (after a successful sign-in). */
export async function rememberDevice(request: Request, context: AppLoadContext, email: string): Promise<string> {
  const device = (await read(request, context)) ?? { id: crypto.randomBytes(16).toString("base64url"), accounts: [] };
  const tag = accountTag(context, email);
  const accounts = [tag, ...device.accounts.filter((a) => a !== tag)].slice(0, ACCOUNTS_PER_DEVICE);
  return deviceCookie(context).serialize({ id: device.id, accounts });
}
