// The door for Twilio's webhooks: the X-Twilio-Signature is checked against the configured public URL (never the
// Host header a proxy or attacker could change) before anything is read. Without Twilio settings: 404.
import twilio from "twilio";
import type { AppLoadContext } from "@remix-run/node";
import type { TwilioConfig } from "~/context";

export interface TwilioWebhook {
  /** The form fields Twilio posted (From, Body, MessageSid, CallSid, Digits, …). */
  params: Record<string, string>;
  /** Query parameters of our own callback URL (only opaque ids and menu state, never personal data). */
  query: URLSearchParams;
  twilio: TwilioConfig;
}

export async function verifyTwilioWebhook(request: Request, context: AppLoadContext): Promise<TwilioWebhook> {
  const config = context.services.config.twilio;
  if (!config) throw new Response("Not found", { status: 404 });
  if (request.method !== "POST") throw new Response("Method not allowed", { status: 405, headers: { Allow: "POST" } });
  const requestUrl = new URL(request.url);
  const url = `${context.services.config.publicUrl}${requestUrl.pathname}${requestUrl.search}`;
  const form = await request.formData().catch(() => null);
  const params: Record<string, string> = {};
  for (const [key, value] of form ?? []) if (typeof value === "string") params[key] = value;
  const signature = request.headers.get("X-Twilio-Signature") ?? "";
  if (!form || !signature || !twilio.validateRequest(config.authToken, signature, url, params)) {
    throw new Response("Forbidden", { status: 403 });
  }
  return { params, query: requestUrl.searchParams, twilio: config };
}

/** A TwiML answer (voice menus, SMS replies). */
export function twimlResponse(twiml: string, init: ResponseInit = {}): Response {
  return new Response(twiml, { ...init, headers: { "Content-Type": "text/xml; charset=utf-8", "Cache-Control": "no-store", ...init.headers } });
}

/** Twilio only needs to know the webhook was taken; an empty TwiML answer says "nothing more to do". */
export const EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response/>';
