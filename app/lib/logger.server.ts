// Structured logs. Nothing personal goes in: no names, phone numbers, message bodies or query strings.
import pino from "pino";

export const logger = pino({
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "silent" : "info"),
  redact: { paths: ["*.phone", "*.toPhone", "*.body", "*.password", "*.email", "req.headers.cookie"], censor: "[redacted]" },
});
