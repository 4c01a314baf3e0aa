// Fuzz over every route and intent of the built app (read from Remix's manifest, so new routes are in): real ids of
// each kind, another place's, unknown and malformed ones in every dynamic segment; malformed forms (missing fields,
// wrong types, impossible dates, huge and negative numbers, repeated keys, markup, uploads with hostile file names)
// to every action, signed out and as each staff role. No answer may be a 5xx, no request under 500 may log an
// error, and the app must keep serving. Seeded: FUZZ_SEED=<n> replays a run; a failure prints its seed.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type RunningApp } from "../helpers/app-server";
import { appRoutes, fillPattern, queryNames, type AppRoute } from "../helpers/route-manifest";
import { seededIds, type SeededIds } from "../helpers/seeded-ids";
import {
  formsIn,
  HOSTILE_FILE_NAMES,
  IMPOSSIBLE_DATES,
  hostileValue,
  random,
  requestsWithErrors,
  signInOverHttp,
  unknownId,
  type Identity,
  type PageForm,
  type Random,
} from "../helpers/fuzz";

const SEED = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
const r: Random = random(SEED);
/** Bodies per action and staff identity; the whole run stays around a minute on two cores. */
const BODIES_PER_ACTION = 3;

let app: RunningApp;
let output = "";
let ids: SeededIds;
let identities: Identity[];
const routes = appRoutes();

interface Sent {
  who: string;
  method: string;
  url: string;
  status: number;
  note?: string;
}
const sent: Sent[] = [];
const defects: Sent[] = [];
/** Forms the pages showed, by identity and the path they post to. */
const forms = new Map<string, PageForm[]>();
const fieldPool = new Set<string>(sourceFieldNames());

beforeAll(async () => {
  // Each request comes from its own address, so the per-address limits of the public forms do not turn the fuzz
  // into a test of the rate limiter; no job worker, so the log holds requests only.
  app = await startApp({ LOG_LEVEL: "info", TRUST_PROXY: "1", RUN_JOBS: "false" }, (text) => (output += text));
  ids = await seededIds(app.databaseUrl);
  identities = [{ name: "anonymous", cookie: "" }];
  for (const role of ["volunteer", "librarian", "coordinator", "admin"] as const) identities.push(await signInOverHttp(app.baseUrl, role));
}, 120_000);

afterAll(async () => {
  await app?.stop();
});

async function send(who: Identity, method: string, url: string, body?: BodyInit, note?: string): Promise<{ status: number; text: string }> {
  const headers: Record<string, string> = {
    Origin: app.baseUrl,
    "X-Forwarded-For": `10.${r.int(256)}.${r.int(256)}.${1 + r.int(250)}`,
    Cookie: [who.cookie, `lng=${r.pick(["de", "en", "ar"])}`].filter(Boolean).join("; "),
  };
  if (typeof body === "string") headers["Content-Type"] = "application/x-www-form-urlencoded";
  let status = 0;
  let text = "";
  try {
    const response = await fetch(`${app.baseUrl}${url}`, { method, headers, body, redirect: "manual", signal: AbortSignal.timeout(30_000) });
    status = response.status;
    text = await response.text();
  } catch (error) {
    note = `no answer: ${String(error)}`;
  }
  const record = { who: who.name, method, url: url.slice(0, 200), status, note };
  sent.push(record);
  if (status >= 500 || status === 0) defects.push(record);
  return { status, text };
}

const allIds = () => Object.values(ids).flatMap((list) => list.map((i) => i.value));

/** The route's URL with real ids (a child's own parent, e.g. a session's loan), or null when there are none. */
function realPath(route: AppRoute): string | null {
  const values: Record<string, string> = {};
  for (const name of [...route.params].reverse()) {
    if (values[name]) continue;
    const known = ids[name];
    if (!known) throw new Error(`No seeded values for the route parameter "${name}" (${route.pattern}): add it to tests/helpers/seeded-ids.ts`);
    if (!known.length) return null;
    const chosen = r.pick(known);
    values[name] = chosen.value;
    Object.assign(values, chosen.parents);
  }
  if (route.pattern.includes("*")) values["*"] = "gibt/es/nicht";
  return fillPattern(route, values) + (route.index && route.hasAction ? "?index" : "");
}

/** The route's URL with one segment hostile: unknown id, an id of another kind, traversal, very long, unicode, NUL. */
function hostilePath(route: AppRoute): string {
  const values: Record<string, string> = {};
  const raw = r.chance(0.2);
  for (const name of route.params) values[name] = (ids[name]?.length ? r.pick(ids[name]).value : unknownId(r));
  const target = r.pick(route.params.length ? route.params : ["*"]);
  values[target] = raw
    ? r.pick(["..", "%00", "%2e%2e", "a%ZZ", "%E2%80%AE"])
    : r.pick([unknownId(r), r.pick(allIds()), "..", "x".repeat(3_000), "ü😀‮ﷺ", "\u0000", "<script>", "1e309", "-1"]);
  return fillPattern(route, values, raw);
}

