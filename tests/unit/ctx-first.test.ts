// Capability functions take ctx first (app/context.ts): a function whose first parameter is the database or a
// transaction is a convention broken, and so is a transaction disguised as a database (a Proxy). Read from the source.
import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const CAPABILITIES = path.resolve("app/capabilities");

function sourceFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => /\.tsx?$/.test(f))
    .map((f) => path.join(dir, f));
}

function parse(file: string): ts.SourceFile {
  return ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
}

/** Named functions that may take a transaction first, and why. */
const EXCEPTIONS: Record<string, string> = {
  "messaging/messenger.server.ts: send(tx: Tx)": "the messenger is part of ctx itself; its one method writes into the caller's transaction",
  "messaging/messenger.server.ts: firstSmsTo(tx: Tx)": "the messenger's own look-up inside `send`, in the same transaction (the messenger has no ctx)",
};

const DATABASE_TYPES = /^(Db|Tx|Ctx\["db"\])(\s*\|\s*(Db|Tx|Ctx\["db"\]))*$/;

/** A function with a name: declared, a method, or an arrow/function expression given to a const. */
function named(node: ts.Node): { name: string; parameters: ts.NodeArray<ts.ParameterDeclaration> } | null {
  if ((ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node)) && node.name) return { name: node.name.getText(), parameters: node.parameters };
  if (ts.isVariableDeclaration(node) && node.initializer && (ts.isArrowFunction(node.initializer) || ts.isFunctionExpression(node.initializer))) {
    return { name: node.name.getText(), parameters: node.initializer.parameters };
  }
  return null;
}

/**
 * "file: name(first parameter)" for every named function whose first parameter is a database or transaction.
 * (The callback a transaction hands its `tx` to is not a capability function and is not named.)
 */
function databaseFirst(source: ts.SourceFile): string[] {
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    const fn = named(node);
    const first = fn?.parameters[0];
    if (fn && first) {
      const name = first.name.getText(source);
      const type = first.type?.getText(source) ?? "";
      if (name === "db" || name === "tx" || DATABASE_TYPES.test(type)) {
        found.push(`${path.relative(CAPABILITIES, source.fileName)}: ${fn.name}(${first.getText(source)})`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function proxies(source: ts.SourceFile): string[] {
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isNewExpression(node) && node.expression.getText(source) === "Proxy") {
      found.push(`${path.relative(CAPABILITIES, source.fileName)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe("capability signatures", () => {
  const files = sourceFiles(CAPABILITIES).map(parse);

  it("take ctx first; a transaction, when a helper must join the caller's, comes second", () => {
    expect(files.flatMap(databaseFirst).filter((f) => !(f in EXCEPTIONS))).toEqual([]);
  });

  it("the exceptions are still there (a stale list would hide a new one)", () => {
    const found = new Set(files.flatMap(databaseFirst));
    expect(Object.keys(EXCEPTIONS).filter((e) => !found.has(e))).toEqual([]);
  });

  it("never disguise a transaction as a database", () => {
    expect(files.flatMap(proxies)).toEqual([]);
  });

  it("the check sees a database-first function (it can fail)", () => {
    const sample = ts.createSourceFile("sample.ts", "export async function f(tx: Tx, id: string) {}\nconst g = (db: Db) => db;", ts.ScriptTarget.Latest, true);
    expect(databaseFirst(sample)).toHaveLength(2);
  });
});
