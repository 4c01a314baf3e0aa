// The browser suite runs against the built app, started with a fresh database on a pinned hour: one app per test
// worker, so files that run side by side never share a database, a rate limit or a slot.
import type { TestProject } from "vitest/node";
import { startApp } from "../helpers/app-server";
import { e2eClockOffset } from "../helpers/e2e-clock";
import { E2E_WORKERS } from "./workers";

export interface SharedApp {
  baseUrl: string;
  databaseUrl: string;
}

declare module "vitest" {
  export interface ProvidedContext {
    apps: SharedApp[];
    clockOffsetMs: number;
  }
}

export default async function setup(project: TestProject) {
  const clockOffsetMs = e2eClockOffset();
  const apps = await Promise.all(Array.from({ length: E2E_WORKERS }, () => startApp({ CLOCK_OFFSET_MS: String(clockOffsetMs) })));
  project.provide("clockOffsetMs", clockOffsetMs);
  project.provide(
    "apps",
    apps.map(({ baseUrl, databaseUrl }) => ({ baseUrl, databaseUrl })),
  );
  return () => Promise.all(apps.map((app) => app.stop()));
}
