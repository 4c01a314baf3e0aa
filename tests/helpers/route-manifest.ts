// Every route of the built app, read from Remix's own manifest (public/build/manifest-*.js), so a new route file is
// covered by the fuzz and the authorisation sweep without anyone listing it. Intents and query names come from the
// route's source and the components it draws.
import fs from "node:fs";
import path from "node:path";

export interface AppRoute {
  id: string;
  /** e.g. "/team/loans/:loanId/sessions/:sessionId"; "*" for a splat. */
  pattern: string;
  params: string[];
  index: boolean;
  hasLoader: boolean;
  hasAction: boolean;
  /** Values the route's forms send as `intent`, as far as its source and its components say. */
  intents: string[];
  source: string;
}

interface ManifestRoute {
  id: string;
  parentId?: string;
  path?: string;
  index?: boolean;
  hasLoader: boolean;
  hasAction: boolean;
}

function readManifest(): Record<string, ManifestRoute> {
  const dir = path.resolve("public/build");
  const file = fs.readdirSync(dir).find((f) => /^manifest-.*\.js$/.test(f));
  if (!file) throw new Error("No Remix manifest in public/build: run `npm run build` first.");
  const text = fs.readFileSync(path.join(dir, file), "utf8");
  return (JSON.parse(text.slice(text.indexOf("{"), text.lastIndexOf("}") + 1)) as { routes: Record<string, ManifestRoute> }).routes;
}

function routeSource(id: string): string {
  for (const ext of [".tsx", ".ts"]) {
    const file = path.resolve("app", `${id}${ext}`);
    if (fs.existsSync(file)) return fs.readFileSync(file, "utf8");
  }
  return "";
}

/** The source of the app's own components a route imports (one level), where most forms are drawn. */
function importedSources(source: string): string {
  const out: string[] = [];
  for (const [, spec] of source.matchAll(/from\s+"~\/((?:ui|web)\/[^"]+)"/g)) {
    for (const candidate of [`${spec}.tsx`, `${spec}/index.tsx`, `${spec}.ts`, `${spec}.server.ts`]) {
      const file = path.resolve("app", candidate);
      if (fs.existsSync(file)) out.push(fs.readFileSync(file, "utf8"));
    }
  }
  return out.join("\n");
}

/** The source of the domain screens a route draws (app/ui/<Screen>, one level; not the kit or the shell). */
export function screenSources(source: string): string {
  const out: string[] = [];
  for (const [, spec] of source.matchAll(/from\s+"~\/(ui\/[^"]+)"/g)) {
    if (/^ui\/(kit|Shell)\b/.test(spec)) continue;
    for (const candidate of [`${spec}.tsx`, `${spec}/index.tsx`]) {
      const file = path.resolve("app", candidate);
      if (fs.existsSync(file)) out.push(fs.readFileSync(file, "utf8"));
    }
  }
  return out.join("\n");
}

/** `intent === "x"`, `value="x"` beside `name="intent"`, and the keys of a page's intent table. */
export function intentsIn(source: string): string[] {
  const found = new Set<string>();
  for (const [, v] of source.matchAll(/intent"?\)?\s*[!=]==?\s*"([\w-]+)"/g)) found.add(v);
  for (const [, v] of source.matchAll(/name="intent"[^>]*?value="([\w-]+)"/g)) found.add(v);
  for (const [, v] of source.matchAll(/\bintent="([\w-]+)"/g)) found.add(v);
  for (const [, v] of source.matchAll(/value="([\w-]+)"[^>]*?name="intent"/g)) found.add(v);
  for (const [, a, b] of source.matchAll(/name="intent"[^>]*?value=\{[^}]*?"([\w-]+)"\s*:\s*"([\w-]+)"/g)) found.add(a).add(b);
  // performIntent(request, { create: …, remove: … }) and `const ACTIONS = { attempt: …, … }`
  for (const [, body] of source.matchAll(/(?:performIntent\(request,\s*|ACTIONS\s*=\s*)\{([\s\S]*?)\}\s*(?:as const|\))/g)) {
    for (const [, key] of body.matchAll(/^\s*"?([\w-]+)"?\s*:/gm)) found.add(key);
  }
  return [...found];
}

export function appRoutes(): AppRoute[] {
  const manifest = readManifest();
  const fullPath = (r: ManifestRoute): string => {
    const parent = r.parentId ? fullPath(manifest[r.parentId]) : "";
    return [parent, r.path ?? ""].filter(Boolean).join("/");
  };
  return Object.values(manifest)
    .filter((r) => r.id !== "root")
    .map((r) => {
      const pattern = `/${fullPath(r)}`.replace(/\/+/g, "/");
      const source = routeSource(r.id);
      const params = [...pattern.matchAll(/:(\w+)/g)].map((m) => m[1]);
      return {
        id: r.id,
        pattern,
        params,
        index: Boolean(r.index),
        hasLoader: r.hasLoader,
        hasAction: r.hasAction,
        intents: intentsIn(source + importedSources(source)),
        source,
      };
    });
}

/** Query names the whole app reads (`searchParams.get("x")`), for query strings worth fuzzing. */
export function queryNames(): string[] {
  const names = new Set<string>();
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== "generated") walk(full);
      } else if (/\.tsx?$/.test(entry.name)) {
        for (const [, name] of fs.readFileSync(full, "utf8").matchAll(/searchParams\.get(?:All)?\("([^"]+)"\)/g)) names.add(name);
      }
    }
  };
  walk(path.resolve("app"));
  return [...names];
}

/** The URL a pattern names with these values (each value percent-encoded as one segment, unless `raw`). */
export function fillPattern(route: AppRoute, values: Record<string, string>, raw = false): string {
  return route.pattern.replace(/:(\w+)|\*/g, (_, name: string | undefined) => {
    const value = values[name ?? "*"] ?? "x";
    return raw ? value : encodeURIComponent(value);
  });
}
