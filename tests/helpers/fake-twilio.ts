// A local stand-in for Twilio's REST API (2010-04-01), for tests and benchmarks without network. The real SDK
// talks to it (TWILIO_API_BASE); it records every request, answers with Twilio's JSON shapes and error format,
// can be told to fail, and can post signed status callbacks the way Twilio does.
import { randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import twilio from "twilio";

export interface FakeRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  form: Record<string, string>;
}

export interface FakeMessage {
  sid: string;
  to: string;
  from: string;
  body: string;
  status: string;
  statusCallback?: string;
  dateCreated: Date;
}

export interface FakeCall {
  sid: string;
  to: string;
  from: string;
  status: string;
  twiml?: string;
  url?: string;
  statusCallback?: string;
  dateCreated: Date;
}

export interface FakeNumber {
  phoneNumber: string;
  smsUrl?: string;
  voiceUrl?: string;
}

export interface FakeTwilio {
  url: string;
  accountSid: string;
  authToken: string;
  requests: FakeRequest[];
  messages: FakeMessage[];
  calls: FakeCall[];
  /** Sids of messages, calls and recordings deleted through the API. */
  deleted: string[];
  numbers: FakeNumber[];
  /** The next `count` create requests fail with this HTTP status (and Twilio error code). */
  failNext(count: number, status: number, code?: number): void;
  /** Post a status callback for a message or call, signed with the auth token, as Twilio would. */
  sendStatus(sid: string, status: string, extra?: Record<string, string>): Promise<number>;
  reset(): void;
  close(): Promise<void>;
}

const sid = (prefix: string) => prefix + randomBytes(16).toString("hex");

