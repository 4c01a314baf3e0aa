// Real values for every dynamic segment of the app's routes, read from a running app's database, each with the
// place it belongs to: the fuzz fills routes with them and the authorisation sweep picks another place's.
import { openDatabase } from "~/db.server";

export interface SeededId {
  value: string;
  /** The place the record belongs to (null: none, e.g. a person or a programme-wide record). */
  locationId: string | null;
  /** Values of the enclosing route segments, e.g. a mentoring session's `loanId`. */
  parents?: Record<string, string>;
}

export type SeededIds = Record<string, SeededId[]>;

/**
 * Every route parameter the app has, and where its values live. A new parameter name must be added here: the fuzz
 * fails with its name until it is (so a new route is never fuzzed with made-up ids only).
 */
export async function seededIds(databaseUrl: string): Promise<SeededIds> {
  const db = await openDatabase(databaseUrl);
  try {
    const own = <T extends { id: string; locationId: string | null }>(rows: T[]) => rows.map((r) => ({ value: r.id, locationId: r.locationId }));
    const loans = await db.loan.findMany({ select: { id: true, locationId: true } });
    const loanPlace = new Map(loans.map((l) => [l.id, l.locationId]));
    const devices = await db.device.findMany({ select: { id: true, assetTag: true, locationId: true } });
    const locations = await db.location.findMany({ select: { id: true, slug: true } });
    const articles = await db.helpArticle.findMany({ select: { id: true, slug: true } });
    return {
      appointmentId: own(await db.appointment.findMany({ select: { id: true, locationId: true } })),
      articleId: articles.map((a) => ({ value: a.id, locationId: null })),
      callbackId: own(await db.callback.findMany({ select: { id: true, locationId: true } })),
      categoryId: (await db.ticketCategory.findMany({ select: { id: true } })).map((c) => ({ value: c.id, locationId: null })),
      deviceId: own(devices),
      hourId: own(await db.consultationHour.findMany({ select: { id: true, locationId: true } })),
      loanId: own(loans),
      locationId: locations.map((l) => ({ value: l.id, locationId: l.id })),
      personId: (await db.person.findMany({ select: { id: true } })).map((p) => ({ value: p.id, locationId: null })),
      photoId: (await db.loanPhoto.findMany({ select: { id: true, loanId: true } })).map((p) => ({
        value: p.id,
        locationId: loanPlace.get(p.loanId) ?? null,
        parents: { loanId: p.loanId },
      })),
      recordingId: (await db.voiceRecording.findMany({ select: { id: true } })).map((r) => ({ value: r.id, locationId: null })),
      reservationId: own(await db.reservation.findMany({ select: { id: true, locationId: true } })),
      sessionId: (await db.mentoringSession.findMany({ select: { id: true, loanId: true } })).map((s) => ({
        value: s.id,
        locationId: loanPlace.get(s.loanId) ?? null,
        parents: { loanId: s.loanId },
      })),
      slug: [...locations.map((l) => ({ value: l.slug, locationId: l.id })), ...articles.map((a) => ({ value: a.slug, locationId: null }))],
      tag: devices.map((d) => ({ value: d.assetTag, locationId: d.locationId })),
      ticketId: own(await db.ticket.findMany({ select: { id: true, locationId: true } })),
      // Calendar feeds are signed tokens, not records: a made-up one is all a stranger has.
      token: [],
      topicId: (await db.mentoringTopic.findMany({ select: { id: true } })).map((t) => ({ value: t.id, locationId: null })),
      "*": [],
    };
  } finally {
    await db.$disconnect();
  }
}
