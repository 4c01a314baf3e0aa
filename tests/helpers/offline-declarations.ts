// What the routes declare for offline use, read from their source without building or running them: the route tree
// as Remix makes it from the file names (its own flatRoutes), each route's `handle.offline` by TypeScript's parser.
import fs from "node:fs";
import path from "node:path";
import { flatRoutes } from "@remix-run/dev/dist/config/flat-routes.js";
import ts from "typescript";
import remixConfig from "../../remix.config.js";
import type { RouteManifest } from "~/service-worker/routes";

/** A literal as written in the source (objects, strings, numbers, booleans); anything computed is refused. */
function literal(node: ts.Expression): unknown {
  if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isSatisfiesExpression(node))
    return literal(node.expression);
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isNumericLiteral(node)) return Number(node.text);
  if (node.kind === ts.SyntaxKind.TrueKeyword) return true;
  if (node.kind === ts.SyntaxKind.FalseKeyword) return false;
  if (ts.isArrayLiteralExpression(node)) return node.elements.map(literal);
  if (ts.isObjectLiteralExpression(node)) {
    return Object.fromEntries(
      node.properties.map((p) => {
        if (!ts.isPropertyAssignment(p) || !(ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)))
          throw new Error(`not a plain property: ${p.getText()}`);
        return [p.name.text, literal(p.initializer)];
      }),
    );
  }
  throw new Error(`not a literal: ${node.getText()}`);
}

/** `export const handle = { …, offline: {…} }`: the `offline` part, or undefined. */
export function declaredOffline(file: string): unknown {
  const source = ts.createSourceFile(
    file,
    fs.readFileSync(file, "utf8"),
    ts.ScriptTarget.Latest,
    true,
    ts.ScriptKind.TSX,
  );
  for (const statement of source.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    for (const d of statement.declarationList.declarations) {
      if (!ts.isIdentifier(d.name) || d.name.text !== "handle" || !d.initializer) continue;
      let init: ts.Expression = d.initializer;
      while (ts.isAsExpression(init) || ts.isSatisfiesExpression(init) || ts.isParenthesizedExpression(init))
        init = init.expression;
      if (!ts.isObjectLiteralExpression(init)) throw new Error(`${file}: handle is not an object literal`);
      const offline = init.properties.find((p) => p.name && ts.isIdentifier(p.name) && p.name.text === "offline");
      if (!offline) return undefined;
      if (!ts.isPropertyAssignment(offline)) throw new Error(`${file}: handle.offline is not a plain property`);
      return literal(offline.initializer);
    }
  }
  return undefined;
}

/** The app's routes as a server build lists them, with only `handle.offline` in each module. */
export function routesFromSource(): RouteManifest {
  const app = path.resolve("app");
  const routes = flatRoutes(app, remixConfig.ignoredRouteFiles) as Record<
    string,
    { path?: string; parentId?: string; file: string }
  >;
  return Object.fromEntries(
    Object.entries(routes).map(([id, route]) => {
      const offline = declaredOffline(path.join(app, route.file));
      return [
        id,
        { path: route.path, parentId: route.parentId, module: { handle: offline ? { offline } : undefined } },
      ];
    }),
  );
}