export async function startFakeTwilio(
  options: { accountSid?: string; authToken?: string; apiKey?: string; apiSecret?: string; numbers?: FakeNumber[] } = {},
): Promise<FakeTwilio> {
  const accountSid = options.accountSid ?? `AC${"a".repeat(32)}`;
  const authToken = options.authToken ?? "test-auth-token-0123456789abcdef";
  const credentials = new Set([`${accountSid}:${authToken}`, ...(options.apiKey ? [`${options.apiKey}:${options.apiSecret}`] : [])]);
  const state = {
    requests: [] as FakeRequest[],
    messages: [] as FakeMessage[],
    calls: [] as FakeCall[],
    deleted: [] as string[],
    failures: [] as { status: number; code?: number }[],
  };

  const server = http.createServer((req, res) => {
    let raw = "";
    req.on("data", (chunk) => (raw += chunk));
    req.on("end", () => {
      const url = new URL(req.url ?? "/", "http://fake");
      const form = Object.fromEntries(new URLSearchParams(raw));
      const request: FakeRequest = { method: req.method ?? "GET", path: url.pathname, query: Object.fromEntries(url.searchParams), form };
      state.requests.push(request);
      const send = (status: number, body?: unknown) => {
        res.writeHead(status, { "Content-Type": "application/json" });
        res.end(body === undefined ? "" : JSON.stringify(body));
      };
      const error = (status: number, code: number, message: string) =>
        send(status, { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status });

      const auth = Buffer.from((req.headers.authorization ?? "").replace(/^Basic /, ""), "base64").toString();
      if (!credentials.has(auth)) return error(401, 20003, "Authenticate");

      const base = `/2010-04-01/Accounts/${accountSid}`;
      const p = url.pathname;
      if (req.method === "GET" && p === `${base}.json`) {
        return send(200, { sid: accountSid, friendly_name: "Fake account", status: "active", type: "Full" });
      }
      // A recording's audio (RecordingUrl + ".mp3"): a few bytes with an MP3 (ID3) header.
      const audio = req.method === "GET" && p.match(new RegExp(`^${base}/Recordings/(RE[0-9a-f]{32})\\.mp3$`));
      if (audio) {
        if (state.deleted.includes(audio[1]!)) return error(404, 20404, "The requested resource was not found");
        res.writeHead(200, { "Content-Type": "audio/mpeg" });
        return res.end(Buffer.concat([Buffer.from("ID3"), Buffer.alloc(61)]));
      }
      if (req.method === "GET" && p === `${base}/IncomingPhoneNumbers.json`) {
        const wanted = url.searchParams.get("PhoneNumber");
        const list = (options.numbers ?? []).filter((n) => !wanted || n.phoneNumber === wanted);
        return send(200, page("incoming_phone_numbers", list.map((n) => ({
          sid: sid("PN"), phone_number: n.phoneNumber, sms_url: n.smsUrl ?? null, voice_url: n.voiceUrl ?? null,
          capabilities: { sms: true, voice: true, mms: false },
        }))));
      }
      const creating = req.method === "POST" && (p === `${base}/Messages.json` || p === `${base}/Calls.json`);
      if (creating && state.failures.length) {
        const failure = state.failures.shift()!;
        return error(failure.status, failure.code ?? (failure.status === 429 ? 20429 : 20500), "Injected failure");
      }
      if (req.method === "POST" && p === `${base}/Messages.json`) {
        if (!form.To || !/^\+[1-9]\d{6,14}$/.test(form.To)) return error(400, 21211, `The 'To' number ${form.To} is not a valid phone number.`);
        const message: FakeMessage = {
          sid: sid("SM"), to: form.To, from: form.From ?? "", body: form.Body ?? "", status: "queued",
          statusCallback: form.StatusCallback, dateCreated: new Date(),
        };
        state.messages.push(message);
        return send(201, messageJson(accountSid, message));
      }
      if (req.method === "GET" && p === `${base}/Messages.json`) {
        const after = url.searchParams.get("DateSent>");
        const list = state.messages.filter(
          (m) =>
            (!url.searchParams.get("To") || m.to === url.searchParams.get("To")) &&
            (!url.searchParams.get("From") || m.from === url.searchParams.get("From")) &&
            (!after || m.dateCreated >= new Date(after)),
        );
        // Twilio lists newest first.
        return send(200, page("messages", list.reverse().map((m) => messageJson(accountSid, m))));
      }
      if (req.method === "POST" && p === `${base}/Calls.json`) {
        if (!form.To || !/^\+[1-9]\d{6,14}$/.test(form.To)) return error(400, 21217, "Phone number is not a valid phone number");
        const call: FakeCall = {
          sid: sid("CA"), to: form.To, from: form.From ?? "", status: "queued", twiml: form.Twiml, url: form.Url,
          statusCallback: form.StatusCallback, dateCreated: new Date(),
        };
        state.calls.push(call);
        return send(201, callJson(accountSid, call));
      }
      if (req.method === "GET" && p === `${base}/Calls.json`) {
        const after = url.searchParams.get("StartTime>");
        const list = state.calls.filter(
          (c) =>
            (!url.searchParams.get("To") || c.to === url.searchParams.get("To")) &&
            (!url.searchParams.get("From") || c.from === url.searchParams.get("From")) &&
            (!after || c.dateCreated >= new Date(after)),
        );
        return send(200, page("calls", list.reverse().map((c) => callJson(accountSid, c))));
      }
      // One call (e.g. an inbound call's caller, for a recording callback that arrives first).
      const oneCall = req.method === "GET" && p.match(new RegExp(`^${base}/Calls/(CA[0-9a-f]{32})\\.json$`));
      if (oneCall) {
        const call = state.calls.find((c) => c.sid === oneCall[1]);
        return call ? send(200, callJson(accountSid, call)) : error(404, 20404, "The requested resource was not found");
      }
      const removal = req.method === "DELETE" && p.match(new RegExp(`^${base}/(Messages|Calls|Recordings)/([A-Z]{2}[0-9a-f]{32})\\.json$`));
      if (removal) {
        const target = removal[2]!;
        if (state.deleted.includes(target)) return error(404, 20404, "The requested resource was not found");
        state.deleted.push(target);
        const message = state.messages.find((m) => m.sid === target);
        if (message) message.body = "";
        return send(204);
      }
      return error(404, 20404, `The requested resource ${p} was not found`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    accountSid,
    authToken,
    numbers: options.numbers ?? [],
    get requests() {
      return state.requests;
    },
    get messages() {
      return state.messages;
    },
    get calls() {
      return state.calls;
    },
    get deleted() {
      return state.deleted;
    },
    failNext(count, status, code) {
      for (let i = 0; i < count; i++) state.failures.push({ status, code });
    },
    async sendStatus(target, status, extra = {}) {
      const message = state.messages.find((m) => m.sid === target);
      const call = state.calls.find((c) => c.sid === target);
      const callbackUrl = message?.statusCallback ?? call?.statusCallback;
      if (!callbackUrl) throw new Error(`No status callback for ${target}`);
      if (message) message.status = status;
      if (call) call.status = status;
      const params: Record<string, string> = message
        ? { AccountSid: accountSid, MessageSid: target, SmsSid: target, MessageStatus: status, SmsStatus: status, To: message.to, From: message.from, ...extra }
        : { AccountSid: accountSid, CallSid: target, CallStatus: status, To: call!.to, From: call!.from, Direction: "outbound-api", ...extra };
      const response = await fetch(callbackUrl, {
        method: "POST",
        headers: {
          "Content-Type": "application/x-www-form-urlencoded",
          "X-Twilio-Signature": twilio.getExpectedTwilioSignature(authToken, callbackUrl, params),
        },
        body: new URLSearchParams(params),
      });
      return response.status;
    },
    reset() {
      state.requests.length = 0;
      state.messages.length = 0;
      state.calls.length = 0;
      state.deleted.length = 0;
      state.failures.length = 0;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function page(key: string, items: unknown[]) {
  return { [key]: items, end: Math.max(0, items.length - 1), first_page_uri: null, next_page_uri: null, page: 0, page_size: 50, previous_page_uri: null, start: 0, uri: null };
}

function messageJson(accountSid: string, m: FakeMessage) {
  return {
    sid: m.sid, account_sid: accountSid, to: m.to, from: m.from, body: m.body, status: m.status, direction: "outbound-api",
    num_segments: "1", date_created: m.dateCreated.toUTCString(), date_sent: m.dateCreated.toUTCString(), date_updated: m.dateCreated.toUTCString(),
    error_code: null, error_message: null, price: null, uri: `/2010-04-01/Accounts/${accountSid}/Messages/${m.sid}.json`,
  };
}

function callJson(accountSid: string, c: FakeCall) {
  return {
    sid: c.sid, account_sid: accountSid, to: c.to, from: c.from, status: c.status, direction: "outbound-api",
    date_created: c.dateCreated.toUTCString(), start_time: null, end_time: null, duration: null,
    uri: `/2010-04-01/Accounts/${accountSid}/Calls/${c.sid}.json`,
  };
}

/** The app's Twilio settings for a fake (publicUrl: where the fake posts status callbacks). */
export function fakeTwilioConfig(fake: FakeTwilio, fromNumber = "+494211234560") {
  return { accountSid: fake.accountSid, authToken: fake.authToken, fromNumber, apiBaseUrl: fake.url };
}

/** Environment variables that start the app against a fake (see tests/helpers/app-server.ts). */
export function fakeTwilioEnv(fake: FakeTwilio, fromNumber = "+494211234560"): Record<string, string> {
  return {
    MESSAGE_PROVIDER: "twilio",
    TWILIO_ACCOUNT_SID: fake.accountSid,
    TWILIO_AUTH_TOKEN: fake.authToken,
    TWILIO_FROM_NUMBER: fromNumber,
    TWILIO_API_BASE: fake.url,
  };
}
