// The browser suite runs against the built app, started once with a fresh database.
import type { TestProject } from "vitest/node";
import { startApp } from "../helpers/app-server";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    databaseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const app = await startApp();
  project.provide("baseUrl", app.baseUrl);
  project.provide("databaseUrl", app.databaseUrl);
  return () => app.stop();
}
