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
// Staff sign-in (docs/decisions/025-limits-that-hold.md). Three counts, none of which lets an attacker lock a
// staff member out of their own device:
// - per account and device: 5 tries per 15 minutes. The device is the known-device cookie's id when the browser
//   has one for this account, else the address — an attacker's address never uses up the staff member's tablet.
// - per address: 30 tries per 15 minutes, so one address cannot try many accounts; a care home's shared address
//   is not blocked by its own staff: a successful sign-in gives its try back (only failures count).
// - per account, across all addresses: after 20 failures in an hour the account is under attack; from then on an
//   unknown device gets 3 tries per 5 minutes for it (all unknown devices together). A known device is not slowed.

export const SIGN_IN_TRIES_PER_DEVICE = 5;
export const SIGN_IN_TRIES_PER_ADDRESS = 30;
export const SIGN_IN_FAILURES_BEFORE_BACKOFF = 20;
export const SIGN_IN_TRIES_IN_BACKOFF = 3;

const signInPerDevice = new RateLimiterMemory({ keyPrefix: "signin-device", points: SIGN_IN_TRIES_PER_DEVICE, duration: 15 * 60 });
const signInPerAddress = new RateLimiterMemory({ keyPrefix: "signin-ip", points: SIGN_IN_TRIES_PER_ADDRESS, duration: 15 * 60 });
const signInFailures = new RateLimiterMemory({ keyPrefix: "signin-account", points: SIGN_IN_FAILURES_BEFORE_BACKOFF, duration: 60 * 60 });
const signInBackoff = new RateLimiterMemory({ keyPrefix: "signin-backoff", points: SIGN_IN_TRIES_IN_BACKOFF, duration: 5 * 60 });

export interface SignInAttempt {
  clientIp: string;
  email: string;
  /** The known-device cookie's id when it was issued for this account, else null. */
  knownDevice: string | null;
}

const deviceKey = ({ clientIp, email, knownDevice }: SignInAttempt) =>
  `${hashed(email)}:${knownDevice ? `device:${knownDevice}` : `ip:${clientIp}`}`;

/** Counts one sign-in attempt; false when it must wait (see above). Call `signInSucceeded` or `signInFailed` after. */
export async function allowSignInAttempt(attempt: SignInAttempt): Promise<boolean> {
  const account = hashed(attempt.email);
  if (!attempt.knownDevice) {
    const failures = await signInFailures.get(account);
    if ((failures?.consumedPoints ?? 0) >= SIGN_IN_FAILURES_BEFORE_BACKOFF && !(await consumed(signInBackoff.consume(account)))) return false;
  }
  const counts = [signInPerDevice.consume(deviceKey(attempt))];
  if (!attempt.knownDevice) counts.push(signInPerAddress.consume(attempt.clientIp));
  return consumed(...counts);
}

/** A right password: this device's count starts again and the address gets its try back. */
export async function signInSucceeded(attempt: SignInAttempt): Promise<void> {
  await signInPerDevice.delete(deviceKey(attempt));
  if (!attempt.knownDevice) await signInPerAddress.reward(attempt.clientIp, 1);
}

/** A wrong password (or unknown account) counts towards the account's back-off. */
export async function signInFailed(attempt: SignInAttempt): Promise<void> {
  await signInFailures.penalty(hashed(attempt.email), 1);
}

// ---------------------------------------------------------------------------------------------------------
// Public forms that send an SMS or a call to the number typed in. The limits keep a form from being used to
// flood someone's phone (per number) or to run up the programme's message bill (per address). Each form counts
// on its own, so someone who reports a problem can still ask for a callback.

export const REPORTS_PER_NUMBER = 5;
export const REPORTS_PER_ADDRESS = 30;
export const BORROW_REQUESTS_PER_NUMBER = REPORTS_PER_NUMBER;
/** Online bookings: fewer per address than reports — one address once booked every free slot of the programme. */
export const BOOKINGS_PER_NUMBER = REPORTS_PER_NUMBER;
export const BOOKINGS_PER_ADDRESS = 10;
/**
 * Submissions that message one number, across all public forms together (and a citizen's own cancel or move):
 * the confirmation SMS is never an amplifier, whichever forms someone takes turns with.
 */
export const PUBLIC_MESSAGES_PER_NUMBER = 8;

const messagesPerNumber = new RateLimiterMemory({ keyPrefix: "public-messages", points: PUBLIC_MESSAGES_PER_NUMBER, duration: 60 * 60 });

function messagingFormLimit(name: string, { perNumberPoints = REPORTS_PER_NUMBER, perAddressPoints = REPORTS_PER_ADDRESS } = {}) {
  const perNumber = new RateLimiterMemory({ keyPrefix: `${name}-phone`, points: perNumberPoints, duration: 60 * 60 });
  const perAddress = new RateLimiterMemory({ keyPrefix: `${name}-ip`, points: perAddressPoints, duration: 60 * 60 });
  /** Counts one submission; false when this address or this phone number (E.164) has sent too many. */
  return (clientIp: string, phoneE164: string) =>
    consumed(perAddress.consume(clientIp), perNumber.consume(hashed(phoneE164)), messagesPerNumber.consume(hashed(phoneE164)));
}

export const allowProblemReport = messagingFormLimit("report");
export const allowBorrowRequest = messagingFormLimit("borrow");
export const allowCallbackRequest = messagingFormLimit("callback");
export const allowDayWaitJoin = messagingFormLimit("daywait");
export const allowOnlineBooking = messagingFormLimit("book", { perNumberPoints: BOOKINGS_PER_NUMBER, perAddressPoints: BOOKINGS_PER_ADDRESS });

/**
 * A request to have one's data erased: it sends no message (the page answers), but each files a task for staff,
 * so it is limited per number and per address like the forms above, without using up the number's message share.
 */
const erasurePerNumber = new RateLimiterMemory({ keyPrefix: "erasure-phone", points: REPORTS_PER_NUMBER, duration: 60 * 60 });
const erasurePerAddress = new RateLimiterMemory({ keyPrefix: "erasure-ip", points: REPORTS_PER_ADDRESS, duration: 60 * 60 });
export const allowErasureRequest = (clientIp: string, phoneE164: string) =>
  consumed(erasurePerAddress.consume(clientIp), erasurePerNumber.consume(hashed(phoneE164)));

/** A citizen cancels or moves their own appointment (each sends a message to its number): counts with the forms. */
export const allowAppointmentChange = (phoneE164: string) => consumed(messagesPerNumber.consume(hashed(phoneE164)));

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
