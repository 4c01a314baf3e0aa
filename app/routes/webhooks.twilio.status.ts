// Twilio's status callback for an outbound SMS or call: POST /webhooks/twilio/status?message=<our id>.
// Signed (403 otherwise); an unknown id is answered with empty TwiML — there is nothing to do, and Twilio need not retry.
import type { ActionFunctionArgs } from "@remix-run/node";
import { applyStatusCallback } from "~/capabilities/messaging/status-callback.server";
import { EMPTY_TWIML, twimlResponse, verifyTwilioWebhook } from "~/web/twilio-webhook.server";

export async function action({ request, context }: ActionFunctionArgs) {
  const { params, query } = await verifyTwilioWebhook(request, context);
  const messageId = query.get("message");
  if (messageId) {
    await applyStatusCallback(context.services, {
      messageId,
      providerId: params.MessageSid ?? params.SmsSid ?? params.CallSid ?? null,
      params,
    });
  }
  return twimlResponse(EMPTY_TWIML);
}

export function loader() {
  return new Response("Method not allowed", { status: 405, headers: { Allow: "POST" } });
}
