// The scheduling capability's closed value sets and limits (no database, no React: safe to import anywhere).

/** Which part of a slot's capacity a booking uses: bookable online, kept for phone bookings by staff, or internal. */
export const POOLS = ["web", "phone", "internal"] as const;
export type Pool = (typeof POOLS)[number];

export const APPOINTMENT_STATUSES = ["booked", "cancelled", "done", "no_show"] as const;
export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number];

/** How an appointment was booked: online, by phone (staff for the caller), or by staff for themselves or a visitor. */
export const APPOINTMENT_CHANNELS = ["web", "phone", "staff"] as const;
export type AppointmentChannel = (typeof APPOINTMENT_CHANNELS)[number];

export const SLOT_MINUTES = [20, 30, 45, 60] as const;

export const WALK_IN_STATUSES = ["waiting", "called", "done", "left"] as const;
export type WalkInStatus = (typeof WALK_IN_STATUSES)[number];

export const DAY_WAIT_STATUSES = ["waiting", "offered", "booked", "expired", "cancelled"] as const;
export type DayWaitStatus = (typeof DAY_WAIT_STATUSES)[number];

/** unscheduled: no free slot in the person's windows yet. */
export const CALLBACK_STATUSES = ["scheduled", "unscheduled", "done", "failed", "cancelled"] as const;
export type CallbackStatus = (typeof CALLBACK_STATUSES)[number];
export const CALLBACK_CHANNELS = ["web", "phone", "sms", "voice", "staff"] as const;
export type CallbackChannel = (typeof CALLBACK_CHANNELS)[number];
export const CALL_OUTCOMES = ["reached", "no_answer", "wrong_number", "call_again"] as const;
export type CallOutcome = (typeof CALL_OUTCOMES)[number];
/** After this many failed attempts the coordinator is told (fallback: a letter or a visit). */
export const MAX_CALL_ATTEMPTS = 3;

/** Citizens see and book the free slots of this many days ahead. */
export const BOOKING_HORIZON_DAYS = 28;
/** Online bookings close this long before a slot starts (staff can still book by phone). */
export const ONLINE_LEAD_MINUTES = 60;
/**
 * How many open (future, booked) online appointments one phone number may hold across the programme. More are
 * booked by phone, where staff see the whole picture. The translations of scheduling:errors.tooManyOnline say "2".
 */
export const ONLINE_BOOKINGS_PER_NUMBER = 2;
/** How many day waiting lists one phone number may wait on at once (desk:wait.tooManyWaits says "3"). */
export const DAY_WAITS_PER_NUMBER = 3;
