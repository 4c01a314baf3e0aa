// `npm run twilio:check`: checks a Twilio configuration WITHOUT sending anything — only reads (the account, the
// programme number and its webhook URLs) and says in plain words what to fix.
import type { AppConfig } from "~/context";
import { WEBHOOK_PATHS } from "./providers/twilio.server";
import { twilioClient, twilioError } from "./twilio-client.server";

export interface CheckLine {
  level: "ok" | "warning" | "problem";
  text: string;
}

export interface CheckResult {
  ok: boolean;
  lines: CheckLine[];
}

export async function checkTwilioConfig(config: Pick<AppConfig, "messageProvider" | "twilio" | "publicUrl">): Promise<CheckResult> {
  const lines: CheckLine[] = [];
  const ok = (text: string) => lines.push({ level: "ok", text });
  const warn = (text: string) => lines.push({ level: "warning", text });
  const problem = (text: string) => lines.push({ level: "problem", text });
  const result = () => ({ ok: !lines.some((l) => l.level === "problem"), lines });

  const twilio = config.twilio;
  if (config.messageProvider !== "twilio" || !twilio) {
    problem("Twilio is not configured: set TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and TWILIO_FROM_NUMBER (see README, \"SMS and voice (Twilio)\"). Without them the built-in outbox is used and nothing leaves the server.");
    return result();
  }
  ok(`Provider: Twilio, account ${twilio.accountSid}${twilio.apiKey ? `, signing in with API key ${twilio.apiKey}` : ", signing in with the auth token"}.`);

  const publicUrl = new URL(config.publicUrl);
  if (publicUrl.protocol !== "https:") {
    warn(`PUBLIC_URL is ${config.publicUrl}, not https. Twilio must reach the webhooks over https on a public address; set PUBLIC_URL to it (e.g. https://ambulanz.example.org).`);
  } else {
    ok(`Public address: ${config.publicUrl}`);
  }

  const client = twilioClient(twilio);
  try {
    const account = await client.api.v2010.accounts(twilio.accountSid).fetch();
    if (account.status === "active") ok(`Credentials accepted; the account "${account.friendlyName}" is active.`);
    else problem(`The account is ${account.status}, not active: Twilio will not send. Reactivate it in the Twilio console.`);
  } catch (error) {
    const { status, code, message } = twilioError(error);
    if (status === 401) {
      problem(`Twilio refused the credentials (401${code ? `, error ${code}` : ""}). Check TWILIO_ACCOUNT_SID and ${twilio.apiKey ? "TWILIO_API_KEY/TWILIO_API_SECRET" : "TWILIO_AUTH_TOKEN"}.`);
    } else if (status === null) {
      problem(`Twilio could not be reached (${message}). Check the network connection of this server.`);
    } else {
      problem(`Twilio answered ${status}${code ? ` (error ${code})` : ""} when reading the account: ${message}`);
    }
    return result();
  }

  const expected = { sms: `${config.publicUrl}${WEBHOOK_PATHS.sms}`, voice: `${config.publicUrl}${WEBHOOK_PATHS.voice}` };
  try {
    const numbers = await client.incomingPhoneNumbers.list({ phoneNumber: twilio.fromNumber, limit: 20 });
    const number = numbers.find((n) => n.phoneNumber === twilio.fromNumber);
    if (!number) {
      problem(`TWILIO_FROM_NUMBER ${twilio.fromNumber} is not a number of this account. Buy or port it in the Twilio console, or set TWILIO_FROM_NUMBER to one of the account's numbers.`);
      return result();
    }
    ok(`The programme number ${twilio.fromNumber} belongs to the account.`);
    const capabilities = (number.capabilities ?? {}) as { sms?: boolean; voice?: boolean };
    if (!capabilities.sms) problem(`${twilio.fromNumber} cannot send or receive SMS. Choose a number with SMS capability.`);
    if (!capabilities.voice) problem(`${twilio.fromNumber} cannot make or take calls. Choose a number with voice capability.`);
    if (capabilities.sms && capabilities.voice) ok("It can send SMS and make calls.");
    if (number.smsUrl === expected.sms) ok(`Incoming SMS go to ${expected.sms}`);
    else problem(`Incoming SMS go to ${number.smsUrl || "(nothing)"}. In the Twilio console, under the number's "Messaging", set "A message comes in" to Webhook ${expected.sms} (HTTP POST).`);
    if (number.voiceUrl === expected.voice) ok(`Incoming calls go to ${expected.voice}`);
    else problem(`Incoming calls go to ${number.voiceUrl || "(nothing)"}. In the Twilio console, under the number's "Voice", set "A call comes in" to Webhook ${expected.voice} (HTTP POST).`);
  } catch (error) {
    const { status, code, message } = twilioError(error);
    problem(`Could not read the account's phone numbers (${status ?? "network"}${code ? `, error ${code}` : ""}): ${message}`);
  }
  return result();
}
