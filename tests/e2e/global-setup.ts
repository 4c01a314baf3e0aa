// The browser suite runs against the built app, started once with a fresh database, on a pinned hour.
import type { TestProject } from "vitest/node";
import { startApp } from "../helpers/app-server";
import { e2eClockOffset } from "../helpers/e2e-clock";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    databaseUrl: string;
    clockOffsetMs: number;
  }
}

export default async function setup(project: TestProject) {
  const clockOffsetMs = e2eClockOffset();
  const app = await startApp({ CLOCK_OFFSET_MS: String(clockOffsetMs) });
  project.provide("clockOffsetMs", clockOffsetMs);
  project.provide("baseUrl", app.baseUrl);
  project.provide("databaseUrl", app.databaseUrl);
  return () => app.stop();
}
