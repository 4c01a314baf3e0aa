// The "Call now" panel's forms post here (callback and ticket pages alike): start a call, or — with the built-in
// outbox provider — simulate what the phones do. Always back to the page the panel is on, with a one-time notice.
// No phone number ever travels in a form or URL: only our opaque ids.
import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { detectLanguage } from "~/i18n/detect.server";
import { AppError } from "~/lib/errors";
import { CallActionInput, pageOf, setCallNotice, simulateCallEvent, startCallFromPage } from "~/web/click-to-call.server";
import { errorResponse, respondTo } from "~/web/errors.server";
import { parseForm } from "~/web/forms.server";
import { requireStaff } from "~/web/session.server";

export async function loader() {
  return redirect("/team");
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { ctx } = await requireStaff(request, context, "team:view");
  const { submission } = await parseForm(request, CallActionInput);
  if (submission.status !== "success") throw errorResponse(new AppError(400, "errors.page.400.body"));
  const input = submission.value;
  const target =
    input.intent === "simulate"
      ? { callId: input.callId }
      : input.callbackId
        ? { callbackId: input.callbackId }
        : input.ticketId
          ? { ticketId: input.ticketId }
          : null;
  if (!target) throw errorResponse(new AppError(400, "errors.page.400.body"));
  const back = await pageOf(ctx, target);
  const notice = await respondTo(async () => {
    try {
      if (input.intent === "simulate") return await simulateCallEvent(ctx, context, input.callId, input.event);
      return await startCallFromPage(ctx, context, target as { callbackId: string } | { ticketId: string }, detectLanguage(request));
    } catch (error) {
      // Refusals the staff member can act on are shown in the panel; 403/404 stay error pages.
      if (error instanceof AppError && (error.status === 400 || error.status === 409) && error.messageKey.startsWith("calls:")) return error.messageKey;
      throw error;
    }
  });
  return redirect(back, notice ? { headers: { "Set-Cookie": await setCallNotice(context, notice) } } : undefined);
}
