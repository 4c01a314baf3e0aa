// "axe finds nothing on every page that exists, in de, en and ar": this test says which pages no axe check opens.
// A page is a route file with a default export (resource routes — webhooks, calendar feeds, photo and recording
// downloads, /healthz — have none). A page counts as checked when a browser test file that runs
// expectNoAxeViolations for every language (LANGUAGES) opens a URL that this page answers (Remix's ranking: a
// static segment beats a parameter, e.g. /team/loans/new is not the loan page), or names the page's pattern
// (e.g. "/team/loans/:loanId/check-in") and fills it in to open it.
import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const ROUTES = path.resolve("app/routes");
const E2E = path.resolve("tests/e2e");

type Segment = { kind: "static"; value: string } | { kind: "param" } | { kind: "splat" };
interface PageRoute {
  file: string;
  pattern: string;
  segments: Segment[];
}

/** Remix flat routes: dots are slashes, `_index` is the index, `$x` a parameter, `$` the rest, `x_` not nested, `_x` no segment. */
export function routePattern(file: string): { pattern: string; segments: Segment[] } {
  const segments: Segment[] = [];
  for (const raw of file.replace(/\.(tsx?|jsx?)$/, "").split(".")) {
    if (raw === "_index" || raw.startsWith("_")) continue;
    const part = raw.replace(/_$/, "");
    if (part === "$") segments.push({ kind: "splat" });
    else if (part.startsWith("$")) segments.push({ kind: "param" });
    else segments.push({ kind: "static", value: part });
  }
  const names = file.replace(/\.(tsx?|jsx?)$/, "").split(".").filter((r) => r !== "_index" && !r.startsWith("_"));
  const pattern = "/" + names.map((r) => r.replace(/_$/, "")).map((p) => (p === "$" ? "*" : p.startsWith("$") ? `:${p.slice(1)}` : p)).join("/");
  return { pattern, segments };
}

function hasDefaultExport(file: string): boolean {
  const source = ts.createSourceFile(file, fs.readFileSync(path.join(ROUTES, file), "utf8"), ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  return source.statements.some(
    (s) =>
      ts.isExportAssignment(s) ||
      ((ts.isFunctionDeclaration(s) || ts.isClassDeclaration(s)) &&
        (ts.getModifiers(s) ?? []).some((m) => m.kind === ts.SyntaxKind.DefaultKeyword)),
  );
}

function pageRoutes(): PageRoute[] {
  return fs
    .readdirSync(ROUTES)
    .filter((f) => /\.tsx?$/.test(f) && hasDefaultExport(f))
    .map((file) => ({ file, ...routePattern(file) }));
}

/** How well a route matches a concrete path: undefined when it does not; higher is more specific. */
function score(route: PageRoute, pathname: string): number | undefined {
  const parts = pathname.split("/").filter(Boolean);
  let total = 0;
  for (let i = 0; i < route.segments.length; i++) {
    const segment = route.segments[i];
    if (segment.kind === "splat") return total + 1;
    const part = parts[i];
    if (part === undefined) return undefined;
    if (segment.kind === "static") {
      if (part !== segment.value) return undefined;
      total += 10;
    } else total += 3;
  }
  return parts.length === route.segments.length ? total : undefined;
}

export function pageFor(routes: PageRoute[], pathname: string): PageRoute | undefined {
  let best: { route: PageRoute; score: number } | undefined;
  for (const route of routes) {
    const s = score(route, pathname);
    if (s !== undefined && (!best || s > best.score)) best = { route, score: s };
  }
  return best?.route;
}

/** Browser test files that check axe in every shipped language. */
function axeFiles(): string[] {
  return fs
    .readdirSync(E2E)
    .filter((f) => f.endsWith(".test.ts"))
    .filter((f) => {
      const text = fs.readFileSync(path.join(E2E, f), "utf8");
      return text.includes("expectNoAxeViolations(") && /\bLANGUAGES\b/.test(text);
    });
}

/** URL paths and page patterns written in a file: "/x/y", `/x/${id}` (a parameter), "/x/:id". */
function pathsIn(text: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(/(["'`])(\/(?:[A-Za-z0-9_\-.:~%]|\$\{[^}`]*\}|\/)*)(?:[?#][^"'`]*)?\1/g)) {
    found.push(m[2].replace(/\$\{[^}`]*\}/g, "x"));
  }
  // waitForURL(/\/callback\/done$/) and the like: a regular expression naming a path.
  for (const m of text.matchAll(/\/((?:\\\/[A-Za-z0-9_\-]+|\\\/\[\^\\?\/\]\+|\\\/\\w\+)+)\$?\//g)) {
    found.push(m[1].replace(/\\\/\[\^\\?\/\]\+|\\\/\\w\+/g, "/x").replaceAll("\\/", "/"));
  }
  return found;
}

describe("axe coverage", () => {
  const routes = pageRoutes();

  it("reads route files the way Remix does", () => {
    expect(routePattern("team.loans.$loanId.check-in.tsx").pattern).toBe("/team/loans/:loanId/check-in");
    expect(routePattern("book_.done.tsx").pattern).toBe("/book/done");
    expect(routePattern("team._index.tsx").pattern).toBe("/team");
    expect(routePattern("_index.tsx").pattern).toBe("/");
    expect(routePattern("$.tsx").pattern).toBe("/*");
    expect(pageFor(routes, "/team/loans/new")?.file).toBe("team.loans.new.tsx");
    expect(pageFor(routes, "/team/loans/abc")?.file).toBe("team.loans.$loanId._index.tsx");
    expect(pageFor(routes, "/gibt-es-nicht")?.file).toBe("$.tsx");
    expect(routes.map((r) => r.file)).not.toContain("healthz.ts");
    expect(routes.map((r) => r.file)).not.toContain("webhooks.twilio.sms.ts");
    expect(routes.length).toBeGreaterThan(60);
  });

  it("every page is opened by an axe check that runs in every language", () => {
    const covered = new Set<string>();
    for (const file of axeFiles()) {
      for (const p of pathsIn(fs.readFileSync(path.join(E2E, file), "utf8"))) {
        const byPattern = routes.find((r) => r.pattern === p);
        const route = byPattern ?? pageFor(routes, p);
        if (route) covered.add(route.file);
      }
    }
    // A layout has no page of its own: it is checked with each page inside it.
    const layouts = routes.filter((r) => routes.some((o) => o !== r && o.pattern === r.pattern && o.file.includes("_index")));
    for (const layout of layouts) covered.add(layout.file);
    expect(routes.filter((r) => !covered.has(r.file)).map((r) => `${r.pattern} (${r.file})`)).toEqual([]);
  });
});
