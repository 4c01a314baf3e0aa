// Anonymous monthly counts kept when rows are deleted ("figures survive deletion"): month, place, measure, number —
// never a name, a phone number, free text or an id that leads back to a person or a record.
import { fromDate } from "@internationalized/date";
import type { Ctx, Tx } from "~/context";
import { PROGRAMME_TIME_ZONE } from "~/lib/time-zone";

/** The calendar month ("YYYY-MM") a moment falls in, in the programme's time zone. */
export function monthOf(at: Date): string {
  const zoned = fromDate(at, PROGRAMME_TIME_ZONE);
  return `${zoned.year}-${String(zoned.month).padStart(2, "0")}`;
}

/**
 * Counts gathered while one batch is deleted, written in the same transaction as the deletion: a crash undoes both,
 * a second run finds the rows gone and counts nothing — every row is counted exactly once.
 */
export class FigureTally {
  private readonly counts = new Map<string, number>();

  /** `when`: a moment, or a month "YYYY-MM" already taken in the programme's time zone. */
  add(when: Date | string, locationId: string | null, measure: string, amount = 1): void {
    if (!amount) return;
    const month = typeof when === "string" ? when.slice(0, 7) : monthOf(when);
    const key = `${month}\u0000${locationId ?? ""}\u0000${measure}`;
    this.counts.set(key, (this.counts.get(key) ?? 0) + amount);
  }

  /** Takes the counts out (the tally is empty afterwards). */
  drain(): { month: string; locationId: string; measure: string; value: number }[] {
    const rows = [...this.counts].map(([key, value]) => {
      const [month, locationId, measure] = key.split("\u0000") as [string, string, string];
      return { month, locationId, measure, value };
    });
    this.counts.clear();
    return rows;
  }
}

/** Adds the tally to the stored figures inside the caller's transaction (the one that deletes the rows). */
export async function saveFigures(_ctx: Pick<Ctx, "clock">, tx: Tx, tally: FigureTally): Promise<void> {
  for (const { month, locationId, measure, value } of tally.drain()) {
    await tx.monthlyFigure.upsert({
      where: { month_locationId_measure: { month, locationId, measure } },
      create: { month, locationId, measure, value },
      update: { value: { increment: value } },
    });
  }
}

/** What the figures of a month add up to, per place and measure: the reports add them to the rows still stored. */
export async function monthlyFigures(
  ctx: Pick<Ctx, "db">,
  month: string,
  measurePrefix: string
): Promise<{ locationId: string; measure: string; value: number }[]> {
  return ctx.db.monthlyFigure.findMany({
    where: { month, measure: { startsWith: measurePrefix } },
    select: { locationId: true, measure: true, value: true },
  });
}
