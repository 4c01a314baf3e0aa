// What server.ts hands every loader and action.
import type { Services } from "~/context";
import type { StaffActor } from "~/capabilities/people/permissions";

declare module "@remix-run/node" {
  interface AppLoadContext {
    services: Services;
    /** CSP nonce for this response's inline scripts. */
    nonce: string;
    /** The client's address, for rate limits only; never logged. */
    clientIp: string;
    /**
     * Set by requireStaff for a signed-in request: an opaque name for this staff session (not the token), sent
     * as X-Staff-Session so the service worker keeps pages per session (docs/decisions/015-offline-pwa.md).
     */
    staffSessionTag?: string;
    /** Likewise for the person (stays the same across sign-ins): whose offline entries the worker may send. */
    staffPersonTag?: string;
    /** Set by requireStaff: who is signed in, so a 403 answered to them is audit-logged (web/refusal-audit.server.ts). */
    staffActor?: StaffActor;
  }
  // Single Fetch types for loaders and actions returning data().
  interface Future {
    v3_singleFetch: true;
  }
}

export {};
