// Three suites: unit (pure rules), integration (capabilities on a fresh SQLite file), e2e (the built app in Chromium).
import path from "node:path";
import { defineConfig } from "vitest/config";
import { E2E_WORKERS } from "./tests/e2e/workers";

export default defineConfig({
  resolve: { alias: { "~": path.resolve("app") } },
  test: {
    setupFiles: ["tests/helpers/fail-on-console.ts"],
    reporters: ["default", "json"],
    outputFile: { json: "test-results/results.json" },
    env: { NODE_ENV: "test" },
    projects: [
      // Some unit tests parse every source file (TypeScript AST): 1 s alone, 8 s beside a browser run on two cores.
      { extends: true, test: { name: "unit", include: ["tests/unit/**/*.test.{ts,tsx}"], testTimeout: 30_000 } },
      // Real SQLite under two parallel workers: a test of 1 s alone has taken 9 s on a busy machine.
      { extends: true, test: { name: "integration", include: ["tests/integration/**/*.test.ts"], testTimeout: 30_000 } },
      {
        extends: true,
        test: {
          name: "e2e",
          include: ["tests/e2e/**/*.test.ts"],
          globalSetup: ["tests/e2e/global-setup.ts"],
          // Added to the root's setup files (fail-on-console), as Vite merges arrays.
          setupFiles: ["tests/e2e/setup-clock.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // Files side by side, each worker with its own app (tests/e2e/global-setup.ts): they mostly wait for pages.
          maxWorkers: E2E_WORKERS,
          // After unit and integration, not beside them: a page that must hydrate while other test files hold both
          // cores once waited past 30 s. Alone, the browser's waits measure the app, not the neighbours.
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
