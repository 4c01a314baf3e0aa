// Rate limits for sign-in and every public form and lookup. In memory: one process serves the app.
import crypto from "node:crypto";
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";

// E-mail addresses and phone numbers are only used hashed, so the limiters hold nothing readable.
const hashed = (value: string) => crypto.createHash("sha256").update(value.trim().toLowerCase()).digest("hex");

async function consumed(...attempts: Promise<unknown>[]): Promise<boolean> {
  try {
    await Promise.all(attempts);
    return true;
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) return false;
    throw rejection;
  }
}

// ---------------------------------------------------------------------------------------------------------
// Staff sign-in

const signInPerAccount = new RateLimiterMemory({ keyPrefix: "signin-account", points: 5, duration: 15 * 60 });
const signInPerAddress = new RateLimiterMemory({ keyPrefix: "signin-ip", points: 30, duration: 15 * 60 });

/** Counts one sign-in attempt; false when this address or account has tried too often. */
export async function allowSignInAttempt(clientIp: string, email: string): Promise<boolean> {
  return consumed(signInPerAddress.consume(clientIp), signInPerAccount.consume(hashed(email)));
}

/**
 * A successful sign-in clears the account's counter and gives the address its attempt back: only failures count,
 * so the staff of a library or care home behind one address do not lock each other out at a change of shift.
 */
export async function resetSignInAttempts(email: string, clientIp?: string): Promise<void> {
  await signInPerAccount.delete(hashed(email));
  if (clientIp) await signInPerAddress.reward(clientIp, 1);
}

// ---------------------------------------------------------------------------------------------------------
// Public forms that send an SMS or a call to the number typed in. The limits keep a form from being used to
// flood someone's phone (per number) or to run up the programme's message bill (per address). Each form counts
// on its own, so someone who reports a problem can still ask for a callback.

export const REPORTS_PER_NUMBER = 5;
export const REPORTS_PER_ADDRESS = 30;
export const BORROW_REQUESTS_PER_NUMBER = REPORTS_PER_NUMBER;

function messagingFormLimit(name: string) {
  const perNumber = new RateLimiterMemory({ keyPrefix: `${name}-phone`, points: REPORTS_PER_NUMBER, duration: 60 * 60 });
  const perAddress = new RateLimiterMemory({ keyPrefix: `${name}-ip`, points: REPORTS_PER_ADDRESS, duration: 60 * 60 });
  /** Counts one submission; false when this address or this phone number (E.164) has sent too many. */
  return (clientIp: string, phoneE164: string) => consumed(perAddress.consume(clientIp), perNumber.consume(hashed(phoneE164)));
}

export const allowProblemReport = messagingFormLimit("report");
export const allowBorrowRequest = messagingFormLimit("borrow");
export const allowCallbackRequest = messagingFormLimit("callback");
export const allowDayWaitJoin = messagingFormLimit("daywait");

// ---------------------------------------------------------------------------------------------------------
// Lookups by reference code + phone digits. They answer "not found" for a wrong code or wrong digits alike; the
// limit stops anyone guessing pairs. Only lookups that find nothing count (a found one gives its point back), so
// a care home's shared connection is not blocked by residents who type their own code correctly.

function lookupLimit(name: string, tries: number) {
  const perAddress = new RateLimiterMemory({ keyPrefix: `${name}-ip`, points: tries, duration: 15 * 60 });
  return {
    /** Counts one lookup; false when this address has had too many that found nothing. */
    allow: (clientIp: string) => consumed(perAddress.consume(clientIp)),
    /** A lookup that found something does not count against the address. */
    found: async (clientIp: string) => {
      await perAddress.reward(clientIp, 1);
    },
  };
}

export const STATUS_CHECK_TRIES = 10;
const statusChecks = lookupLimit("status", STATUS_CHECK_TRIES);
export const allowStatusCheck = statusChecks.allow;
export const statusCheckFound = statusChecks.found;

export const APPOINTMENT_LOOKUP_TRIES = 10;
const appointmentLookups = lookupLimit("appointment", APPOINTMENT_LOOKUP_TRIES);
export const allowAppointmentLookup = appointmentLookups.allow;
export const appointmentLookupFound = appointmentLookups.found;
