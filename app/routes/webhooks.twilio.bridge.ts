// Twilio asks this when the staff member picks up their phone after "Call now": TwiML that names the citizen (first
// name only) and dials them with the programme number as caller ID. Signed by Twilio, or 403.
import type { ActionFunctionArgs } from "@remix-run/node";
import { bridgeTwiml } from "~/web/click-to-call.server";
import { twimlResponse, verifyTwilioWebhook } from "~/web/twilio-webhook.server";

export async function action({ request, context }: ActionFunctionArgs) {
  const webhook = await verifyTwilioWebhook(request, context);
  return twimlResponse(await bridgeTwiml(context, webhook));
}
