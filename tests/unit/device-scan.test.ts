import { describe, expect, it } from "vitest";
import { tagFromCode } from "~/ui/DeviceFind/tag";

describe("what a scanned label code opens", () => {
  it("takes the tag from the device address printed on a label, on any host", () => {
    expect(tagFromCode("https://ambulanz.bremen.de/team/devices/tag/TAB-0005")).toBe("TAB-0005");
    expect(tagFromCode("http://localhost:3000/team/devices/tag/LEIH%20A-12?x=1")).toBe("LEIH A-12");
  });

  it("takes a bare tag as it is, without surrounding spaces", () => {
    expect(tagFromCode("  TAB-0007\n")).toBe("TAB-0007");
  });

  it("does not break on a malformed escape", () => {
    expect(tagFromCode("https://x/team/devices/tag/TAB%E0")).toBe("TAB%E0");
  });
});