function withQuery(url: string): string {
  const names = queryNames();
  const params = r.sample(names, 1 + r.int(2)).map((n) => `${n}=${encodeURIComponent(hostileValue(r, n, allIds()))}`);
  return `${url}${url.includes("?") ? "&" : "?"}${params.join("&")}`;
}

/** Remix single fetch: a page's data at `<path>.data` (`/_root.data` for "/"). */
function dataUrl(url: string): string {
  const [p, q] = url.split("?");
  return `${p === "/" ? "/_root" : p.replace(/\/$/, "")}.data${q ? `?${q}` : ""}`;
}

const isStaffRoute = (route: AppRoute) => route.pattern.startsWith("/team");
/** Public pages answer everybody alike: signed out and one staff role suffice. */
const whoFor = (route: AppRoute) => (isStaffRoute(route) ? identities : [identities[0], r.pick(identities.slice(1))]);

function mutate(form: PageForm): [string, string][] {
  const fields = form.fields.map(([k, v]) => [k, v] as [string, string]);
  for (let i = 1 + r.int(3); i > 0; i--) {
    const op = r.int(5);
    const at = fields.length ? r.int(fields.length) : -1;
    if (op === 0 && at >= 0) fields.splice(at, 1);
    else if (op === 1 && at >= 0) fields.push([fields[at][0], hostileValue(r, fields[at][0], allIds())]);
    else if (op === 2 && form.dateFields.length) {
      const name = r.pick(form.dateFields);
      for (const f of fields) if (f[0] === name) f[1] = hostileValue(r, "date", []);
    } else if (op === 3) {
      const name = r.pick([...fieldPool]);
      fields.push([name, hostileValue(r, name, allIds())]);
    } else if (at >= 0) fields[at] = [fields[at][0], hostileValue(r, fields[at][0], allIds())];
  }
  return fields;
}

/** The form as a person would send it: empty fields get a plausible answer, so the next step comes back. */
function filledIn(form: PageForm): [string, string][] {
  const plausible = (name: string) =>
    /phone|query/i.test(name) ? r.pick(["+4915112345678", "0421 9876543", "+4917699990000"])
    : /firstName/i.test(name) ? "Erika"
    : /description|concern|note|body|reason|text/i.test(name) ? "Das Tablet startet nicht mehr"
    : /email/i.test(name) ? "erika@example.org"
    : /assetTag/i.test(name) ? r.pick(ids.tag ?? [{ value: "T-0001" }]).value
    : "";
  return form.fields.map(([k, v]) => [k, v || plausible(k)]);
}

function synthetic(route: AppRoute): [string, string][] {
  const fields: [string, string][] = [];
  if (route.intents.length && r.chance(0.9)) fields.push(["intent", r.pick(route.intents)]);
  for (const name of r.sample([...fieldPool], r.int(6))) fields.push([name, hostileValue(r, name, allIds())]);
  return fields;
}

function body(fields: [string, string][], multipart: boolean): BodyInit {
  if (!multipart) return new URLSearchParams(fields).toString();
  const data = new FormData();
  for (const [k, v] of fields) data.append(k, v);
  const file = new Blob([r.pick(["a,b\n1,2\n", "\u00ff\u00fe<script>", "GIF89a", ""])], { type: r.pick(["text/csv", "image/jpeg", "application/octet-stream"]) });
  data.append(r.pick(["file", "photo", "csv", ...fields.map(([k]) => k)]), file, r.pick(HOSTILE_FILE_NAMES));
  return data;
}

/** The post forms a page shows, for the actions to mutate: a multi-step form's later steps come from an action's answer. */
function collectForms(who: Identity, url: string, html: string) {
  if (!html.includes("<form")) return;
  for (const form of formsIn(html, url.replace(/\?.*$/, "")).filter((f) => f.method === "post")) {
    form.fields.forEach(([name]) => fieldPool.add(name));
    const key = `${who.name} ${form.action}`;
    const known = forms.get(key) ?? [];
    if (known.length < 8) forms.set(key, [...known, form]);
  }
}

async function fuzzLoaders() {
  for (const route of routes.filter((r) => r.hasLoader)) {
    for (const who of whoFor(route)) {
      const real = realPath(route);
      if (real) {
        const url = real.replace(/\?index$/, "");
        const page = await send(who, "GET", url);
        if (page.status === 200) collectForms(who, url, page.text);
        await send(who, "GET", r.chance(0.5) ? dataUrl(withQuery(url)) : withQuery(url));
      }
      if (route.params.length || route.pattern.includes("*") || r.chance(0.3)) {
        const hostile = route.params.length || route.pattern.includes("*") ? hostilePath(route) : withQuery(route.pattern);
        await send(who, "GET", r.chance(0.3) ? dataUrl(hostile) : hostile);
      }
    }
  }
}

