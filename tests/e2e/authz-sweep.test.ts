// Authorisation sweep: every id-bearing staff route (read from Remix's manifest, so a new one is swept too), opened
// by a volunteer and a librarian with ids of a place where they do not work — as a page, as its single-fetch data
// (`.data`) and as a form post. Each answer is a 403 or 404 and carries none of the record's personal data (the
// person's name and number, the device's tag). People follow the one visibility rule: someone known only at another
// place is as foreign as that place's tickets.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "~/db.server";
import { DEMO_STAFF } from "../../prisma/seed-data";
import { startApp, type RunningApp } from "../helpers/app-server";
import { makePerson } from "../helpers/factories";
import { signInOverHttp, type Identity } from "../helpers/fuzz";
import { appRoutes, fillPattern } from "../helpers/route-manifest";
import { seededIds, type SeededIds } from "../helpers/seeded-ids";

const MADE = ["Theodora", "Leopoldine"];
let app: RunningApp;
let ids: SeededIds;
const staff: { who: Identity; places: string[] }[] = [];
/** What each record would give away: its person's first name and number, its device's tag and serial. */
const secrets = new Map<string, string[]>();
/** Place ids of each person, by the visibility rule's records. */
const personPlaces = new Map<string, Set<string>>();

beforeAll(async () => {
  app = await startApp({ RUN_JOBS: "false" });
  ids = await seededIds(app.databaseUrl);
  const db = await openDatabase(app.databaseUrl);
  try {
    const slugs = new Map((await db.location.findMany()).map((l) => [l.slug, l.id]));
    for (const role of ["volunteer", "librarian"] as const) {
      const places = DEMO_STAFF.find((s) => s.role === role)!.locations.map((slug) => slugs.get(slug)!);
      staff.push({ who: await signInOverHttp(app.baseUrl, role), places });
    }
    // One person known only at the library, one only at a meeting centre (a walk-in each): foreign to the other side.
    for (const [firstName, slug, phone] of [[MADE[0], "stadtbibliothek", "+4915119283746"], [MADE[1], "bz-vahr", "+4915119283747"]] as const) {
      const made = await makePerson(db, { firstName, phone, knownAt: slugs.get(slug)! });
      personPlaces.set(made.id, new Set([slugs.get(slug)!]));
    }
    ids = await seededIds(app.databaseUrl);
    const person = (p: { firstName: string; phone: string } | null) => (p ? [p.firstName, p.phone, p.phone.slice(-6)] : []);
    const device = (d: { assetTag: string; serial: string | null } | null) => (d ? [d.assetTag, ...(d.serial ? [d.serial] : [])] : []);
    // A ticket or callback with no place is in the programme's pool: everyone sees its person ("*").
    const placed = (personId: string, locationId: string | null) => {
      personPlaces.set(personId, (personPlaces.get(personId) ?? new Set()).add(locationId ?? "*"));
    };
    for (const t of await db.ticket.findMany({ include: { person: true } })) (secrets.set(t.id, person(t.person)), placed(t.personId, t.locationId));
    for (const c of await db.callback.findMany({ include: { person: true } })) (secrets.set(c.id, person(c.person)), placed(c.personId, c.locationId));
    for (const a of await db.appointment.findMany({ include: { person: true } })) (secrets.set(a.id, person(a.person)), placed(a.personId, a.locationId));
    for (const r of await db.reservation.findMany({ include: { person: true } })) (secrets.set(r.id, person(r.person)), placed(r.personId, r.locationId));
    for (const w of await db.walkIn.findMany({ where: { personId: { not: null } } })) placed(w.personId!, w.locationId);
    for (const w of await db.dayWait.findMany()) placed(w.personId, w.locationId);
    for (const l of await db.loan.findMany({ include: { person: true, device: true, sessions: true, photos: { select: { id: true } } } })) {
      const given = [...person(l.person), ...device(l.device)];
      secrets.set(l.id, given);
      for (const s of l.sessions) secrets.set(s.id, given);
      for (const p of l.photos) secrets.set(p.id, given);
      placed(l.personId, l.locationId);
    }
    // By its tag, the page may echo the tag that was typed; the serial is the device's own.
    for (const d of await db.device.findMany()) secrets.set(d.id, device(d)), secrets.set(d.assetTag, d.serial ? [d.serial] : []);
    for (const p of await db.person.findMany()) secrets.set(p.id, person(p));
  } finally {
    await db.$disconnect();
  }
}, 120_000);

afterAll(async () => {
  await app?.stop();
});

const staffRoutes = appRoutes().filter((r) => r.pattern.startsWith("/team") && r.params.length);

/** Someone whose every ticket, loan, reservation, appointment and callback is at a place outside `places`. */
function knownOnlyElsewhere(personId: string, places: string[]): boolean {
  const at = personPlaces.get(personId);
  return Boolean(at?.size) && [...at!].every((l) => l !== "*" && !places.includes(l));
}

