// Twilio asks this when the staff member picks up their phone after "Call now": TwiML that names the citizen (first
// name only) and dials them with the programme number as caller ID. Signed by Twilio, or 403.
import type { ActionFunctionArgs } from "@remix-run/node";
import { bridgeTwiml } from "~/web/calls.server";
import { twimlResponse, verifyTwilioWebhook } from "~/web/twilio.server";

export async function action({ request, context }: ActionFunctionArgs) {
  const webhook = await verifyTwilioWebhook(request, context);
  return twimlResponse(await bridgeTwiml(context, webhook));
}
