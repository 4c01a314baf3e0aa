// Rate limits for sign-in, the public problem report and the status check. In memory: one process serves the app.
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

/**
 * A successful sign-in clears the account's counter and gives the address its attempt back: only failures count,
 * so the staff of a library or care home behind one address do not lock each other out at a change of shift.
 */
export async function resetSignInAttempts(email: string, clientIp?: string): Promise<void> {
  await signInPerAccount.delete(hashed(email));
  if (clientIp) await signInPerAddress.reward(clientIp, 1);
}

// The status check answers "not found" for a wrong code or wrong digits alike; the limit stops anyone guessing
// pairs. Only lookups that find nothing count (a found one gives its point back), so a care home's shared
// connection is not blocked by residents who type their own code correctly.
export const STATUS_CHECK_TRIES = 10;
const statusChecksPerAddress = new RateLimiterMemory({
  keyPrefix: "status-ip",
  points: STATUS_CHECK_TRIES,
  duration: 15 * 60,
});

async function consumed(...attempts: Promise<unknown>[]): Promise<boolean> {
  try {
    await Promise.all(attempts);
    return true;
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) return false;
    throw rejection;
  }
}

/** Counts one status lookup; false when this address has had too many that found nothing. */
export async function allowStatusCheck(clientIp: string): Promise<boolean> {
  return consumed(statusChecksPerAddress.consume(clientIp));
}

/** A lookup that found the request does not count against the address. */
export async function statusCheckFound(clientIp: string): Promise<void> {
  await statusChecksPerAddress.reward(clientIp, 1);
}

// Every report sends an SMS or a call to the number typed in: the limits keep the form from being used to
// flood someone's phone (per number) or to run up the programme's message bill (per address).
export const REPORTS_PER_NUMBER = 5;
export const REPORTS_PER_ADDRESS = 30;
const reportsPerNumber = new RateLimiterMemory({
  keyPrefix: "report-phone",
  points: REPORTS_PER_NUMBER,
  duration: 60 * 60,
});
const reportsPerAddress = new RateLimiterMemory({
  keyPrefix: "report-ip",
  points: REPORTS_PER_ADDRESS,
  duration: 60 * 60,
});

/** Counts one problem report; false when this address or this phone number (E.164) has sent too many. */
export async function allowProblemReport(clientIp: string, phoneE164: string): Promise<boolean> {
  return consumed(reportsPerAddress.consume(clientIp), reportsPerNumber.consume(hashed(phoneE164)));
}

// Joining a day's waiting list sends an SMS or a call too: the same kind of limits, counted on their own.
const dayWaitsPerNumber = new RateLimiterMemory({ keyPrefix: "daywait-phone", points: REPORTS_PER_NUMBER, duration: 60 * 60 });
const dayWaitsPerAddress = new RateLimiterMemory({ keyPrefix: "daywait-ip", points: REPORTS_PER_ADDRESS, duration: 60 * 60 });

/** Counts one waiting-list request; false when this address or this phone number (E.164) has sent too many. */
export async function allowDayWaitJoin(clientIp: string, phoneE164: string): Promise<boolean> {
  return consumed(dayWaitsPerAddress.consume(clientIp), dayWaitsPerNumber.consume(hashed(phoneE164)));
}
