// Glue for /appointment: find one's appointment by reference + phone, cancel it, or move it to another free
// online slot. Every step checks reference and phone again (they travel in hidden fields of POSTed forms, never
// in a URL); lookups that find nothing are rate-limited per address.
import { data, type AppLoadContext } from "@remix-run/node";
import type { SubmissionResult } from "@conform-to/react";
import { withActor } from "~/context";
import { AppError } from "~/lib/errors";
import {
  AppointmentLookupInput,
  bookedAppointment,
  cancelMyAppointment,
  findCancelledAppointment,
  findMovedAppointment,
  findMyAppointment,
  moveMyAppointment,
  type AppointmentLookup,
} from "~/capabilities/scheduling/my-appointment.server";
import { newFormKey, parseForm } from "./forms.server";
import { dayLabel, slotWeek, timeLabel, WEEKS } from "./booking.server";
import { allowAppointmentChange, allowAppointmentLookup, appointmentLookupFound } from "./rate-limit.server";
import type { SlotDay } from "~/ui/SlotPicker";

export interface AppointmentView {
  reference: string;
  day: string;
  time: string;
  place: string;
}

export type AppointmentAnswer =
  | { step: "find"; result: SubmissionResult<string[]>; tooMany?: boolean }
  | { step: "found"; lookup: AppointmentLookup; appointment: AppointmentView; /** the cancel form's key */ key: string; result: null }
  | {
      step: "slots";
      lookup: AppointmentLookup;
      appointment: AppointmentView;
      days: SlotDay[];
      key: string;
      error?: string;
      result: null;
    }
  | { step: "cancelled"; appointment: AppointmentView; result: null }
  | { step: "moved"; appointment: AppointmentView; result: null };

export async function appointmentAction(request: Request, context: AppLoadContext, lng: string) {
  const { formData, submission } = await parseForm(request, AppointmentLookupInput);
  if (submission.status !== "success")
    return data<AppointmentAnswer>({ step: "find", result: submission.reply() }, { status: 400 });
  const lookup = submission.value;
  const intent = String(formData.get("intent") ?? "find");
  const ctx = withActor(context.services, { kind: "citizen" });

  if (!(await allowAppointmentLookup(context.clientIp))) {
    return data<AppointmentAnswer>(
      { step: "find", result: submission.reply({ formErrors: ["booking:manage.tooMany"] }), tooMany: true },
      { status: 429 }
    );
  }
  const key = String(formData.get("key") ?? "") || undefined;
  // A move or cancel form sent twice finds its appointment gone: it answers as the first time.
  const appointment =
    (await findMyAppointment(ctx, lookup)) ??
    (intent === "move" && key ? await findMovedAppointment(ctx, lookup, key) : null) ??
    (intent === "cancel" && key ? await findCancelledAppointment(ctx, lookup, key) : null);
  // Same words, same status, whether the code or the number was wrong.
  if (!appointment)
    return data<AppointmentAnswer>(
      { step: "find", result: submission.reply({ formErrors: ["booking:manage.notFound"] }) },
      { status: 400 }
    );
  await appointmentLookupFound(context.clientIp);

  const tz = appointment.location.timeZone;
  const view = (a: { reference: string; startsAt: Date; endsAt: Date }): AppointmentView => ({
    reference: a.reference,
    day: dayLabel(a.startsAt, lng, tz),
    time: `${timeLabel(a.startsAt, lng, tz)} – ${timeLabel(a.endsAt, lng, tz)}`,
    place: `${appointment.location.name}, ${appointment.location.street}, ${appointment.location.postalCode} ${appointment.location.city}`,
  });
  const current = view(appointment);
  const slots = async (error?: string) => {
    const weeks = await Promise.all(
      Array.from({ length: WEEKS }, (_, week) => slotWeek(ctx, appointment.locationId, week, lng))
    );
    const days = weeks.flat().filter((d) => d.slots.length > 0);
    return { step: "slots" as const, lookup, appointment: current, days, key: newFormKey(), error, result: null };
  };

  // Cancelling and moving each message the number: they count with the public forms that do (no amplifier).
  if ((intent === "cancel" || intent === "move") && !(await allowAppointmentChange(appointment.person.phone))) {
    return data<AppointmentAnswer>(
      { step: "find", result: submission.reply({ formErrors: ["booking:manage.tooManyChanges"] }), tooMany: true },
      { status: 429 }
    );
  }
  if (intent === "cancel") {
    await cancelMyAppointment(ctx, { ...lookup, idempotencyKey: key });
    return { step: "cancelled", appointment: current, result: null } satisfies AppointmentAnswer;
  }
  if (intent === "slots") return (await slots()) satisfies AppointmentAnswer;
  if (intent === "move") {
    const slot = String(formData.get("slot") ?? "");
    if (!slot) return data<AppointmentAnswer>(await slots("scheduling:errors.slotRequired"), { status: 400 });
    try {
      const moved = await moveMyAppointment(ctx, {
        ...lookup,
        slot,
        idempotencyKey: key,
      });
      const fresh = await bookedAppointment(ctx, moved.id);
      return { step: "moved", appointment: view(fresh), result: null } satisfies AppointmentAnswer;
    } catch (error) {
      if (error instanceof AppError && (error.status === 400 || error.status === 409)) {
        return data<AppointmentAnswer>(await slots(error.messageKey), { status: error.status });
      }
      throw error;
    }
  }
  return { step: "found", lookup, appointment: current, key: newFormKey(), result: null } satisfies AppointmentAnswer;
}
