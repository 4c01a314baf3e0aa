// Glue for the consultation-hours staff pages: the places the actor may manage, the chosen one, topic options.
import { listCategories } from "~/capabilities/helpdesk/categories.server";
import { locationsAllowed } from "~/capabilities/people/locations.server";
import { localDay } from "~/capabilities/scheduling/availability.server";
import { hoursOf } from "~/capabilities/scheduling/hours.server";
import type { StaffCtx } from "~/context";

/** The places whose hours this person may change. */
export async function manageableLocations(ctx: StaffCtx) {
  return (await locationsAllowed(ctx, "schedule:manage")).map(({ id, name, timeZone }) => ({ id, name, timeZone }));
}

/** The place chosen in the URL (?location=), or the first one this person manages. */
export async function chosenLocation(ctx: StaffCtx, url: URL) {
  const locations = await manageableLocations(ctx);
  const wanted = url.searchParams.get("location");
  const location = locations.find((l) => l.id === wanted) ?? locations[0] ?? null;
  return { locations, location };
}

/** Topic checkboxes: the helpdesk category keys, with their labels for translation. */
export async function topicOptions(ctx: StaffCtx) {
  const categories = await listCategories(ctx);
  return categories.map(({ key, labels }) => ({ key, labels }));
}

export async function hoursPage(ctx: StaffCtx, url: URL) {
  const { locations, location } = await chosenLocation(ctx, url);
  if (!location) return { locations, location: null, weekly: [], oneOff: [], closures: [], topics: [] };
  const today = localDay(ctx.clock.now(), location.timeZone);
  const [{ weekly, oneOff, closures }, topics] = await Promise.all([
    hoursOf(ctx, location.id, today),
    topicOptions(ctx),
  ]);
  const plain = (h: (typeof weekly)[number]) => ({
    id: h.id,
    weekday: h.weekday,
    onDate: h.onDate,
    startTime: h.startTime,
    endTime: h.endTime,
    slotMinutes: h.slotMinutes,
    capacity: h.capacity,
    split: h.split,
    topics: h.topics,
    validFrom: h.validFrom,
    validUntil: h.validUntil,
    active: h.active,
    closedBy: h.closedBy ? { startsOn: h.closedBy.startsOn, endsOn: h.closedBy.endsOn, reason: h.closedBy.reason } : null,
  });
  return {
    locations,
    location,
    weekly: weekly.map(plain),
    oneOff: oneOff.map(plain),
    closures: closures.map(({ id, startsOn, endsOn, reason }) => ({ id, startsOn, endsOn, reason })),
    topics,
  };
}
