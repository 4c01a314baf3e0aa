// Status callbacks of click-to-call: the staff leg (CallStatus) and the citizen leg (<Number> status callback and
// the <Dial> action's DialCallStatus). Idempotent: a replay changes nothing. Signed by Twilio, or 403.
import type { ActionFunctionArgs } from "@remix-run/node";
import { callStatusTwiml } from "~/web/click-to-call.server";
import { twimlResponse, verifyTwilioWebhook } from "~/web/twilio-webhook.server";

export async function action({ request, context }: ActionFunctionArgs) {
  const webhook = await verifyTwilioWebhook(request, context);
  return twimlResponse(await callStatusTwiml(context, webhook));
}