async function fuzzActions() {
  // Signing out would end the identity's session for the rest of the run; sign-in is fuzzed signed out.
  const targets = routes.filter((route) => route.hasAction && route.pattern !== "/team/sign-out");
  for (const route of targets) {
    for (const who of whoFor(route)) {
      // Signed out, a staff action only redirects to the sign-in: two tries are plenty.
      const count = who.name === "anonymous" && isStaffRoute(route) ? 2 : route.pattern === "/team/sign-in" ? 3 : BODIES_PER_ACTION;
      for (let i = 0; i < count; i++) {
        const url = r.chance(0.8) ? (realPath(route) ?? hostilePath(route)) : hostilePath(route);
        const shown = forms.get(`${who.name} ${url}`) ?? [];
        const form = shown.length && r.chance(0.7) ? r.pick(shown) : null;
        // Now and then the form as shown, to reach the next step; otherwise one to three fields made hostile.
        const fields = form ? (r.chance(0.25) ? filledIn(form) : mutate(form)) : r.chance(0.1) ? [] : synthetic(route);
        const multipart = form?.multipart ? r.chance(0.8) : r.chance(0.1);
        const dataRequest = r.chance(0.15);
        const answer = await send(who, "POST", dataRequest ? dataUrl(url) : url, body(fields, multipart), fields.map(([k, v]) => `${k}=${v.slice(0, 30)}`).join("&"));
        if (!dataRequest) collectForms(who, url, answer.text);
      }
    }
  }
}

/**
 * Not left to chance: every form the pages showed (and the next step each leads to, filled in as a person would)
 * is sent once with each id field unknown or another record's, and each date field impossible.
 */
async function fuzzFormFields() {
  for (const who of identities.filter((i) => i.name === "volunteer" || i.name === "coordinator")) {
    for (const [key, shown] of [...forms].filter(([k]) => k.startsWith(`${who.name} `))) {
      for (const form of shown.slice(0, 2)) {
        const answer = await send(who, "POST", form.action, body(filledIn(form), form.multipart));
        collectForms(who, key.slice(who.name.length + 1), answer.text);
      }
    }
    const seen = new Set<string>();
    for (const form of [...forms].filter(([k]) => k.startsWith(`${who.name} `)).flatMap(([, f]) => f)) {
      const signature = `${form.action} ${form.fields.map(([k]) => k).join(",")}`;
      if (seen.has(signature)) continue;
      seen.add(signature);
      for (const [name, value] of form.fields) {
        const isId = /Id$|Ids$|^id$/.test(name) || /^c[a-z0-9]{20,}$/.test(value);
        const isDate = form.dateFields.includes(name) || /date|day|On$|At$|until/i.test(name);
        const swaps = isId ? [unknownId(r), r.pick(allIds())] : isDate ? [r.pick(IMPOSSIBLE_DATES)] : [];
        for (const swap of swaps) {
          const fields = filledIn(form).map(([k, v]): [string, string] => [k, k === name ? swap : v]);
          await send(who, "POST", form.action, body(fields, form.multipart), `${name}=${swap}`);
        }
      }
    }
  }
}

describe("fuzz over every route and intent", () => {
  it("answers every input without a 5xx, logs no error for a request it answered below 500, and keeps serving", async () => {
    await fuzzLoaders();
    await fuzzActions();
    await fuzzFormFields();
    const health = await fetch(`${app.baseUrl}/healthz`);
    // Let the last request's log line arrive.
    await new Promise((resolve) => setTimeout(resolve, 300));

    const logged = requestsWithErrors(output)
      .filter(({ request, errors }) => errors.length && (request.status ?? 0) < 500)
      .map(({ request, errors }) => `${request.method} ${request.path} → ${request.status} logged: ${errors.map((e) => `${e.msg} ${JSON.stringify(e.err ?? "").slice(0, 160)}`).join(" | ")}`);
    const failures = defects.map((d) => `${d.who} ${d.method} ${d.url} → ${d.status || d.note}${d.note && d.status ? `  [${d.note.slice(0, 200)}]` : ""}`);
    const report = [...failures, ...logged];
    if (report.length) {
      const file = path.resolve("test-results", `fuzz-${SEED}.txt`);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, `${report.join("\n")}\n\n--- app output ---\n${output}`);
    }
    expect(report, `FUZZ_SEED=${SEED} (${sent.length} requests; details in test-results/fuzz-${SEED}.txt)`).toEqual([]);
    expect(health.status, "the app still serves after the fuzz").toBe(200);
  }, 240_000);
});

