// Two rules every route file keeps, read from the source (TypeScript's parser, no regular expressions on code):
// every staff loader and action starts from the one permission check (`requireStaff`, role × location), and
// citizen pages never ask for JavaScript (they work with it off; decision 007).
import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const ROUTES = path.resolve("app/routes");

/** Staff routes that must be reachable without a staff session, and why. Anything else under /team needs `requireStaff`. */
const OPEN_STAFF_EXPORTS: Record<string, string> = {
  "team_.sign-in.tsx loader": "the sign-in page itself",
  "team_.sign-in.tsx action": "signing in",
  "team_.sign-out.tsx loader": "only redirects to /team",
  "team_.sign-out.tsx action": "ends whatever session the cookie names; without one there is nothing to end",
  "team.calls.ts loader": "only redirects to /team (the forms post to the action)",
};

interface RouteExport {
  name: "loader" | "action";
  body: ts.Node;
  source: ts.SourceFile;
}

function routeFiles(): string[] {
  return fs.readdirSync(ROUTES).filter((f) => /\.tsx?$/.test(f));
}

function parse(file: string): ts.SourceFile {
  return ts.createSourceFile(file, fs.readFileSync(path.join(ROUTES, file), "utf8"), ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
}

function exported(node: ts.Node): boolean {
  return ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
}

/** `export async function loader…`, `export const action = …` and `export { x as loader }`. */
function loaderAndAction(source: ts.SourceFile): RouteExport[] {
  const found: RouteExport[] = [];
  const local = new Map<string, ts.Node>();
  for (const statement of source.statements) {
    if (ts.isFunctionDeclaration(statement) && statement.name && statement.body) local.set(statement.name.text, statement.body);
    if (ts.isVariableStatement(statement)) {
      for (const d of statement.declarationList.declarations) if (ts.isIdentifier(d.name) && d.initializer) local.set(d.name.text, d.initializer);
    }
  }
  for (const statement of source.statements) {
    if (!exported(statement) && !ts.isExportDeclaration(statement)) continue;
    if (ts.isFunctionDeclaration(statement) && statement.name && statement.body) {
      const name = statement.name.text;
      if (name === "loader" || name === "action") found.push({ name, body: statement.body, source });
    } else if (ts.isVariableStatement(statement)) {
      for (const d of statement.declarationList.declarations) {
        if (ts.isIdentifier(d.name) && (d.name.text === "loader" || d.name.text === "action") && d.initializer) {
          found.push({ name: d.name.text, body: d.initializer, source });
        }
      }
    } else if (ts.isExportDeclaration(statement) && statement.exportClause && ts.isNamedExports(statement.exportClause)) {
      for (const spec of statement.exportClause.elements) {
        const name = spec.name.text;
        if (name !== "loader" && name !== "action") continue;
        // Re-exported from another module: the check cannot see it, so it counts as unguarded.
        const body = statement.moduleSpecifier ? undefined : local.get((spec.propertyName ?? spec.name).text);
        found.push({ name, body: body ?? spec, source });
      }
    }
  }
  return found;
}

function calls(node: ts.Node, callee: string): boolean {
  let hit = false;
  const visit = (n: ts.Node) => {
    if (hit) return;
    if (ts.isCallExpression(n) && ts.isIdentifier(n.expression) && n.expression.text === callee) hit = true;
    else ts.forEachChild(n, visit);
  };
  visit(node);
  return hit;
}

const isStaffRoute = (file: string) => /^team(\.|_\.|\.tsx?$)/.test(file);

describe("route files", () => {
  it("finds the staff routes (the check below is not vacuous)", () => {
    const staff = routeFiles().filter(isStaffRoute);
    expect(staff.length).toBeGreaterThan(40);
    expect(staff).toContain("team.tsx");
    expect(staff).toContain("team_.sign-in.tsx");
    expect(routeFiles().filter((f) => !isStaffRoute(f))).toContain("_index.tsx");
  });

  it("every staff loader and action calls requireStaff (the one role × location check)", () => {
    const unguarded: string[] = [];
    for (const file of routeFiles().filter(isStaffRoute)) {
      for (const { name, body } of loaderAndAction(parse(file))) {
        const key = `${file} ${name}`;
        if (key in OPEN_STAFF_EXPORTS) continue;
        if (!calls(body, "requireStaff")) unguarded.push(key);
      }
    }
    expect(unguarded).toEqual([]);
  });

  it("the exceptions are still there (a stale list would hide a new unguarded export)", () => {
    const present = new Set(routeFiles().flatMap((file) => loaderAndAction(parse(file)).map(({ name }) => `${file} ${name}`)));
    expect(Object.keys(OPEN_STAFF_EXPORTS).filter((k) => !present.has(k))).toEqual([]);
  });

  it("the check sees a loader that forgets requireStaff", () => {
    const source = ts.createSourceFile(
      "team.x.tsx",
      `export async function loader({ request, context }) { return context.services.db.person.findMany(); }
       export const action = async ({ request, context }) => { const { ctx } = await requireStaff(request, context, "team:view"); };`,
      ts.ScriptTarget.Latest,
      true,
      ts.ScriptKind.TSX,
    );
    const found = loaderAndAction(source).map(({ name, body }) => [name, calls(body, "requireStaff")]);
    expect(found).toEqual([
      ["loader", false],
      ["action", true],
    ]);
  });

  it("citizen pages never ask for JavaScript (handle.hydrate is for staff pages only)", () => {
    const hydrating = routeFiles()
      .filter((f) => !isStaffRoute(f))
      .filter((file) => {
        let hit = false;
        const visit = (n: ts.Node) => {
          if (ts.isPropertyAssignment(n) && n.name.getText() === "hydrate" && n.initializer.kind !== ts.SyntaxKind.FalseKeyword) hit = true;
          ts.forEachChild(n, visit);
        };
        visit(parse(file));
        return hit;
      });
    expect(hydrating).toEqual([]);
  });
});
