// Glue for the check-out page: one route, four forms (who, which device, the details, done), each posting its
// `intent`; what was chosen travels in hidden fields. Who and which device are decided by capabilities (people's
// visibility rule, lending's one lendability check); this file reads the forms and shapes the steps.
import { data } from "@remix-run/node";
import { z } from "zod";
import type { StaffCtx } from "~/context";
import { AppError } from "~/lib/errors";
import { personName } from "~/lib/person-name";
import { maskPhone, parsePhone, phoneLink } from "~/lib/phone.server";
import { languages } from "~/i18n/locales.server";
import { NewPersonInput } from "~/capabilities/people/persons.server";
import { findVisiblePeopleByName, findVisiblePerson, lookUpCaller } from "~/capabilities/people/visibility.server";
import { checkOutDevice } from "~/capabilities/lending/loan-check-out.server";
import { CheckOutInput } from "~/capabilities/lending/loan-inputs.server";
import { checkOutOptions, chooseDevice, lendableDevices, reservationToLend } from "~/capabilities/lending/check-out-options.server";
import { parseForm, formIntent } from "./forms.server";
import { respondTo } from "./errors.server";
import { attempt, refusalReply } from "./refusals.server";

// ---------------------------------------------------------------------------------------------------------
// Step 1: who

/** A phone number (any German format) or a first name; posted, never in a URL. */
export const FindPersonInput = z.object({
  query: z
    .string({ error: "loans:errors.findRequired" })
    .trim()
    .min(2, { error: "loans:errors.findRequired" })
    .max(60, { error: "loans:errors.findTooLong" }),
});

export interface Borrower {
  personId?: string;
  person?: { firstName: string; phone: string; language: string; contactPreference: string };
  name: string;
  phone?: { display: string; type: string };
}

/**
 * By number: the person or a new one to create with it. By name: up to ten people to choose from. Only people this
 * staff member may see: a number that belongs to someone else's person is offered as new (check-out then lends to
 * that existing record, see capabilities/people/visibility.server.ts).
 */
export async function findBorrower(ctx: StaffCtx, query: string) {
  const phone = /\d{5,}/.test(query.replace(/\D/g, "")) ? parsePhone(query) : null;
  if (/\d/.test(query) && !phone) throw new AppError(400, "common:errors.phoneInvalid");
  if (phone) {
    const person = await lookUpCaller(ctx, phone.e164, "loan");
    return {
      kind: "phone" as const,
      phone: { e164: phone.e164, type: phone.type, display: phoneLink(phone.e164).display },
      person: person ? { id: person.id, name: personName(person), language: person.language } : null,
    };
  }
  const people = await findVisiblePeopleByName(ctx, query, 10);
  return {
    kind: "name" as const,
    // Enough of the number to tell two Giselas apart, no more.
    matches: people.map((p) => ({ id: p.id, name: personName(p), phone: maskPhone(p.phone) })),
  };
}

/** Who the loan is for, read back from the hidden fields of the later steps. */
export const BorrowerInput = z.object({
  personId: z.preprocess((v) => (v === "" ? undefined : v), z.string().optional()),
  person: NewPersonInput.optional(),
});

export async function borrowerFrom(ctx: StaffCtx, input: z.output<typeof BorrowerInput>): Promise<Borrower | null> {
  if (input.personId) {
    const person = await findVisiblePerson(ctx, input.personId);
    return person ? { personId: person.id, name: personName(person) } : null;
  }
  if (input.person) {
    const { firstName, phone, language, contactPreference } = input.person;
    return {
      person: { firstName, phone: phone.e164, language, contactPreference: phone.type === "landline" ? "voice" : contactPreference },
      name: firstName,
      phone: { display: phoneLink(phone.e164).display, type: phone.type },
    };
  }
  return null;
}

// ---------------------------------------------------------------------------------------------------------
// Step 2: which device

export const ChooseDeviceInput = BorrowerInput.extend({
  deviceId: z.preprocess((v) => (v === "" ? undefined : v), z.string().optional()),
  assetTag: z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), z.string().trim().max(40).optional()),
}).refine((v) => v.deviceId || v.assetTag, { error: "loans:errors.deviceRequired", path: ["deviceId"] });

/** Available devices where the actor works, and those held for this person. */
export async function deviceChoices(ctx: StaffCtx, personId?: string) {
  const devices = await lendableDevices(ctx, personId);
  return devices.map((d) => ({ id: d.id, assetTag: d.assetTag, model: d.model, location: d.location.name, reserved: d.status === "reserved" }));
}

/** The device by its id or typed/scanned tag, refused early (at the field it came from) when it cannot go out. */
export async function chosenDevice(ctx: StaffCtx, input: { deviceId?: string; assetTag?: string }, personId?: string) {
  const chosen = await chooseDevice(ctx, input, personId);
  const field = input.assetTag ? "assetTag" : "deviceId";
  if (chosen.device) return { device: chosen.device };
  return { error: { field, key: chosen.refusal } };
}

// ---------------------------------------------------------------------------------------------------------
// Step 3: the details

