// A warning in a test is a bug not yet understood (Epic Stack): console.error and console.warn fail the test.
import { afterEach, beforeEach, vi } from "vitest";

let messages: string[] = [];

beforeEach(() => {
  messages = [];
  for (const level of ["error", "warn"] as const) {
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
      messages.push(`${level}: ${args.map(String).join(" ")}`);
    });
  }
});

afterEach(() => {
  vi.restoreAllMocks();
  if (messages.length) throw new Error(`Unexpected console output:\n${messages.join("\n")}`);
});