/** Field names the app's forms use, from the source (`name="x"`, Conform's `fields.x`), beside those pages show. */
function sourceFieldNames(): string[] {
  const names = new Set<string>();
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.tsx?$/.test(entry.name)) {
        const text = fs.readFileSync(full, "utf8");
        for (const [, n] of text.matchAll(/name="([\w.]+)"/g)) names.add(n);
        for (const [, n] of text.matchAll(/fields\.(\w+)\b/g)) names.add(n);
      }
    }
  };
  for (const dir of ["app/routes", "app/ui", "app/web"]) walk(path.resolve(dir));
  return [...names];
}

describe("the inputs issue 14 names", () => {
  /** Sent one by one: each answer is the refusal named, never a 5xx. */
  it("answer unknown or foreign ids, impossible dates and hostile file names with a 4xx", async () => {
    // Fresh sessions: the fuzz may have ended its own on the way.
    const [volunteer, librarian, coordinator, admin] = await Promise.all((["volunteer", "librarian", "coordinator", "admin"] as const).map((role) => signInOverHttp(app.baseUrl, role)));
    const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
    const upload = (fields: Record<string, string>, field: string, name: string) => {
      const data = new FormData();
      for (const [k, v] of Object.entries(fields)) data.append(k, v);
      data.append(field, new Blob(["assetTag,model\nT-9,Tab\n"], { type: "text/csv" }), name);
      return data;
    };
    const library = ids.locationId.find((l) => ids.slug.some((s) => s.value === "stadtbibliothek" && s.locationId === l.value))!.value;
    const loan = ids.loanId[0];
    const cases: [Identity, string, string, BodyInit | undefined, number[]][] = [
      [admin, "GET", `/team/callbacks/${unknownId(r)}`, undefined, [404]],
      [admin, "GET", `/team/callbacks/${unknownId(r)}.data`, undefined, [404]],
      [volunteer, "POST", "/team/callbacks/hours", form({ intent: "remove", hourId: unknownId(r) }), [403, 404]],
      [admin, "GET", `/team/phone?person=${unknownId(r)}`, undefined, [404]],
      [admin, "POST", "/report", form({ firstName: "Erika", phone: "0151 23456789", description: "Das Tablet startet nicht", categoryId: unknownId(r) }), [400]],
      [coordinator, "POST", "/team/hours/new", form({ locationId: unknownId(r), kind: "weekly", weekday: "1", startTime: "10:00", endTime: "12:00", capacity: "1", phoneShare: "0", onlineShare: "0" }), [400]],
      [coordinator, "POST", "/team/hours/closures", form({ intent: "add", locationId: unknownId(r), startsOn: "2026-12-24" }), [400]],
      [coordinator, "POST", "/team/hours/closures", form({ intent: "add", locationId: library, startsOn: "2026-02-30" }), [400]],
      [librarian, "POST", "/team/loans/new", form({ intent: "checkout", personId: ids.personId[0].value, deviceId: unknownId(r) }), [400, 404]],
      [admin, "POST", `/team/loans/${loan.value}/sessions/new`, form({ date: "2026-02-30", time: "10:00", durationMinutes: "60", attendance: "planned" }), [400]],
      [admin, "POST", `/team/loans/${loan.value}/sessions/new`, form({ date: "2026-13-01", time: "10:00", durationMinutes: "60", attendance: "planned" }), [400]],
      [admin, "POST", "/book/stadtbibliothek/wait?day=2026-02-30", form({ firstName: "Erika", phone: "0151 23456789" }), [400, 404]],
      [admin, "POST", "/team/devices/import", upload({ intent: "check", locationId: library }, "file", 'Inventar=2026 "neu" <script>.csv'), [302, 400]],
      [admin, "POST", `/team/loans/${loan.value}/check-in`, upload({}, "photo", "a=b <img src=x>.jpg"), [400, 409]],
    ];
    const wrong: string[] = [];
    for (const [who, method, url, body, expected] of cases) {
      const { status } = await send(who, method, url, body);
      if (!expected.includes(status)) wrong.push(`${who.name} ${method} ${url} → ${status} (expected ${expected.join("/")})`);
    }
    expect(wrong).toEqual([]);
  });

  it("refuses a volunteer's waiting-list move with a 403, whatever the form holds", async () => {
    const volunteer = await signInOverHttp(app.baseUrl, "volunteer");
    for (const reservation of ids.reservationId.slice(0, 2)) {
      for (const body of [{ intent: "move" }, { intent: "move", placeAfterId: "top", reason: "Umzug in die Nähe" }] as Record<string, string>[]) {
        const { status } = await send(volunteer, "POST", `/team/waiting-list/${reservation.value}`, new URLSearchParams(body).toString());
        expect(status).toBe(403);
      }
    }
  });
});

