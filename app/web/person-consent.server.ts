// Glue for the person page's "withdraw consent" form: reads the purpose, asks the capability, names the notice to show.
import type { StaffCtx } from "~/context";
import { withdrawConsent } from "~/capabilities/privacy/consent.server";
import { respondTo } from "./errors.server";
import { attempt } from "./refusals.server";

/** The notice's message key: withdrawn, or why not (unknown purpose, nothing standing). Unknown person → 404. */
export async function withdrawPersonConsent(ctx: StaffCtx, personId: string, form: FormData): Promise<string> {
  const purpose = String(form.get("purpose") ?? "");
  const outcome = await respondTo(() => attempt(() => withdrawConsent(ctx, personId, purpose)));
  return outcome.ok ? "person.consent.withdrawn" : outcome.refusal.messageKey;
}
