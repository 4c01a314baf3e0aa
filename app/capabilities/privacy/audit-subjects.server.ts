// Which citizen an audit entry is about: the records that belong to a person, by the subject type the audit names
// them with. The DPO's "everything done with this person's data" and the person's name beside each entry read here.
import type { Ctx, Tx } from "~/context";
import type { Db } from "~/db.server";
import { personName } from "~/lib/person-name";

type PersonOwned = { id: string; personId: string | null };

/** Subject types whose rows belong to one person, and how to find them (both ways). */
const OWNED: Record<string, { ofPerson: (db: Db | Tx, personId: string) => Promise<{ id: string }[]>; owners: (db: Db, ids: string[]) => Promise<PersonOwned[]> }> = {
  Ticket: {
    ofPerson: (db, personId) => db.ticket.findMany({ where: { personId }, select: { id: true } }),
    owners: (db, ids) => db.ticket.findMany({ where: { id: { in: ids } }, select: { id: true, personId: true } }),
  },
  Loan: {
    ofPerson: (db, personId) => db.loan.findMany({ where: { personId }, select: { id: true } }),
    owners: (db, ids) => db.loan.findMany({ where: { id: { in: ids } }, select: { id: true, personId: true } }),
  },
  MentoringSession: {
    ofPerson: (db, personId) => db.mentoringSession.findMany({ where: { loan: { personId } }, select: { id: true } }),
    owners: async (db, ids) =>
      (await db.mentoringSession.findMany({ where: { id: { in: ids } }, select: { id: true, loan: { select: { personId: true } } } })).map(
        (s) => ({ id: s.id, personId: s.loan.personId }),
      ),
  },
  Reservation: {
    ofPerson: (db, personId) => db.reservation.findMany({ where: { personId }, select: { id: true } }),
    owners: (db, ids) => db.reservation.findMany({ where: { id: { in: ids } }, select: { id: true, personId: true } }),
  },
  Appointment: {
    ofPerson: (db, personId) => db.appointment.findMany({ where: { personId }, select: { id: true } }),
    owners: (db, ids) => db.appointment.findMany({ where: { id: { in: ids } }, select: { id: true, personId: true } }),
  },
  WalkIn: {
    ofPerson: (db, personId) => db.walkIn.findMany({ where: { personId }, select: { id: true } }),
    owners: (db, ids) => db.walkIn.findMany({ where: { id: { in: ids } }, select: { id: true, personId: true } }),
  },
  DayWait: {
    ofPerson: (db, personId) => db.dayWait.findMany({ where: { personId }, select: { id: true } }),
    owners: (db, ids) => db.dayWait.findMany({ where: { id: { in: ids } }, select: { id: true, personId: true } }),
  },
  Callback: {
    ofPerson: (db, personId) => db.callback.findMany({ where: { personId }, select: { id: true } }),
    owners: (db, ids) => db.callback.findMany({ where: { id: { in: ids } }, select: { id: true, personId: true } }),
  },
  Call: {
    ofPerson: (db, personId) => db.call.findMany({ where: { personId }, select: { id: true } }),
    owners: (db, ids) => db.call.findMany({ where: { id: { in: ids } }, select: { id: true, personId: true } }),
  },
  Message: {
    ofPerson: (db, personId) => db.message.findMany({ where: { personId }, select: { id: true } }),
    owners: (db, ids) => db.message.findMany({ where: { id: { in: ids } }, select: { id: true, personId: true } }),
  },
};

/**
 * The audit subjects that are this person or belong to them, as { subjectType, subjectId } pairs to filter by.
 * `db`: the caller's transaction, when it reads inside one (erasure).
 */
export async function personSubjects(ctx: Pick<Ctx, "db">, personId: string, db: Db | Tx = ctx.db): Promise<{ subjectType: string; ids: string[] }[]> {
  const owned = await Promise.all(
    Object.entries(OWNED).map(async ([subjectType, { ofPerson }]) => ({ subjectType, ids: (await ofPerson(db, personId)).map((r) => r.id) })),
  );
  return [{ subjectType: "Person", ids: [personId] }, ...owned.filter((o) => o.ids.length > 0)];
}

/** The name ("Gisela M.") of the person each subject is or belongs to, keyed "<type>:<id>"; none for other subjects. */
export async function subjectPersonNames({ db }: Pick<Ctx, "db">, subjects: { subjectType: string; subjectId: string | null }[]): Promise<Map<string, string>> {
  const byType = new Map<string, Set<string>>();
  for (const { subjectType, subjectId } of subjects) {
    if (!subjectId || (subjectType !== "Person" && !OWNED[subjectType])) continue;
    byType.set(subjectType, (byType.get(subjectType) ?? new Set()).add(subjectId));
  }
  const owners: { key: string; personId: string | null }[] = [];
  for (const [subjectType, ids] of byType) {
    if (subjectType === "Person") owners.push(...[...ids].map((id) => ({ key: `Person:${id}`, personId: id })));
    else owners.push(...(await OWNED[subjectType].owners(db, [...ids])).map((r) => ({ key: `${subjectType}:${r.id}`, personId: r.personId })));
  }
  const personIds = [...new Set(owners.map((o) => o.personId).filter((id): id is string => id !== null))];
  const people = await db.person.findMany({ where: { id: { in: personIds } }, select: { id: true, firstName: true, lastNameInitial: true } });
  const names = new Map(people.map((p) => [p.id, personName(p)]));
  return new Map(owners.flatMap((o) => (o.personId && names.has(o.personId) ? [[o.key, names.get(o.personId)!] as const] : [])));
}
