// The account's credentials go with a recording download: only ever to Twilio's own API host (issue 14, item 8).
import { describe, expect, it } from "vitest";
import { isTwilioApiUrl } from "~/capabilities/messaging/twilio-client.server";

describe("Twilio's recording host", () => {
  it("is judged on the parsed host: https and api.twilio.com (or a regional api host) only", () => {
    expect(isTwilioApiUrl("https://api.twilio.com/2010-04-01/Accounts/AC1/Recordings/RE1")).toBe(true);
    expect(isTwilioApiUrl("https://api.dublin.ie1.twilio.com/2010-04-01/Accounts/AC1/Recordings/RE1")).toBe(true);
    for (const bad of [
      "https://api.twilio.com.evil.example/2010-04-01/Recordings/RE1",
      "http://api.twilio.com/2010-04-01/Recordings/RE1",
      "https://evil.example/?https://api.twilio.com",
      "https://user:pw@api.twilio.com/x",
      "https://api.twilio.com:8443/x",
      "https://eviltwilio.com/x",
      "https://twilio.com.evil.example/x",
      "not a url",
    ]) {
      expect(isTwilioApiUrl(bad), bad).toBe(false);
    }
  });
});
