// Rate limits for sign-in and (later) public forms and status checks. In memory: one process serves the app.
import crypto from "node:crypto";
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";

const signInPerAccount = new RateLimiterMemory({ keyPrefix: "signin-account", points: 5, duration: 15 * 60 });
const signInPerAddress = new RateLimiterMemory({ keyPrefix: "signin-ip", points: 30, duration: 15 * 60 });

// The e-mail is only used hashed, so the limiter holds nothing readable.
const hashed = (value: string) => crypto.createHash("sha256").update(value.trim().toLowerCase()).digest("hex");

/** Counts one sign-in attempt; false when this address or account has tried too often. */
export async function allowSignInAttempt(clientIp: string, email: string): Promise<boolean> {
  try {
    await Promise.all([signInPerAddress.consume(clientIp), signInPerAccount.consume(hashed(email))]);
    return true;
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) return false;
    throw rejection;
  }
}

/** A successful sign-in clears the account's counter. */
export async function resetSignInAttempts(email: string): Promise<void> {
  await signInPerAccount.delete(hashed(email));
}
