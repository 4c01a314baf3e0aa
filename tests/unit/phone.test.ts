import { describe, expect, it } from "vitest";
import { formatPhone, parsePhone } from "~/lib/phone.server";

describe("parsePhone: what people type in Germany becomes E.164", () => {
  it.each([
    ["0421 / 123 45-6", "+49421123456", "landline"],
    ["+49 (0)421 1234567", "+494211234567", "landline"],
    ["0049 421 1234567", "+494211234567", "landline"],
    ["0151-12345678", "+4915112345678", "mobile"],
    ["0176 1234 5678", "+4917612345678", "mobile"],
    ["030 12345678", "+493012345678", "landline"],
    ["+43 660 1234567", "+436601234567", "mobile"],
  ])("%s → %s (%s)", (input, e164, type) => {
    expect(parsePhone(input)).toEqual({ e164, type });
  });

  it.each(["", "12", "0421", "hallo", "0151-123", "+49 151 1234567890123", "<script>"])("rejects %j", (input) => {
    expect(parsePhone(input)).toBeNull();
  });

  it("formats for staff screens in national format", () => {
    expect(formatPhone("+4915112345678")).toBe("01511 2345678");
  });
});
