// Starts the built app as `npm start` would (migrations, demo seed, worker) on a free port with a fresh database.
// Used by the browser suite and the benchmarks.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

export interface RunningApp {
  baseUrl: string;
  /** Its SQLite file, for a browser test that arranges a long history instead of clicking it together. */
  databaseUrl: string;
  pid: number;
  stop(): Promise<void>;
}

/** `output`, when given, receives everything the app writes (its logs) instead of the test's own console. */
export async function startApp(env: Record<string, string> = {}, output?: (text: string) => void): Promise<RunningApp> {
  if (!fs.existsSync("build/server/index.js")) throw new Error("Run `npm run build` first (npm test and npm run bench do).");
  const port = await freePort();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "da-app-"));
  const baseUrl = `http://localhost:${port}`;
  const databaseUrl = `file:${path.join(dir, "app.db")}`;
  const server: ChildProcess = spawn(process.execPath, [path.resolve("node_modules/tsx/dist/cli.mjs"), "server.ts"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      PUBLIC_URL: baseUrl,
      LOG_LEVEL: "warn",
      ...env,
    },
    stdio: ["ignore", output ? "pipe" : "inherit", output ? "pipe" : "inherit"],
  });
  server.stdout?.on("data", (chunk: Buffer) => output?.(chunk.toString("utf8")));
  server.stderr?.on("data", (chunk: Buffer) => output?.(chunk.toString("utf8")));
  await waitUntilHealthy(`${baseUrl}/healthz`, server);
  return {
    baseUrl,
    databaseUrl,
    pid: server.pid!,
    async stop() {
      server.kill("SIGTERM");
      await new Promise((resolve) => (server.exitCode !== null ? resolve(null) : server.once("exit", resolve)));
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Starts the app as startApp does and expects it to give up during start-up (a wrong setting, a broken database):
 * resolves with its exit code and what it wrote to stderr; code null when it was still running after 60 s.
 */
export async function startAppExpectingExit(env: Record<string, string> = {}): Promise<{ code: number | null; stderr: string }> {
  const port = await freePort();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "da-app-"));
  const server = spawn(process.execPath, [path.resolve("node_modules/tsx/dist/cli.mjs"), "server.ts"], {
    env: { ...process.env, NODE_ENV: "production", PORT: String(port), DATABASE_URL: `file:${path.join(dir, "app.db")}`, PUBLIC_URL: `http://localhost:${port}`, LOG_LEVEL: "warn", ...env },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  server.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
  let timedOut = false;
  const stillRunning = setTimeout(() => (timedOut = server.kill("SIGTERM")), 60_000);
  const exitCode = await new Promise<number | null>((resolve) => server.once("exit", (c) => resolve(c)));
  clearTimeout(stillRunning);
  const code = timedOut ? null : exitCode;
  fs.rmSync(dir, { recursive: true, force: true });
  return { code, stderr };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.on("error", reject);
  });
}

async function waitUntilHealthy(url: string, server: ChildProcess) {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`The app exited during start-up (code ${server.exitCode})`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  server.kill("SIGTERM");
  throw new Error("The app did not become healthy within 90 s");
}
