// One reading of DATABASE_URL for the app, the CLI and the tests.
import path from "node:path";

export const DEFAULT_DATABASE_URL = "file:./data/app.db";

/** `file:./data/app.db` → absolute path, resolved against the working directory (not the schema folder). */
export function sqliteFilePath(url: string): string {
  if (!url.startsWith("file:")) {
    throw new Error("DATABASE_URL must be a SQLite file URL such as file:./data/app.db");
  }
  const file = url.slice("file:".length).split("?")[0];
  return file === ":memory:" ? file : path.resolve(file);
}
