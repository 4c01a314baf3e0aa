// Staff sign-in: argon2id passwords and server-side sessions with an idle timeout and an absolute lifetime.
// The cookie holds a random token; the database keeps only its keyed hash. No actor exists before sign-in, so these
// functions take the services ({ db, clock }) first where capabilities take a ctx.
import crypto from "node:crypto";
import { hash, verify } from "@node-rs/argon2";
import { z } from "zod";
import type { Db } from "~/db.server";
import type { Clock } from "~/lib/clock";
import type { StaffActor } from "./permissions";
import type { Role } from "./values";
import { audit } from "~/capabilities/privacy/audit.server";

/** What the sign-in form sends. Error strings are translation keys. */
export const SignInInput = z.object({
  email: z.email({ error: "auth:errors.emailInvalid" }).max(254, { error: "auth:errors.emailInvalid" }),
  password: z.string({ error: "auth:errors.passwordRequired" }).min(1, { error: "auth:errors.passwordRequired" }).max(1000),
  redirectTo: z.string().optional(),
});

/** argon2id (the library's default algorithm) with OWASP's minimum parameters: 19 MiB, 2 passes. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, { memoryCost: 19_456, timeCost: 2, parallelism: 1 });
}

// Checked when the e-mail is unknown, so a wrong address takes as long as a wrong password.
let dummyHash: Promise<string> | null = null;

export interface SessionSettings {
  secret: string;
  idleMinutes: number;
  /** However active, a session ends this long after sign-in: a stolen cookie is not good for ever. */
  maxHours: number;
}

/** The idle timeout from `now`, but never past the session's absolute end. */
function nextExpiry(settings: SessionSettings, createdAt: Date, now: Date): Date {
  const idleEnd = now.getTime() + settings.idleMinutes * 60_000;
  const absoluteEnd = createdAt.getTime() + settings.maxHours * 3_600_000;
  return new Date(Math.min(idleEnd, absoluteEnd));
}

function tokenHash(token: string, secret: string): string {
  return crypto.createHmac("sha256", secret).update(token).digest("hex");
}

export async function signIn(
  { db, clock }: { db: Db; clock: Clock },
  settings: SessionSettings,
  input: { email: string; password: string; previousToken?: string | null },
): Promise<{ token: string; staffId: string } | null> {
  const staff = await db.staff.findUnique({ where: { email: input.email.trim().toLowerCase() } });
  if (!staff || !staff.active) {
    dummyHash ??= hashPassword(crypto.randomBytes(16).toString("hex"));
    await verify(await dummyHash, input.password);
    await failed({ db, clock }, staff?.id ?? null);
    return null;
  }
  if (!(await verify(staff.passwordHash, input.password))) {
    await failed({ db, clock }, staff.id);
    return null;
  }

  // A new session id at every sign-in; whatever session this browser had before ends (no fixation).
  if (input.previousToken) await signOut({ db, clock }, settings, input.previousToken);
  const token = crypto.randomBytes(32).toString("base64url");
  const now = clock.now();
  await db.staffSession.create({
    data: {
      tokenHash: tokenHash(token, settings.secret),
      staffId: staff.id,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: nextExpiry(settings, now, now),
    },
  });
  await audit({ clock, actor: { kind: "system", name: "sign-in" } }, db, { action: "staff.signedIn", subjectType: "Staff", subjectId: staff.id });
  return { token, staffId: staff.id };
}

/**
 * A failed sign-in, for the audit log: which staff account was tried when the e-mail is one, else nothing about it
 * (a mistyped address may be someone's private one). Never the password, never the address it came from.
 */
async function failed({ db, clock }: { db: Db; clock: Clock }, staffId: string | null) {
  await audit({ clock, actor: { kind: "system", name: "sign-in" } }, db, {
    action: "staff.signInFailed",
    subjectType: "Staff",
    subjectId: staffId,
    details: { knownAccount: Boolean(staffId) },
  });
}

/**
 * Ends a session. `reason` is given when the person signed out (or their idle session was ended on the page):
 * that is audit-logged; a session ended by the next sign-in on the same browser is not a sign-out.
 */
export async function signOut(
  { db, clock }: { db: Db; clock: Clock },
  settings: SessionSettings,
  token: string,
  reason?: "signedOut" | "expired",
): Promise<void> {
  const session = await db.staffSession.findUnique({ where: { tokenHash: tokenHash(token, settings.secret) }, select: { id: true, staffId: true } });
  if (!session) return;
  await db.staffSession.deleteMany({ where: { id: session.id } });
  if (reason) {
    await audit({ clock, actor: { kind: "system", name: "sign-out" } }, db, {
      action: "staff.signedOut",
      subjectType: "Staff",
      subjectId: session.staffId,
      details: { reason },
    });
  }
}

export interface StaffSessionInfo {
  actor: StaffActor;
  expiresAt: Date;
}

/**
 * Slide the idle timeout at most this often: a write on every request would cost each staff page a disk sync,
 * and a minute is plenty of precision for a 30-minute timeout.
 */
const SLIDE_EVERY_MS = 60_000;

/** The signed-in staff member, or null. Use slides the idle timeout forward (at most once a minute). */
export async function resumeSession(
  { db, clock }: { db: Db; clock: Clock },
  settings: SessionSettings,
  token: string,
): Promise<StaffSessionInfo | null> {
  const now = clock.now();
  const session = await db.staffSession.findUnique({
    where: { tokenHash: tokenHash(token, settings.secret) },
    include: { staff: { include: { memberships: { select: { locationId: true } } } } },
  });
  if (!session) return null;
  const absoluteEnd = session.createdAt.getTime() + settings.maxHours * 3_600_000;
  if (session.expiresAt <= now || absoluteEnd <= now.getTime() || !session.staff.active) {
    await db.staffSession.delete({ where: { id: session.id } }).catch(() => undefined);
    return null;
  }
  let expiresAt = session.expiresAt;
  if (now.getTime() - session.lastSeenAt.getTime() >= SLIDE_EVERY_MS) {
    expiresAt = nextExpiry(settings, session.createdAt, now);
    await db.staffSession.update({ where: { id: session.id }, data: { lastSeenAt: now, expiresAt } });
  }
  const { staff } = session;
  return {
    expiresAt,
    actor: {
      kind: "staff",
      staffId: staff.id,
      name: staff.name,
      role: staff.role as Role,
      locationIds: staff.memberships.map((m) => m.locationId),
    },
  };
}

/** Expired sessions are removed by a nightly job. */
export async function pruneSessions({ db, clock }: { db: Db; clock: Clock }): Promise<number> {
  const { count } = await db.staffSession.deleteMany({ where: { expiresAt: { lt: clock.now() } } });
  return count;
}
