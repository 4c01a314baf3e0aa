// The one way an action reads a form: Conform + Zod on the server; a 400 with the submission when it is invalid.
import crypto from "node:crypto";
import { data } from "@remix-run/node";
import type { Submission } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { z } from "zod";
import { AppError } from "~/lib/errors";
import { errorResponse, respondTo } from "./errors.server";
import { attempt, refusalReply } from "./refusals.server";

export type FormSubmission<S extends z.ZodType> = Submission<z.input<S>, string[], z.output<S>>;

export async function parseForm<S extends z.ZodType>(request: Request, schema: S) {
  const formData = await readForm(request);
  const submission = parseWithZod(formData, { schema }) as unknown as FormSubmission<S>;
  return { formData, submission };
}

/** The posted form; a body that cannot be read as one (a broken upload, say) is a 400, not a 500. */
export async function readForm(request: Request): Promise<FormData> {
  try {
    return await request.formData();
  } catch (error) {
    if (request.signal.aborted) throw error;
    throw errorResponse(new AppError(400, "errors.page.400.body"));
  }
}

/**
 * A form with a file (multipart), read while it streams in and refused ("tooLarge") past `maxBytes`, so a large
 * upload is never held whole in memory. Node's own parser reads any file name a browser sends (one with `=`, `;`,
 * quotes or markup, which Remix's multipart parser cannot); a body that is not a form is a 400 page.
 */
export async function readFileForm(request: Request, maxBytes: number): Promise<FormData | "tooLarge"> {
  if (!request.body) return readForm(request);
  let total = 0;
  const limited = request.body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        total += chunk.byteLength;
        if (total > maxBytes) controller.error(new Error("upload over its limit"));
        else controller.enqueue(chunk);
      },
    }),
  );
  try {
    return await new Response(limited, { headers: { "Content-Type": request.headers.get("Content-Type") ?? "" } }).formData();
  } catch (error) {
    if (total > maxBytes) return "tooLarge";
    if (request.signal.aborted) throw error;
    throw errorResponse(new AppError(400, "errors.page.400.body"));
  }
}

/** Room for a form's other fields beside its file. */
export const FORM_FIELDS_ALLOWANCE = 64 * 1024;

/** Which button sent a form with several actions; the body stays readable for the action it picks. */
export async function formIntent(request: Request): Promise<FormDataEntryValue | null> {
  return (await readForm(request.clone())).get("intent");
}

/** The response for an invalid form: status 400, the answers kept, errors for the summary and the fields. */
export function invalid<S extends z.ZodType>(submission: FormSubmission<S>, options: { hideFields?: string[] } = {}) {
  return data({ result: submission.reply(options) }, { status: 400 });
}

/** Parses a form that came as multipart (with a photo) without the file in the kept answers. */
export function parseFields<S extends z.ZodType>(formData: FormData, schema: S) {
  const fields = new FormData();
  for (const [key, value] of formData) if (typeof value === "string") fields.append(key, value);
  return parseWithZod(fields, { schema });
}

/** A fresh idempotency key for a form shown: an offline replay or a double click of it does its work once. */
export const newFormKey = () => crypto.randomUUID();

/** One form of a page with several: the capability's input schema and the call that takes its valid input. */
export interface IntentForm<S extends z.ZodType = z.ZodType> {
  schema: S;
  run: (input: z.output<S>) => Promise<unknown>;
  /** The capability's own check of who may send this form at all, asked before the form is read: a refusal is 403, not a 400 about its fields. */
  guard?: () => void | Promise<void>;
}

/**
 * A page with several forms, each posting its hidden `intent`: parses the chosen one with its schema and runs it.
 * Invalid input and refusals answer with that form's own errors (400, or 409 for a record that changed meanwhile);
 * success answers with a reset form. An unknown intent is a 400 page.
 */
export async function performIntent<K extends string>(request: Request, forms: Record<K, IntentForm>) {
  const posted = await formIntent(request);
  if (typeof posted !== "string" || !Object.hasOwn(forms, posted)) {
    throw errorResponse(new AppError(400, "errors.page.400.body", { intent: String(posted) }));
  }
  const intent = posted as K;
  const { schema, run, guard } = forms[intent];
  if (guard) await respondTo(async () => guard());
  const { submission } = await parseForm(request, schema);
  if (submission.status !== "success") return data({ intent, saved: false, result: submission.reply() }, { status: 400 });
  const outcome = await attempt(() => run(submission.value));
  if (!outcome.ok) {
    return data({ intent, saved: false, result: refusalReply(submission, outcome.refusal) }, { status: outcome.refusal.status });
  }
  return data({ intent, saved: true, result: submission.reply({ resetForm: true }) }, { status: 200 });
}

/** One entry of a page's forms: the schema, and the call with the page's own arguments bound. */
export const intentForm = <S extends z.ZodType>(schema: S, run: (input: z.output<S>) => Promise<unknown>, guard?: () => void | Promise<void>): IntentForm =>
  ({ schema, run, guard }) as IntentForm;
