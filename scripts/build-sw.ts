// After `remix build`: bundles app/service-worker/ with esbuild and lets Workbox inject the precache list (CSS, icons,
// manifest), the staff assets list (JavaScript, translations) and the offline routes, as the routes declare them in
// `handle.offline` — see docs/decisions/015-offline-pwa.md.
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { build } from "esbuild";
import { getManifest, injectManifest } from "workbox-build";
import { TRANSLATIONS_DIR, translationsFile } from "../app/i18n/page-resources.server";
import { loadLocales } from "../app/i18n/locales.server";
import { offlineRoutes, type RouteManifest } from "../app/service-worker/routes";

const root = process.cwd();
const outFile = path.join(root, "public/sw.js");

/** The version changes with the app (Remix's manifest file name carries its hash) and with the worker itself. */
function buildVersion(worker: string): string {
  const manifest = fs.readdirSync(path.join(root, "public/build")).find((f) => /^manifest-.*\.js$/.test(f)) ?? String(Date.now());
  return crypto.createHash("sha256").update(manifest).update(worker).digest("hex").slice(0, 12);
}

const PLACEHOLDER = "__SW_VERSION_PLACEHOLDER__";
const STAFF_PLACEHOLDER = "__STAFF_ASSETS_PLACEHOLDER__";
const ROUTES_PLACEHOLDER = "__OFFLINE_ROUTES_PLACEHOLDER__";

// The pages kept offline and the forms that may wait, from the routes Remix just built (their `handle.offline`).
const serverBuild = (await import(pathToFileURL(path.join(root, "build/server/index.js")).href)) as { routes: RouteManifest };
const offline = offlineRoutes(serverBuild.routes);

// Each language's page translations as one file named by its content (app/i18n/i18n.server.ts translationsFile).
const languageCodes = [...loadLocales(path.join(root, "locales")).keys()];
fs.rmSync(path.join(root, TRANSLATIONS_DIR), { recursive: true, force: true });
fs.mkdirSync(path.join(root, TRANSLATIONS_DIR), { recursive: true });
for (const lng of languageCodes) {
  const file = translationsFile(lng);
  fs.writeFileSync(path.join(root, TRANSLATIONS_DIR, file.name), file.body);
}

/** Staff pages' JavaScript and styles and the translations: kept by the worker once a staff page asks, not precached. */
const { manifestEntries: staffEntries } = await getManifest({
  globDirectory: root,
  globPatterns: ["public/build/**/*.js", "public/build/routes/team*.css", "public/build/translations/*.json", "locales/*/*.json"],
  modifyURLPrefix: { "public/": "/", "locales/": "/locales/" },
  maximumFileSizeToCacheInBytes: 5 * 1024 * 1024,
});
const staffAssets = (staffEntries ?? []).map((e) => e.url).sort();
// Translations keep their names when they change: their content goes into the version (and so the cache name).
const translationsHash = crypto.createHash("sha256");
for (const e of staffEntries ?? []) translationsHash.update(`${e.url}:${e.revision ?? ""}`);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "da-sw-"));
const bundled = path.join(tmp, "sw.js");

await build({
  entryPoints: [path.join(root, "app/service-worker/index.ts")],
  bundle: true,
  format: "iife",
  target: "es2020",
  minify: true,
  outfile: bundled,
  define: {
    __SW_VERSION__: JSON.stringify(PLACEHOLDER),
    __STAFF_ASSETS__: STAFF_PLACEHOLDER,
    __OFFLINE_ROUTES__: ROUTES_PLACEHOLDER,
    __LANGUAGES__: JSON.stringify(languageCodes),
    "process.env.NODE_ENV": '"production"',
  },
  logLevel: "warning",
});

const worker = fs
  .readFileSync(bundled, "utf8")
  .replaceAll(STAFF_PLACEHOLDER, JSON.stringify(staffAssets))
  .replaceAll(ROUTES_PLACEHOLDER, JSON.stringify(offline));
const version = buildVersion(worker + translationsHash.digest("hex"));
fs.writeFileSync(bundled, worker.replaceAll(PLACEHOLDER, version));

const { count, size, warnings } = await injectManifest({
  swSrc: bundled,
  swDest: outFile,
  globDirectory: root,
  globPatterns: [
    "public/build/**/*.{css,woff2}",
    "public/icons/*.png",
    "public/manifest.webmanifest",
    "public/favicon.svg",
  ],
  // Staff pages' styles travel with the staff assets.
  globIgnores: ["public/build/routes/team*.css"],
  // Files under public/ are served from the site's root.
  modifyURLPrefix: { "public/": "/" },
  // Remix's file names carry a hash already.
  dontCacheBustURLsMatching: /^\/build\//,
  maximumFileSizeToCacheInBytes: 5 * 1024 * 1024,
});
fs.rmSync(tmp, { recursive: true, force: true });
for (const warning of warnings) console.warn(warning);
const staffSize = (staffEntries ?? []).length;
console.log(
  `public/sw.js: version ${version}, ${count} files precached (${Math.round(size / 1024)} KB), ${staffSize} staff files kept on a staff page's request, ${offline.length} offline routes`,
);
