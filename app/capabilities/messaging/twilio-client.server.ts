// One Twilio REST client per configuration. Tests and benchmarks point the SDK's own HTTP client at a local fake
// (TWILIO_API_BASE) instead of https://*.twilio.com — the SDK code path stays the real one.
import twilio from "twilio";
import type { RequestOptions } from "twilio/lib/base/RequestClient";
import type { TwilioConfig } from "~/context";

export const TWILIO_HOST = /^https:\/\/[a-z0-9.-]+\.twilio\.com/;

/**
 * Whether a URL Twilio sent us (a recording's) is really Twilio's REST API, so our credentials may go there: https,
 * and the host itself is api.twilio.com or a regional api.<edge>.<region>.twilio.com — judged on the parsed host,
 * so "https://api.twilio.com.evil.example" or "https://evil.example/?api.twilio.com" are not.
 */
export function isTwilioApiUrl(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.protocol !== "https:" || url.username || url.password || url.port) return false;
  return url.hostname === "api.twilio.com" || /^api\.[a-z0-9-]+\.[a-z0-9-]+\.twilio\.com$/.test(url.hostname);
}

class RedirectingRequestClient extends twilio.RequestClient {
  constructor(private readonly base: string) {
    super({ timeout: 15_000 });
  }

  override request<TData>(opts: RequestOptions<TData>) {
    return super.request<TData>({ ...opts, uri: opts.uri.replace(TWILIO_HOST, this.base.replace(/\/$/, "")) });
  }
}

export type TwilioClient = ReturnType<typeof twilio>;

/** The REST credentials: an API key (revocable, per installation) is preferred over the account's auth token. */
export function restCredentials(config: TwilioConfig): [user: string, secret: string] {
  return config.apiKey && config.apiSecret ? [config.apiKey, config.apiSecret] : [config.accountSid, config.authToken];
}

export function twilioClient(config: TwilioConfig): TwilioClient {
  const httpClient = config.apiBaseUrl ? new RedirectingRequestClient(config.apiBaseUrl) : undefined;
  const [user, secret] = restCredentials(config);
  return twilio(user, secret, { accountSid: config.accountSid, httpClient });
}

/** Twilio's error shape: an HTTP status and a numeric code (https://www.twilio.com/docs/api/errors). */
export function twilioError(error: unknown): { status: number | null; code: number | null; message: string } {
  const e = error as { status?: number; code?: number | string; message?: string };
  return {
    status: typeof e?.status === "number" ? e.status : null,
    code: typeof e?.code === "number" ? e.code : null,
    message: e?.message ?? String(error),
  };
}

/** Worth another try: no answer at all (network), rate limited, or the provider's own trouble. */
export function isTransient(error: unknown): boolean {
  const { status } = twilioError(error);
  return status === null || status === 429 || status >= 500;
}

/** Twilio refuses numbers that replied STOP to it (21610): that is an opt-out we must record too. */
export const TWILIO_UNSUBSCRIBED = 21610;
