// `npm run twilio:check`: reads the settings like the app and checks them at Twilio without sending anything.
// Exit code 0 when everything is in order, 1 otherwise.
import "~/env.server";
import { readConfig } from "~/config.server";
import { checkTwilioConfig } from "~/capabilities/messaging/twilio-check.server";

const mark = { ok: "OK     ", warning: "WARNING", problem: "PROBLEM" } as const;

let exitCode = 1;
try {
  const result = await checkTwilioConfig(readConfig());
  for (const line of result.lines) console.log(`${mark[line.level]}  ${line.text}`);
  console.log(result.ok ? "\nThe Twilio configuration looks right. Nothing was sent." : "\nPlease fix the problems above, then run npm run twilio:check again. Nothing was sent.");
  exitCode = result.ok ? 0 : 1;
} catch (error) {
  console.log(`PROBLEM  ${error instanceof Error ? error.message : String(error)}`);
}
process.exit(exitCode);
