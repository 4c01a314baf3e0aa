// Every setting the code reads is explained in .env.example and named in the README, and neither lists a setting
// the code no longer reads. Also: the session cookie is Secure whenever the app is reached over https or runs in
// production on a real address.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readConfig } from "~/config.server";
import { sessionCookie } from "~/web/session.server";

/** Set by the npm scripts or only by the test and benchmark harness, never by someone installing the app. */
const NOT_SETTINGS = new Set(["NODE_ENV"]);

function sourceFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: "utf8" })
    .map((f) => path.join(dir, f))
    .filter((f) => /\.tsx?$/.test(f) && !f.includes(`${path.sep}generated${path.sep}`));
}

function settingsTheCodeReads(): Set<string> {
  const keys = new Set<string>();
  for (const file of [...sourceFiles("app"), ...sourceFiles("jobs"), ...sourceFiles("scripts"), ...sourceFiles("prisma"), "server.ts", "prisma.config.ts"]) {
    const text = fs.readFileSync(file, "utf8");
    for (const m of text.matchAll(/process\.env\.([A-Z][A-Z0-9_]+)|process\.env\[["']([A-Z][A-Z0-9_]+)["']\]/g)) keys.add(m[1] ?? m[2]);
  }
  // The checked settings: the keys of the zod schema in app/config.server.ts.
  const config = fs.readFileSync("app/config.server.ts", "utf8");
  const schema = config.slice(config.indexOf("z.object({"), config.indexOf("});", config.indexOf("z.object({")));
  for (const m of schema.matchAll(/^\s+([A-Z][A-Z0-9_]+):/gm)) keys.add(m[1]);
  for (const key of NOT_SETTINGS) keys.delete(key);
  return keys;
}

function envExampleKeys(): Set<string> {
  const text = fs.readFileSync(".env.example", "utf8");
  return new Set([...text.matchAll(/^#?\s*([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]));
}

describe("settings", () => {
  const read = settingsTheCodeReads();

  it("finds the settings the code reads (the comparison below is not vacuous)", () => {
    for (const key of ["DATABASE_URL", "PORT", "SESSION_SECRET", "PUBLIC_URL", "TWILIO_ACCOUNT_SID", "RUN_JOBS", "SEED"]) expect(read).toContain(key);
  });

  it(".env.example explains every setting the code reads, and no other", () => {
    const example = envExampleKeys();
    expect([...read].filter((k) => !example.has(k)).sort()).toEqual([]);
    expect([...example].filter((k) => !read.has(k)).sort()).toEqual([]);
  });

  it("a copy of .env.example as it stands starts: an empty NAME= is a setting left unset", () => {
    const copied = Object.fromEntries([...fs.readFileSync(".env.example", "utf8").matchAll(/^([A-Z][A-Z0-9_]+)=(.*)$/gm)].map((m) => [m[1], m[2]])) as NodeJS.ProcessEnv;
    expect(Object.values(copied)).toContain("");
    const config = readConfig(copied);
    expect(config.sessionSecret.length).toBeGreaterThanOrEqual(32);
    expect(() => readConfig({ ...copied, SESSION_SECRET: "too short" } as NodeJS.ProcessEnv)).toThrow(/SESSION_SECRET/);
  });

  it("the README names every setting (TWILIO_* counts for the Twilio ones)", () => {
    const readme = fs.readFileSync("README.md", "utf8");
    const named = (key: string) =>
      readme.includes(`\`${key}\``) || [...readme.matchAll(/`([A-Z][A-Z0-9]*_)\*`/g)].some((m) => key.startsWith(m[1]));
    expect([...read].filter((k) => !named(k)).sort()).toEqual([]);
  });
});

describe("the session cookie", () => {
  const cookieFor = (env: Record<string, string>) => {
    const config = readConfig({ SESSION_SECRET: "s".repeat(40), ...env } as unknown as NodeJS.ProcessEnv);
    return sessionCookie({ services: { config } } as never);
  };

  it("is Secure behind https and in production on a real address", async () => {
    const envs: Record<string, string>[] = [{ PUBLIC_URL: "https://ambulanz.example" }, { PUBLIC_URL: "http://ambulanz.example", NODE_ENV: "production" }];
    for (const env of envs) {
      const header = await cookieFor(env).serialize("token");
      expect(header).toMatch(/; Secure/);
      expect(header).toMatch(/; HttpOnly/);
      expect(header).toMatch(/; SameSite=Lax/);
    }
  });

  it("is not Secure for a local install over http (the browser would drop it)", async () => {
    expect(await cookieFor({ PUBLIC_URL: "http://localhost:3000", NODE_ENV: "production" }).serialize("token")).not.toMatch(/Secure/);
    expect(await cookieFor({ PUBLIC_URL: "http://localhost:3000" }).serialize("token")).not.toMatch(/Secure/);
  });
});

describe("TRUST_PROXY", () => {
  const trust = (value: string) => readConfig({ SESSION_SECRET: "s".repeat(40), TRUST_PROXY: value } as unknown as NodeJS.ProcessEnv).trustProxy;

  it("takes a number of proxies or their addresses and subnets, as Express's trust proxy does", () => {
    expect(trust("false")).toBe(false);
    expect(trust("1")).toBe(1);
    expect(trust("10.0.0.2, 10.1.0.0/16, fd00::/8, loopback")).toEqual(["10.0.0.2", "10.1.0.0/16", "fd00::/8", "loopback"]);
  });

  it("refuses true (every client could choose its address) and anything that is not an address", () => {
    expect(() => trust("true")).toThrow(/TRUST_PROXY=true would let every client choose its own address/);
    expect(() => trust("proxy.example")).toThrow(/proxy\.example is neither/);
    expect(() => trust("10.0.0.0/33")).toThrow(/is neither/);
  });
});
