// What server.ts hands every loader and action.
import type { Services } from "~/context";

declare module "@remix-run/node" {
  interface AppLoadContext {
    services: Services;
    /** CSP nonce for this response's inline scripts. */
    nonce: string;
    /** The client's address, for rate limits only; never logged. */
    clientIp: string;
  }
  // Single Fetch types for loaders and actions returning data().
  interface Future {
    v3_singleFetch: true;
  }
}

export {};
