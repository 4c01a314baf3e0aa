// The one way an action reads a form: Conform + Zod on the server; a 400 with the submission when it is invalid.
import { data } from "@remix-run/node";
import { parseWithZod } from "@conform-to/zod/v4";
import type { z } from "zod";

type Submission<S extends z.ZodType> = ReturnType<typeof parseWithZod<S>>;

export async function parseForm<S extends z.ZodType>(request: Request, schema: S) {
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema }) as Submission<S>;
  return { formData, submission };
}

/** The response for an invalid form: status 400, the answers kept, errors for the summary and the fields. */
export function invalid<S extends z.ZodType>(submission: Submission<S>, formErrors?: string[]) {
  return data({ result: submission.reply(formErrors ? { formErrors } : undefined) }, { status: 400 });
}
