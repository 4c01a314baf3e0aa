// Which pages and forms the worker handles offline: what each route declares in `handle.offline` (app/web/handle.ts).
// scripts/build-sw.ts reads the declarations from the server build (offlineRoutes) and injects the list; the worker
// matches request paths against it (offlineRoute). Nothing is listed a second time.
import type { OfflineUse, RouteHandle } from "../web/handle";

/** A route as the worker knows it: its URL pattern as Remix has it ("/team/loans/:loanId/check-in") and its declaration. */
export interface OfflineRoute extends OfflineUse {
  id: string;
  path: string;
}

/** The routes of a Remix server build (`build/server/index.js` exports `routes`), as far as needed here. */
export type RouteManifest = Record<string, { path?: string; parentId?: string; module: { handle?: unknown } }>;

/** Build time: every route that declares `offline`, with its full URL pattern, in a stable order. */
export function offlineRoutes(routes: RouteManifest): OfflineRoute[] {
  const fullPath = (id: string | undefined): string => {
    const route = id ? routes[id] : undefined;
    if (!route) return "";
    const parent = fullPath(route.parentId);
    return route.path ? `${parent}/${route.path}` : parent;
  };
  return Object.entries(routes)
    .flatMap(([id, route]) => {
      const offline = (route.module.handle as RouteHandle | undefined)?.offline;
      if (!offline) return [];
      const path = fullPath(id) || "/";
      if (path.includes("?")) throw new Error(`${id}: optional segments are not understood by the service worker`);
      // The worker fetches these by their URL: there is no loan or device id to fill in.
      if (offline.warm && /[:*]/.test(path))
        throw new Error(`${id}: only a page without parameters can be fetched in the background`);
      return [{ id, path, ...offline }];
    })
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

interface Matcher {
  route: OfflineRoute;
  pattern: RegExp;
  names: string[];
}

function matcher(route: OfflineRoute): Matcher {
  const names: string[] = [];
  const body = route.path
    .split("/")
    .map((segment) => {
      if (segment.startsWith(":")) {
        names.push(segment.slice(1));
        return "([^/]+)";
      }
      if (segment === "*") {
        names.push("*");
        return "(.*)";
      }
      return segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    })
    .join("/");
  return { route, pattern: new RegExp(`^${body}$`), names };
}

/** Fewer parameters first, a splat last: the most specific route wins, as in Remix (/team/loans/new, not /team/loans/:loanId). */
const specificity = (m: Matcher) => m.names.length + (m.names.includes("*") ? 100 : 0);

/** Run time: the worker's questions about a path, answered from the list scripts/build-sw.ts injected. */
export function offlineRouter(routes: OfflineRoute[]) {
  const matchers = routes.map(matcher).sort((a, b) => specificity(a) - specificity(b));
  return {
    /** The declared route a path belongs to, with its parameters. */
    match(path: string): { route: OfflineRoute; params: Record<string, string> } | undefined {
      for (const { route, pattern, names } of matchers) {
        const m = path.match(pattern);
        if (m) return { route, params: Object.fromEntries(names.map((name, i) => [name, m[i + 1] ?? ""])) };
      }
      return undefined;
    },
    /** The overview pages fetched in the background (declared `warm`). */
    warmPaths: routes.filter((r) => r.warm).map((r) => r.path),
  };
}

/** A declared path ("/team/loans/:loanId") with the request's parameters filled in. */
export function fillPath(template: string, params: Record<string, string>): string {
  return template
    .split("/")
    .map((segment) =>
      segment.startsWith(":") ? params[segment.slice(1)] ?? "" : segment === "*" ? params["*"] ?? "" : segment,
    )
    .join("/");
}
