// CLOCK_OFFSET_MS (testing and demos): moves the one clock the app hands to every capability; unset, it is the
// system's. A value that is no whole number stops the start with the setting's name.
import { describe, expect, it } from "vitest";
import { readConfig } from "~/config.server";
import { systemClock } from "~/lib/clock";
import { configuredClock } from "~/services.server";

describe("the clock setting", () => {
  it("is the system clock when unset", () => {
    expect(configuredClock(readConfig({ NODE_ENV: "test" }))).toBe(systemClock);
  });

  it("moves the clock by the offset and lets it run", async () => {
    const clock = configuredClock(readConfig({ NODE_ENV: "test", CLOCK_OFFSET_MS: String(-36 * 3_600_000) }));
    const before = clock.now().getTime();
    expect(Math.abs(before - (Date.now() - 36 * 3_600_000))).toBeLessThan(1_000);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(clock.now().getTime()).toBeGreaterThan(before);
  });

  it("refuses a value that is no whole number of milliseconds", () => {
    expect(() => readConfig({ NODE_ENV: "test", CLOCK_OFFSET_MS: "morgen" })).toThrow(/CLOCK_OFFSET_MS/);
  });
});
