// `npm run bench`: the server's memory after a 100 MB body is refused (issue 14). Before the body limits, a 192 MB
// POST took the process to 2 GB; now it should stay where it started. Figures only, never asserted.
import fs from "node:fs";
import http from "node:http";
import { startApp } from "../tests/helpers/app-server";

const app = await startApp({ RUN_JOBS: "false" });
// tsx runs the server in a child process of app.pid: the figure is the whole tree's resident memory.
const tree = (pid: number): number[] => [
  pid,
  ...fs
    .readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8")
    .split(" ")
    .filter(Boolean)
    .flatMap((child) => tree(Number(child))),
];
const rssOf = (pid: number) => Number(fs.readFileSync(`/proc/${pid}/status`, "utf8").match(/VmRSS:\s+(\d+)/)?.[1] ?? 0);
const rss = () => tree(app.pid).reduce((sum, pid) => sum + rssOf(pid), 0);

/** Sends `bytes` as one form (declared, or chunked without a length) and resolves with the status, if one came. */
function send(bytes: number, chunked: boolean): Promise<string> {
  const { hostname, port } = new URL(app.baseUrl);
  const headers: Record<string, string> = { Origin: app.baseUrl, "Content-Type": "application/x-www-form-urlencoded" };
  if (!chunked) headers["Content-Length"] = String(bytes);
  return new Promise((resolve) => {
    let sent = 0;
    let status = "no answer";
    const request = http.request({ hostname, port, method: "POST", path: "/report", headers }, (response) => {
      status = String(response.statusCode);
      response.resume();
    });
    // The server hangs up after its answer; the rest of the body is not wanted.
    const done = () => resolve(`${status} after ${(sent / 1024 / 1024).toFixed(1)} MB sent`);
    request.on("error", done);
    request.on("close", done);
    const part = Buffer.alloc(256 * 1024, "a");
    const more = () => {
      while (sent < bytes && !request.destroyed) {
        sent += part.length;
        if (!request.write(part)) return void request.once("drain", more);
      }
      if (!request.destroyed) request.end();
    };
    more();
  });
}

try {
  const before = rss();
  const declared = await send(100 * 1024 * 1024, false);
  const afterDeclared = rss();
  const chunked = await send(100 * 1024 * 1024, true);
  const afterChunked = rss();
  console.log("\nA 100 MB form body, refused (server memory, resident):");
  console.log(`  before                         ${String(before).padStart(8)} kB`);
  console.log(`  with Content-Length: ${declared.padEnd(28)} ${String(afterDeclared).padStart(8)} kB`);
  console.log(`  chunked:             ${chunked.padEnd(28)} ${String(afterChunked).padStart(8)} kB`);
} finally {
  await app.stop();
}
