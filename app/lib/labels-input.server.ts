// The form for an own category or topic: one label per shipped language, all required (every string is translated).
import { z } from "zod";

export const LABEL_MAX = 60;

export function labelsPerLanguage(languages: string[], errors: { required: string; tooLong: string }) {
  return z.object(
    Object.fromEntries(
      languages.map((lng) => [
        lng,
        z.string({ error: errors.required }).trim().min(1, { error: errors.required }).max(LABEL_MAX, { error: errors.tooLong }),
      ]),
    ),
  );
}
