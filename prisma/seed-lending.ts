// Demo data for the lending programme: a pool at the meeting centre and the care home, two loans (one overdue),
// a device waiting for its reset, one in repair, a mentoring session today, and two people on the care home's
// waiting list (all of its devices are out, so nobody is offered one until a device comes back).
import type { Tx } from "~/context";
import { atLocalTime } from "~/lib/quiet-hours";
import { newReferenceCode } from "~/lib/reference-code";

const DAY = 86_400_000;

const DEVICES: { tag: string; at: string; model: string; status: string; sim?: boolean }[] = [
  { tag: "TAB-0001", at: "bz-vahr", model: "Samsung Galaxy Tab A9+", status: "on_loan", sim: true },
  { tag: "TAB-0002", at: "bz-vahr", model: "Samsung Galaxy Tab A9+", status: "on_loan", sim: true },
  { tag: "TAB-0003", at: "bz-vahr", model: "Apple iPad (9. Generation)", status: "needs_reset" },
  { tag: "TAB-0004", at: "bz-vahr", model: "Apple iPad (9. Generation)", status: "in_repair" },
  { tag: "TAB-0005", at: "bz-vahr", model: "Samsung Galaxy Tab A9+", status: "available", sim: true },
  { tag: "TAB-0006", at: "bz-vahr", model: "Samsung Galaxy Tab A9+", status: "available", sim: true },
  { tag: "TAB-0007", at: "bz-vahr", model: "Lenovo Tab M10 (3rd Gen)", status: "available" },
  { tag: "TAB-0008", at: "bz-vahr", model: "Lenovo Tab M10 (3rd Gen)", status: "available" },
  { tag: "TAB-0101", at: "haus-am-park", model: "Apple iPad (9. Generation)", status: "on_loan" },
  { tag: "TAB-0102", at: "haus-am-park", model: "Apple iPad (9. Generation)", status: "on_loan" },
  { tag: "TAB-0103", at: "haus-am-park", model: "Samsung Galaxy Tab A9+", status: "on_loan", sim: true },
  { tag: "TAB-0104", at: "haus-am-park", model: "Samsung Galaxy Tab A9+", status: "in_repair", sim: true },
];

/** Loans: device tag → borrower's phone, weeks since check-out, days until due (negative: overdue). */
const LOANS = [
  { tag: "TAB-0001", phone: "+4915112345678", weeksAgo: 6, dueInDays: 14, goals: ["topic_video_calls", "topic_photos"] },
  { tag: "TAB-0002", phone: "+494219876543", weeksAgo: 9, dueInDays: -3, goals: ["topic_switching_on", "topic_wifi"] },
  { tag: "TAB-0101", phone: "+494213456789", weeksAgo: 2, dueInDays: 42, goals: ["topic_messengers"] },
  { tag: "TAB-0102", phone: "+4915112345679", weeksAgo: 3, dueInDays: 35, goals: ["topic_online_banking", "topic_scams"] },
  { tag: "TAB-0103", phone: "+4915112345680", weeksAgo: 1, dueInDays: 49, goals: ["topic_health_apps"] },
];

/** Extra residents of the care home who borrow or wait. */
export const LENDING_PEOPLE = [
  { firstName: "Erika", lastNameInitial: "S", phone: "+4915112345679", phoneType: "mobile", language: "de", contactPreference: "sms" },
  { firstName: "Walter", lastNameInitial: "B", phone: "+4915112345680", phoneType: "mobile", language: "de", contactPreference: "sms" },
];

export async function seedLending(tx: Tx, locationIds: Map<string, string>, now: Date): Promise<void> {
  const volunteer = await tx.staff.findUniqueOrThrow({ where: { email: "ehrenamt@ambulanz.example" } });
  const deviceIds = new Map<string, string>();
  for (const d of DEVICES) {
    const device = await tx.device.create({
      data: {
        assetTag: d.tag,
        locationId: locationIds.get(d.at)!,
        model: d.model,
        serial: `R9${d.tag.replace(/\D/g, "")}X${d.at.length}`,
        simNumber: d.sim ? `8949 2200 0000 ${d.tag.replace(/\D/g, "")}` : null,
        dataPlanEndsOn: d.sim ? new Date(now.getTime() + 200 * DAY) : null,
        accessories: JSON.stringify(d.sim ? ["charger", "case", "sim_card"] : ["charger", "case"]),
        status: d.status,
        createdAt: new Date(now.getTime() - 120 * DAY),
      },
    });
    deviceIds.set(d.tag, device.id);
    await tx.deviceEvent.create({ data: { deviceId: device.id, at: device.createdAt, kind: "created", actorId: volunteer.id } });
  }

  for (const loan of LOANS) {
    const person = await tx.person.findUniqueOrThrow({ where: { phone: loan.phone } });
    const deviceId = deviceIds.get(loan.tag)!;
    const device = DEVICES.find((d) => d.tag === loan.tag)!;
    const checkedOutAt = new Date(now.getTime() - loan.weeksAgo * 7 * DAY);
    const created = await tx.loan.create({
      data: {
        reference: newReferenceCode(),
        deviceId,
        activeDeviceId: deviceId,
        personId: person.id,
        locationId: locationIds.get(device.at)!,
        mentorId: volunteer.id,
        handedOutById: volunteer.id,
        checkedOutAt,
        dueAt: new Date(now.getTime() + loan.dueInDays * DAY),
        checklistOut: JSON.stringify({ charged: true, accessoriesPresent: true, accountExplained: true, simActive: true }),
        agreementMode: "paper",
        agreementAcceptedAt: checkedOutAt,
        agreementLanguage: person.language,
        learningGoals: JSON.stringify(loan.goals.map((topicId) => ({ topicId, achieved: null }))),
      },
    });
    await tx.deviceEvent.create({
      data: { deviceId, at: checkedOutAt, kind: "checked_out", actorId: volunteer.id, loanId: created.id, data: JSON.stringify({ from: "available", to: "on_loan" }) },
    });
    if (loan.tag === "TAB-0001") {
      // One session done, one today at 14:00 (Berlin) — on the volunteer's "today" page.
      const today14 = atLocalTime(now, 14);
      await tx.mentoringSession.createMany({
        data: [
          { loanId: created.id, mentorId: volunteer.id, startsAt: new Date(checkedOutAt.getTime() + 7 * DAY), durationMinutes: 60, topics: JSON.stringify(["topic_switching_on", "topic_wifi"]), notes: "WLAN zu Hause eingerichtet.", attendance: "attended" },
          { loanId: created.id, mentorId: volunteer.id, startsAt: today14, durationMinutes: 45, topics: JSON.stringify(["topic_video_calls"]), attendance: "planned" },
        ],
      });
    }
  }

  // The care home's waiting list: first come, first served.
  const waiting = [
    { phone: "+4917612345678", channel: "web", wishes: "Videoanrufe mit meinen Enkeln", daysAgo: 12 },
    { phone: "+4916012345678", channel: "phone", wishes: "Fotos anschauen und Nachrichten schreiben", daysAgo: 5 },
  ];
  for (const [i, w] of waiting.entries()) {
    const person = await tx.person.findUniqueOrThrow({ where: { phone: w.phone } });
    const at = new Date(now.getTime() - w.daysAgo * DAY);
    await tx.reservation.create({
      data: {
        reference: newReferenceCode(),
        personId: person.id,
        locationId: locationIds.get("haus-am-park")!,
        channel: w.channel,
        wishes: w.wishes,
        position: i + 1,
        createdAt: at,
        events: { create: { at, kind: "joined", data: JSON.stringify({ channel: w.channel }) } },
      },
    });
  }
}