export async function detailsOptions(ctx: StaffCtx, deviceId: string) {
  const { device, dueOn, mentors, topics } = await checkOutOptions(ctx, deviceId);
  return {
    device: { id: device.id, assetTag: device.assetTag, model: device.model, location: device.location.name },
    dueOn,
    mentors,
    me: ctx.actor.staffId,
    topics: topics.map((t) => ({ id: t.id, key: t.key, labels: t.labels })),
  };
}

/** A reservation's person and offered device, to start check-out at its last step (from the waiting list). */
export async function fromReservation(ctx: StaffCtx, reservationId: string) {
  const reservation = await reservationToLend(ctx, reservationId);
  if (!reservation) return null;
  return {
    borrower: { personId: reservation.personId, name: personName(reservation.person) } satisfies Borrower,
    options: await detailsOptions(ctx, reservation.offeredDeviceId),
  };
}

export function languageOptions() {
  return languages().map((l) => ({ code: l.code, name: l.name }));
}

// ---------------------------------------------------------------------------------------------------------
// The page's action: the step a form posted

const ChoosePersonInput = BorrowerInput.extend({ query: z.string().optional() }).refine((v) => v.personId || v.person, {
  error: "loans:errors.personRequired",
  path: ["personId"],
});

export async function performCheckoutStep(ctx: StaffCtx, request: Request) {
  const intent = await formIntent(request);
  if (intent === "person") {
    const { submission, formData } = await parseForm(request, ChoosePersonInput);
    if (submission.status !== "success") {
      const query = String(formData.get("query") ?? "");
      const phone = parsePhone(String(formData.get("person.phone") ?? ""));
      const found = query ? await findBorrower(ctx, query).catch(() => null) : null;
      if (found?.kind === "name") return data({ step: "choose" as const, found, query, result: submission.reply() }, { status: 400 });
      if (phone) {
        const again = await findBorrower(ctx, phone.e164);
        if (again.kind === "phone") return data({ step: "newPerson" as const, found: again, result: submission.reply() }, { status: 400 });
      }
      return data({ step: "find" as const, result: null }, { status: 400 });
    }
    const borrower = await borrowerFrom(ctx, submission.value);
    if (!borrower) return data({ step: "find" as const, result: null }, { status: 400 });
    return { step: "device" as const, borrower, devices: await deviceChoices(ctx, borrower.personId), result: null };
  }
  if (intent === "device") {
    const { submission, formData } = await parseForm(request, ChooseDeviceInput);
    const borrower = await borrowerFrom(ctx, BorrowerInput.safeParse(readBorrower(formData)).data ?? {});
    if (!borrower) return data({ step: "find" as const, result: null }, { status: 400 });
    const devices = () => deviceChoices(ctx, borrower.personId);
    if (submission.status !== "success") return data({ step: "device" as const, borrower, devices: await devices(), result: submission.reply() }, { status: 400 });
    const chosen = await chosenDevice(ctx, submission.value, borrower.personId);
    if (chosen.error) {
      const result = submission.reply({ fieldErrors: { [chosen.error.field]: [chosen.error.key] } });
      return data({ step: "device" as const, borrower, devices: await devices(), result }, { status: 409 });
    }
    return { step: "details" as const, borrower, options: await detailsOptions(ctx, chosen.device.id), result: null };
  }
  if (intent === "checkout") {
    const { submission, formData } = await parseForm(request, CheckOutInput);
    const borrower = await borrowerFrom(ctx, BorrowerInput.safeParse(readBorrower(formData)).data ?? {});
    const deviceId = String(formData.get("deviceId") ?? "");
    if (!borrower || !deviceId) return data({ step: "find" as const, result: null }, { status: 400 });
    const details = async (result: unknown, status: number) =>
      data({ step: "details" as const, borrower, options: await respondTo(() => detailsOptions(ctx, deviceId)), result: result as never }, { status });
    if (submission.status !== "success") return details(submission.reply(), 400);
    const outcome = await attempt(() => checkOutDevice(ctx, submission.value));
    if (!outcome.ok) return details(refusalReply(submission, outcome.refusal), outcome.refusal.status);
    return { step: "done" as const, loanId: outcome.value.id };
  }
  const { submission } = await parseForm(request, FindPersonInput);
  if (submission.status !== "success") return data({ step: "find" as const, result: submission.reply() }, { status: 400 });
  const outcome = await attempt(() => findBorrower(ctx, submission.value.query));
  if (!outcome.ok) return data({ step: "find" as const, result: refusalReply(submission, outcome.refusal) }, { status: 400 });
  const found = outcome.value;
  if (found.kind === "phone" && found.person) {
    const borrower: Borrower = { personId: found.person.id, name: found.person.name };
    return { step: "device" as const, borrower, devices: await deviceChoices(ctx, borrower.personId), result: null };
  }
  if (found.kind === "phone") return { step: "newPerson" as const, found, result: null };
  return { step: "choose" as const, found, query: submission.value.query, result: null };
}

function readBorrower(formData: FormData) {
  const personId = String(formData.get("personId") ?? "");
  if (personId) return { personId };
  const field = (name: string) => String(formData.get(`person.${name}`) ?? "");
  if (!field("phone")) return {};
  return {
    person: { firstName: field("firstName"), phone: field("phone"), language: field("language") || "de", contactPreference: field("contactPreference") || "sms" },
  };
}
