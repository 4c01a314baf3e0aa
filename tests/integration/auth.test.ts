import { describe, expect, it } from "vitest";
import { resumeSession, signIn, signOut } from "~/capabilities/people/auth.server";
import { createTestServices } from "../helpers/db";
import { makeLocation, makeStaff } from "../helpers/factories";

const services = await createTestServices();
const settings = { secret: services.config.sessionSecret, idleMinutes: 30, maxHours: 12 };
const location = await makeLocation(services.db);
const staff = await makeStaff(services.db, { email: "ehrenamt@example.org", role: "volunteer", locationIds: [location.id] });

describe("staff sign-in", () => {
  it("signs in with the right password and knows role and locations", async () => {
    const session = await signIn(services, settings, { email: " Ehrenamt@Example.org ", password: "richtig-geheim" });
    expect(session).not.toBeNull();
    const resumed = await resumeSession(services, settings, session!.token);
    expect(resumed?.actor).toMatchObject({ staffId: staff.id, role: "volunteer", locationIds: [location.id] });
  });

  it("refuses a wrong password or an unknown address the same way", async () => {
    expect(await signIn(services, settings, { email: "ehrenamt@example.org", password: "falsch" })).toBeNull();
    expect(await signIn(services, settings, { email: "niemand@example.org", password: "richtig-geheim" })).toBeNull();
  });

  it("stores only a hash of the session token and argon2id password hashes", async () => {
    const session = await signIn(services, settings, { email: "ehrenamt@example.org", password: "richtig-geheim" });
    const rows = await services.db.staffSession.findMany();
    expect(rows.some((r) => r.tokenHash === session!.token)).toBe(false);
    expect((await services.db.staff.findUniqueOrThrow({ where: { id: staff.id } })).passwordHash).toMatch(/^\$argon2id\$/);
  });

  it("rotates the session at sign-in: the old token stops working", async () => {
    const first = await signIn(services, settings, { email: "ehrenamt@example.org", password: "richtig-geheim" });
    const second = await signIn(services, settings, {
      email: "ehrenamt@example.org",
      password: "richtig-geheim",
      previousToken: first!.token,
    });
    expect(second!.token).not.toBe(first!.token);
    expect(await resumeSession(services, settings, first!.token)).toBeNull();
    expect(await resumeSession(services, settings, second!.token)).not.toBeNull();
  });

  it("ends a session after 30 idle minutes, and each use slides the timeout", async () => {
    const session = await signIn(services, settings, { email: "ehrenamt@example.org", password: "richtig-geheim" });
    services.clock.advance(25 * 60_000);
    expect(await resumeSession(services, settings, session!.token)).not.toBeNull();
    services.clock.advance(25 * 60_000); // 50 minutes after sign-in, 25 after the last use
    expect(await resumeSession(services, settings, session!.token)).not.toBeNull();
    services.clock.advance(31 * 60_000);
    expect(await resumeSession(services, settings, session!.token)).toBeNull();
  });

  it("ends a session 12 hours after sign-in however active it is, and says so in its expiry", async () => {
    const session = await signIn(services, settings, { email: "ehrenamt@example.org", password: "richtig-geheim" });
    const signedInAt = services.clock.now().getTime();
    const end = signedInAt + 12 * 3_600_000;
    // A page every 20 minutes for 11 hours 40 minutes: the idle timeout never strikes.
    for (let i = 0; i < 35; i++) {
      services.clock.advance(20 * 60_000);
      expect(await resumeSession(services, settings, session!.token)).not.toBeNull();
    }
    // 20 minutes before the end the idle timeout would reach past it: the expiry (and the page's warning) is the end.
    expect((await resumeSession(services, settings, session!.token))!.expiresAt.getTime()).toBe(end);
    services.clock.advance(19 * 60_000);
    expect(await resumeSession(services, settings, session!.token)).not.toBeNull();
    services.clock.advance(60_000);
    expect(services.clock.now().getTime()).toBe(end);
    expect(await resumeSession(services, settings, session!.token)).toBeNull();
    // The session is gone, not merely refused.
    services.clock.advance(-60 * 60_000);
    expect(await resumeSession(services, settings, session!.token)).toBeNull();
  });

  it("slides the timeout at most once a minute, so quick page loads do not each write", async () => {
    const session = await signIn(services, settings, { email: "ehrenamt@example.org", password: "richtig-geheim" });
    const first = await resumeSession(services, settings, session!.token);
    services.clock.advance(20_000);
    const soon = await resumeSession(services, settings, session!.token);
    expect(soon!.expiresAt).toEqual(first!.expiresAt);
    services.clock.advance(60_000);
    const later = await resumeSession(services, settings, session!.token);
    expect(later!.expiresAt.getTime() - first!.expiresAt.getTime()).toBe(80_000);
  });

  it("signs out", async () => {
    const session = await signIn(services, settings, { email: "ehrenamt@example.org", password: "richtig-geheim" });
    await signOut(services, settings, session!.token);
    expect(await resumeSession(services, settings, session!.token)).toBeNull();
  });

  it("refuses deactivated staff, also with a session they already had", async () => {
    const other = await makeStaff(services.db, { email: "weg@example.org" });
    const session = await signIn(services, settings, { email: "weg@example.org", password: "richtig-geheim" });
    await services.db.staff.update({ where: { id: other.id }, data: { active: false } });
    expect(await resumeSession(services, settings, session!.token)).toBeNull();
    expect(await signIn(services, settings, { email: "weg@example.org", password: "richtig-geheim" })).toBeNull();
  });
});
