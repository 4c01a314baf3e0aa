// 403s answered to signed-in staff are audit-logged whatever kind of route answered (decision 025): a resource route
// (a loan's photo at another place — Remix calls no entry hook for it), a page's guard, once per request. Through
// the build wrapper server.ts hands Remix, with the real route modules and a real signed-in session.
import type { AppLoadContext, ServerBuild } from "@remix-run/node";
import { describe, expect, it } from "vitest";
import * as photoRoute from "~/routes/team.loans.$loanId.photo.$photoId";
import * as auditRoute from "~/routes/team.audit";
import { action as signInAction } from "~/routes/team_.sign-in";
import { auditingRefusals } from "~/web/refusal-audit.server";
import { createTestServices } from "../helpers/db";
import { makeLocation, makePerson, makeStaff } from "../helpers/factories";

const services = await createTestServices();
const { db } = services;
const library = await makeLocation(db, { name: "Stadtbibliothek" });
const centre = await makeLocation(db, { name: "Begegnungszentrum" });
const volunteer = await makeStaff(db, { email: "vera@example.org", role: "volunteer", locationIds: [library.id] });
const colleague = await makeStaff(db, { email: "carl@example.org", role: "volunteer", locationIds: [centre.id] });

const person = await makePerson(db);
const device = await db.device.create({ data: { assetTag: "RA-1", locationId: centre.id, model: "Tablet", status: "on_loan" } });
const now = services.clock.now();
const loan = await db.loan.create({
  data: { reference: "RA1LON", deviceId: device.id, personId: person.id, locationId: centre.id, checkedOutAt: now, dueAt: now, agreementMode: "paper", agreementAcceptedAt: now },
});
const photo = await db.loanPhoto.create({ data: { loanId: loan.id, contentType: "image/png", data: new Uint8Array([137, 80, 78, 71]) } });

const build = auditingRefusals({
  routes: {
    photo: { id: "photo", path: "team/loans/:loanId/photo/:photoId", module: photoRoute },
    audit: { id: "audit", path: "team/audit", module: auditRoute },
  },
} as unknown as ServerBuild);

async function sessionOf(email: string) {
  const context = { services, nonce: "", clientIp: "192.0.2.1" } as unknown as AppLoadContext;
  const request = new Request("http://localhost/team/sign-in", { method: "POST", body: new URLSearchParams({ email, password: "richtig-geheim" }) });
  const response = (await signInAction({ request, context, params: {} })) as Response;
  expect(response.status).toBe(302);
  return response.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
}

/** A GET through the wrapped build, as Remix would call the loader; the status it answered. */
async function get(routeId: "photo" | "audit", path: string, cookie: string, params: Record<string, string> = {}) {
  const context = { services, nonce: "", clientIp: "192.0.2.1" } as unknown as AppLoadContext;
  const request = new Request(`http://localhost${path}?x=1`, { headers: { Cookie: cookie } });
  const loader = build.routes[routeId]!.module.loader!;
  try {
    const result = await loader({ request, context, params });
    return result instanceof Response ? result.status : 200;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown.status;
    return (thrown as { init?: { status?: number } }).init?.status ?? 500;
  }
}

const refusals = (staffId: string) => db.auditEntry.findMany({ where: { actorId: staffId, action: "staff.refused" } });

describe("refusals audit-logged through the build", () => {
  const photoPath = `/team/loans/${loan.id}/photo/${photo.id}`;
  const photoParams = { loanId: loan.id, photoId: photo.id };

  it("a resource route: another place's loan photo is refused by the capability and logged with its path, not its query", async () => {
    const cookie = await sessionOf("vera@example.org");
    expect(await get("photo", photoPath, cookie, photoParams)).toBe(403);
    const entries = await refusals(volunteer.id);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ subjectType: "Page", subjectId: photoPath });
    expect(JSON.parse(entries[0]!.details)).toMatchObject({ method: "GET" });
  });

  it("the photo's own place sees it, and nothing is logged; a refused page's guard is logged once", async () => {
    const cookie = await sessionOf("carl@example.org");
    expect(await get("photo", photoPath, cookie, photoParams)).toBe(200);
    expect(await refusals(colleague.id)).toHaveLength(0);
    expect(await get("audit", "/team/audit", cookie)).toBe(403);
    expect((await refusals(colleague.id)).map((e) => e.subjectId)).toEqual(["/team/audit"]);
  });

  it("nobody signed in: a redirect to sign-in, no refusal to log", async () => {
    expect(await get("photo", photoPath, "")).toBe(302);
    expect(await db.auditEntry.count({ where: { action: "staff.refused", actorId: null } })).toBe(0);
  });
});
