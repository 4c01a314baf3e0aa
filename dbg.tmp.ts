import http from "node:http";
import { startApp } from "./tests/helpers/app-server";
const app = await startApp({ RUN_JOBS: "false", LOG_LEVEL: "info" }, (t) => t.includes("status") && process.stdout.write(t));
const { hostname, port } = new URL(app.baseUrl);
function go(total: number) {
  return new Promise<void>((resolve) => {
    let sent = 0; let answered = false;
    const req = http.request({ hostname, port, method: "POST", path: "/status", agent: false, headers: { Origin: app.baseUrl, "Content-Type": "application/x-www-form-urlencoded", "Transfer-Encoding": "chunked" } }, (res) => {
      answered = true; console.log("response", res.statusCode, "sent", sent); res.resume(); res.on("end", resolve);
    });
    req.on("error", (e) => { console.log("error", e.message, "sent", sent, "answered", answered); resolve(); });
    req.on("socket", (s) => s.on("close", () => console.log("socket close, sent", sent))); req.on("information", (i) => console.log("info", i.statusCode));
    const part = Buffer.alloc(65536, "a");
    const more = () => { if (sent >= total || answered || req.destroyed) return void (req.destroyed || req.end()); sent += part.length; if (req.write(part)) setImmediate(more); else req.once("drain", more); };
    setImmediate(more);
  });
}
try { for (let i = 0; i < 3; i++) await go(50 * 1024 * 1024); } finally { await app.stop(); }
