// Response headers every answer carries (CSP with a per-request nonce, framing, browser features) and the one rule
// for which pages a browser must never store.
import type { NextFunction, Request, Response } from "express";
import helmet from "helmet";

export function securityHeaders({ publicUrl, production }: { publicUrl: string; production: boolean }) {
  const https = publicUrl.startsWith("https:");
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        "default-src": ["'self'"],
        "script-src": ["'self'", (_req, res) => `'nonce-${(res as Response).locals.nonce}'`],
        // Stylesheets from us, and the one <style> react-aria adds at run time, which carries this response's nonce
        // (root.tsx's csp-nonce meta). Style *attributes* stay allowed: react-aria's VisuallyHidden (the real <input>
        // of every Checkbox and Radio) is rendered on the server as a style attribute, and without it pages without
        // JavaScript would show two of each choice (decision 024).
        "style-src": ["'self'", (_req, res) => `'nonce-${(res as Response).locals.nonce}'`],
        "style-src-attr": ["'unsafe-inline'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": production ? ["'self'"] : ["'self'", "ws:"],
        "manifest-src": ["'self'"],
        "worker-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        ...(https ? { "upgrade-insecure-requests": [] } : {}),
      },
    },
    strictTransportSecurity: https,
    referrerPolicy: { policy: "same-origin" },
    xFrameOptions: { action: "deny" },
  });
}

/**
 * Browser features: only the camera, and only for our own pages (the check-out scans a tablet's QR code).
 * Everything else the app never asks for is switched off, also for anything a page might embed.
 */
export const PERMISSIONS_POLICY = [
  "camera=(self)",
  "microphone=()",
  "geolocation=()",
  "payment=()",
  "usb=()",
  "serial=()",
  "bluetooth=()",
  "hid=()",
  "midi=()",
  "magnetometer=()",
  "gyroscope=()",
  "accelerometer=()",
  "display-capture=()",
  "browsing-topics=()",
].join(", ");

export function permissionsPolicy(_req: Request, res: Response, next: NextFunction) {
  res.set("Permissions-Policy", PERMISSIONS_POLICY);
  next();
}

/**
 * Pages a browser must never keep: every staff page and its data requests and redirects (by path, so a new staff
 * route cannot forget it), and the citizen pages that show someone's request or booking after a look-up. A no-store
 * page is also never restored from the back/forward cache: after sign-out, Back asks the server again.
 */
const PRIVATE_PATHS = [/^\/team(\/|$)/, /^\/status\/?$/, /^\/book(\/|$)/, /^\/appointment(\/|$)/, /^\/calendar\//];

export function mustNotBeStored(path: string): boolean {
  return PRIVATE_PATHS.some((p) => p.test(path));
}

export const NO_STORE = "private, no-store";
