// Twilio's voice webhook: the inbound call menu. Signed requests only (403 otherwise); each step answers TwiML.
// The menu state is in our own callback URL's query (step, lng, try), never a phone number.
import type { ActionFunctionArgs } from "@remix-run/node";
import { voiceStep } from "~/capabilities/phone/voice-menu.server";
import { withActor } from "~/context";
import { twimlResponse, verifyTwilioWebhook } from "~/web/twilio-webhook.server";

export async function action({ request, context }: ActionFunctionArgs) {
  const { params, query, twilio } = await verifyTwilioWebhook(request, context);
  const caller = withActor(context.services, { kind: "citizen" });
  return twimlResponse(await voiceStep(caller, { query, params, twilio, retention: context.services.config.retention }));
}
