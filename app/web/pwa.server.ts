// Whether the service worker was built (`npm run build` writes public/sw.js; `npm run dev` may not have one).
import fs from "node:fs";
import path from "node:path";

let built: boolean | undefined;

export function serviceWorkerBuilt(): boolean {
  built ??= fs.existsSync(path.resolve("public/sw.js"));
  return built;
}
