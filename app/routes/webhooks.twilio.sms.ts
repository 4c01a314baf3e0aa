// Twilio's inbound SMS webhook: signature checked first (403 otherwise, nothing stored), then the one SMS handler.
// Replies go through our outbox, so Twilio gets an empty TwiML answer. A replayed MessageSid does nothing again.
import type { ActionFunctionArgs } from "@remix-run/node";
import { withActor } from "~/context";
import { receiveSms } from "~/capabilities/phone/inbound-sms.server";
import { EMPTY_TWIML, twimlResponse, verifyTwilioWebhook } from "~/web/twilio-webhook.server";

export async function action({ request, context }: ActionFunctionArgs) {
  const { params } = await verifyTwilioWebhook(request, context);
  const { From: from, Body: body = "", MessageSid: messageSid } = params;
  if (!from || !messageSid) return new Response("Bad request", { status: 400 });
  const ctx = withActor(context.services, { kind: "system", name: "twilio-sms" });
  await receiveSms(ctx, { from, body, messageSid }, { programmePhone: context.services.config.programmePhone });
  return twimlResponse(EMPTY_TWIML);
}

export function loader() {
  return new Response("Method not allowed", { status: 405, headers: { Allow: "POST" } });
}
