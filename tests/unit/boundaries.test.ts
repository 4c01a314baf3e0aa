// What goes where (docs/decisions/022-what-goes-where.md), read from the source with TypeScript's parser: which layer
// may import which, that routes never touch the database, that app/web stays glue, and that no files import each
// other in a circle. Each rule is also shown to catch a made-up offender, so a broken reader cannot pass silently.
import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const APP = path.resolve("app");

interface SourceFile {
  /** Relative to app/, e.g. "web/session.server.ts". */
  file: string;
  source: ts.SourceFile;
  /** The app files it imports (relative to app/), type-only imports included: they tie the code together too. */
  imports: string[];
}

function appFiles(dir = APP): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" ? [] : appFiles(full);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith(".d.ts") ? [path.relative(APP, full)] : [];
  });
}

/** `~/x` and `./x` to a file of app/, trying the extensions and folder indexes the bundler tries. */
function resolve(from: string, specifier: string): string | null {
  let base: string;
  if (specifier.startsWith("~/")) base = path.join(APP, specifier.slice(2));
  else if (specifier.startsWith(".")) base = path.resolve(APP, path.dirname(from), specifier);
  else return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts"), path.join(base, "index.tsx")]) {
    if (/\.tsx?$/.test(candidate) && fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return path.relative(APP, candidate);
  }
  return null; // CSS, JSON, generated code
}

function read(file: string, text = fs.readFileSync(path.join(APP, file), "utf8")): SourceFile {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith("x") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const imports: string[] = [];
  const visit = (node: ts.Node) => {
    const specifier =
      (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)
        ? node.moduleSpecifier.text
        : ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && ts.isStringLiteral(node.arguments[0]!)
          ? (node.arguments[0] as ts.StringLiteral).text
          : null;
    const target = specifier ? resolve(file, specifier) : null;
    if (target) imports.push(target);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { file, source, imports };
}

const house = appFiles().map((f) => read(f));
const layer = (file: string) => file.split(path.sep)[0]!.replace(/\.tsx?$/, "");

/** Layers and what they must not import. */
const FORBIDDEN: Record<string, string[]> = {
  ui: ["capabilities", "web", "routes", "root", "db.server", "services.server"],
  capabilities: ["web", "ui", "routes", "root"],
  lib: ["capabilities", "web", "ui", "routes", "root"],
  i18n: ["capabilities", "web", "ui", "routes", "root"],
  web: ["routes", "root"],
  // Runs in the browser's worker: declarations (web/handle.ts) and small shared types only.
  "service-worker": ["capabilities", "ui", "routes", "root", "db.server", "services.server"],
};

function layerViolations(files: SourceFile[]): string[] {
  return files.flatMap(({ file, imports }) =>
    imports.filter((target) => FORBIDDEN[layer(file)]?.includes(layer(target))).map((target) => `${file} -> ${target}`),
  );
}

/** Property reads that only database code makes: `x.db`, `tx.person…`, `$transaction`, `$queryRaw`. */
function databaseTouches({ file, source, imports }: SourceFile): string[] {
  const found = imports.filter((t) => t === "db.server.ts").map((t) => `${file} imports ${t}`);
  const visit = (node: ts.Node) => {
    if (ts.isPropertyAccessExpression(node)) {
      const name = node.name.text;
      // `ctx.db.person…` or `ctx.db.$transaction` is a query; `ctx.db` handed on whole is the stated exception
      // (a capability helper that takes its caller's transaction second: `freeSlots(ctx, ctx.db, …)`).
      const queried = name === "db" && ts.isPropertyAccessExpression(node.parent) && node.parent.expression === node;
      if (queried || name.startsWith("$transaction") || name.startsWith("$queryRaw") || name.startsWith("$executeRaw")) {
        const line = source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
        found.push(`${file}:${line} ${node.getText().slice(0, 60)}`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/**
 * Glue that may ask `can()`, and why: the session guard is the one role × place check every staff route starts with,
 * and the menu only shows what the guard would let through.
 */
const GLUE_THAT_ASKS = new Set(["web/session.server.ts", "web/navigation.ts"]);

/** The permission check and audit writes: `can(…)`, `require…Permission`/`requireManage(…)`, `…auditEntry…`, `audit(…)`. */
function rulesInGlue({ file, source }: SourceFile): string[] {
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : "";
      const owner = ts.isPropertyAccessExpression(callee) ? callee.expression.getText() : "";
      const asks = name === "can" && !GLUE_THAT_ASKS.has(file);
      if (asks || /^require\w*(Permission|Manage|Access)$/.test(name) || name === "audit" || /auditEntry$/i.test(owner)) {
        const line = source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
        found.push(`${file}:${line} ${node.getText().slice(0, 60)}`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** Strongly connected groups of more than one file (Tarjan), or a file importing itself. */
function circles(files: SourceFile[]): string[][] {
  const edges = new Map(files.map((f) => [f.file, f.imports]));
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  let next = 0;
  const connect = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!edges.has(w)) continue;
      if (!index.has(w)) {
        connect(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const group: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        group.push(w);
      } while (w !== v);
      if (group.length > 1 || edges.get(v)!.includes(v)) found.push(group.sort());
    }
  };
  for (const f of files) if (!index.has(f.file)) connect(f.file);
  return found;
}

const inLayer = (name: string) => house.filter((f) => layer(f.file) === name);

describe("what goes where", () => {
  it("reads the whole app and its imports (the rules below are not vacuous)", () => {
    for (const name of ["routes", "web", "capabilities", "ui", "lib", "i18n"]) expect(inLayer(name).length, name).toBeGreaterThan(5);
    expect(house.find((f) => f.file === path.join("routes", "team.tsx"))!.imports).toContain(path.join("web", "session.server.ts"));
  });

  it("ui/ imports nothing from capabilities, web, routes or the root; capabilities nothing from web, ui or routes; lib and i18n only each other", () => {
    expect(layerViolations(house)).toEqual([]);
  });

  it("routes never touch the database: they call web/ page models or capabilities", () => {
    expect(inLayer("routes").flatMap(databaseTouches)).toEqual([]);
  });

  it("web/ is glue: no database queries, permission checks or audit writes (those live in the capabilities)", () => {
    expect(inLayer("web").flatMap((f) => [...databaseTouches(f), ...rulesInGlue(f)])).toEqual([]);
  });

  it("no files import each other in a circle", () => {
    expect(circles(house)).toEqual([]);
  });

  it("catches made-up offenders of every rule", () => {
    const fake = (file: string, text: string) => read(file, text);
    expect(layerViolations([fake("ui/Fake/index.tsx", 'import { x } from "~/capabilities/people/permissions";')])).toHaveLength(1);
    expect(layerViolations([fake("capabilities/fake.server.ts", 'import { y } from "../web/session.server";')])).toHaveLength(1);
    expect(databaseTouches(fake("routes/fake.tsx", "export async function loader() { return ctx.db.person.findMany(); }"))).toHaveLength(1);
    expect(databaseTouches(fake("routes/fake.tsx", "export const loader = () => context.services.db.$transaction(f);")).length).toBeGreaterThan(0);
    expect(rulesInGlue(fake("web/fake.server.ts", 'if (!can(actor, "x", id)) throw no(); await tx.auditEntry.create({});'))).toHaveLength(2);
    const a = fake("lib/a.ts", 'import { b } from "./reference-code";');
    const b = { ...fake("lib/reference-code.ts", ""), imports: ["lib/a.ts"] };
    expect(circles([a, b])).toEqual([["lib/a.ts", "lib/reference-code.ts"]]);
  });
});
