// The staff session cookie and the one guard every staff loader and action starts with.
import crypto from "node:crypto";
import { createCookie, redirect, type AppLoadContext } from "@remix-run/node";
import type { StaffCtx } from "~/context";
import { withActor } from "~/context";
import { resumeSession, type SessionSettings } from "~/capabilities/people/auth.server";
import { can, type Permission, type StaffActor } from "~/capabilities/people/permissions";
import { forbidden } from "~/lib/errors";
import { errorResponse } from "./errors.server";

const cookies = new WeakMap<object, ReturnType<typeof createCookie>>();

export function sessionCookie(context: AppLoadContext) {
  const { config } = context.services;
  let cookie = cookies.get(config);
  if (!cookie) {
    // On https the __Host- prefix makes the browser refuse the cookie unless it is Secure, for "/" and from this very
    // host (no Domain): a neighbouring subdomain cannot plant or override it. Plain http would refuse the prefix.
    cookie = createCookie(config.secureCookies ? "__Host-da_session" : "da_session", {
      httpOnly: true,
      sameSite: "lax",
      secure: config.secureCookies,
      path: "/",
      secrets: [config.sessionSecret],
      // No maxAge: the cookie ends with the browser; the server ends idle sessions.
    });
    cookies.set(config, cookie);
  }
  return cookie;
}

/**
 * Whether a cookie header carries a session cookie this server signed (perhaps ended since): no database, so the
 * body limit can ask it before reading an upload. Whether the session is still valid is requireStaff's question.
 */
export async function carriesSessionCookie(services: AppLoadContext["services"], cookieHeader: string | null): Promise<boolean> {
  return typeof (await sessionCookie({ services } as AppLoadContext).parse(cookieHeader)) === "string";
}

export function sessionSettings(context: AppLoadContext): SessionSettings {
  const { config } = context.services;
  return { secret: config.sessionSecret, idleMinutes: config.sessionIdleMinutes, maxHours: config.sessionMaxHours };
}

export async function readSessionToken(request: Request, context: AppLoadContext): Promise<string | null> {
  const value = await sessionCookie(context).parse(request.headers.get("Cookie"));
  return typeof value === "string" ? value : null;
}

export interface StaffRequest {
  ctx: StaffCtx;
  actor: StaffActor;
  expiresAt: Date;
}

/**
 * Signed-in staff with `permission` (at `locationId`, when given), or a thrown response:
 * a redirect to sign-in when nobody is signed in, 403 when the role or location does not allow it.
 */
export async function requireStaff(
  request: Request,
  context: AppLoadContext,
  permission: Permission,
  locationId?: string | null,
): Promise<StaffRequest> {
  const token = await readSessionToken(request, context);
  const session = token ? await resumeSession(context.services, sessionSettings(context), token) : null;
  if (!session) {
    const { pathname } = new URL(request.url);
    throw redirect(`/team/sign-in?redirectTo=${encodeURIComponent(pathname)}`);
  }
  const tag = (value: string) => crypto.createHmac("sha256", context.services.config.sessionSecret).update(value).digest("hex").slice(0, 24);
  context.staffSessionTag = tag(`offline-cache:${token}`);
  context.staffPersonTag = tag(`offline-person:${session.actor.staffId}`);
  context.staffActor = session.actor; // a 403 below (or from a capability) is audit-logged as theirs (refusal-audit.server.ts)
  if (!can(session.actor, permission, locationId)) throw errorResponse(forbidden(permission));
  const ctx = withActor(context.services, session.actor) as StaffRequest["ctx"];
  return { ctx, actor: session.actor, expiresAt: session.expiresAt };
}