/** A record of this kind that belongs only to places outside `places`, with its route values. */
function foreignValues(params: string[], places: string[]): Record<string, string> | null {
  const values: Record<string, string> = {};
  for (const name of [...params].reverse()) {
    if (values[name]) continue;
    const candidates =
      name === "personId"
        ? (ids.personId ?? []).filter((p) => knownOnlyElsewhere(p.value, places))
        : (ids[name] ?? []).filter((i) => i.locationId && !places.includes(i.locationId));
    if (!candidates.length) return null;
    values[name] = candidates[0].value;
    Object.assign(values, candidates[0].parents);
  }
  return values;
}

async function request(who: Identity, method: string, url: string, body?: string) {
  const response = await fetch(`${app.baseUrl}${url}`, {
    method,
    headers: { Cookie: who.cookie, Origin: app.baseUrl, ...(body !== undefined ? { "Content-Type": "application/x-www-form-urlencoded" } : {}) },
    body,
    redirect: "manual",
  });
  return { status: response.status, text: await response.text() };
}

describe("authorisation sweep over every id-bearing staff route", () => {
  it("gives a volunteer and a librarian 403/404 (a post's refused form: 400) and none of the data for another place's records", async () => {
    const found: string[] = [];
    let checked = 0;
    for (const route of staffRoutes) {
      for (const { who, places } of staff) {
        const values = foreignValues(route.params, places);
        if (!values) continue;
        const url = fillPattern(route, values);
        const given = route.params.flatMap((p) => secrets.get(values[p]) ?? []);
        const tries: [string, string, string?][] = [];
        if (route.hasLoader) tries.push(["GET", url], ["GET", `${url}.data`]);
        if (route.hasAction) {
          for (const intent of route.intents.length ? route.intents : [""]) tries.push(["POST", url, new URLSearchParams(intent ? { intent } : {}).toString()]);
        }
        for (const [method, target, body] of tries) {
          const { status, text } = await request(who, method, target, body);
          checked++;
          const shown = given.filter((secret) => secret.length >= 3 && text.includes(secret));
          // A post whose form is refused before any record is read may be a 400 (it shows only the form's errors).
          const refused = [403, 404].includes(status) || (method === "POST" && status === 400);
          if (!refused || shown.length) {
            found.push(`${who.name} ${method} ${route.pattern}${target.endsWith(".data") ? ".data" : ""}${body ? ` (${body})` : ""} → ${status}${shown.length ? `, shows ${shown.join(", ")}` : ""}`);
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(50);
    expect(found).toEqual([]);
  }, 180_000);

  it("names nobody known only at another place in any caller look-up, the search or the phone simulator", async () => {
    const db = await openDatabase(app.databaseUrl);
    const people = await db.person.findMany();
    await db.$disconnect();
    const found: string[] = [];
    for (const { who, places } of staff) {
      const foreign = people.filter((p) => knownOnlyElsewhere(p.id, places));
      expect(foreign.length, `someone known only elsewhere for ${who.name}`).toBeGreaterThan(0);
      for (const person of foreign) {
        const national = `0${person.phone.slice(3)}`;
        const tries: [string, string, string?][] = [
          ["POST", "/team/tickets/new", new URLSearchParams({ phone: national }).toString()],
          ["POST", "/team/callbacks/new", new URLSearchParams({ intent: "find", phone: national }).toString()],
          ["POST", "/team/appointments/new", new URLSearchParams({ intent: "find", phone: national }).toString()],
          ["POST", "/team/waiting-list/new", new URLSearchParams({ intent: "find", phone: national }).toString()],
          ["POST", "/team/loans/new", new URLSearchParams({ intent: "find", query: national }).toString()],
          ["GET", "/team/phone"],
          ["GET", "/team/phone/call"],
          ["GET", `/team/phone?person=${person.id}`],
          ["GET", `/team/phone/call?person=${person.id}`],
          ["GET", `/team/people/${person.id}`],
          ["GET", `/team/people/${person.id}.data`],
        ];
        // By the start of the name (the page echoes what was typed; only a match shows the whole name), for the two
        // people made here: the demo's names also serve as examples in the pages' hints.
        if (MADE.includes(person.firstName)) {
          const prefix = person.firstName.slice(0, 4);
          tries.push(
            ["POST", "/team/loans/new", new URLSearchParams({ intent: "find", query: prefix }).toString()],
            ["GET", `/team/tickets?q=${prefix}`],
          );
        }
        for (const [method, url, body] of tries) {
          const { status, text } = await request(who, method, url, body);
          // The typed number comes back in its field; the name must not.
          if (status >= 500 || text.includes(person.firstName)) {
            found.push(`${who.name} ${method} ${url.replace(person.id, ":personId")} → ${status}${text.includes(person.firstName) ? `, names ${person.firstName}` : ""}`);
          }
        }
      }
    }
    expect(found).toEqual([]);
  }, 120_000);
});
