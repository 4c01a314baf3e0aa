// Every browser test file: this process's Date reads what the app's clock reads (see tests/helpers/e2e-clock.ts),
// and apps a file starts itself (startApp) get the same CLOCK_OFFSET_MS. Before the file is imported, so dates its
// top level computes are already on the pinned hour.
import { inject, vi } from "vitest";

const offset = inject("clockOffsetMs");
process.env.CLOCK_OFFSET_MS = String(offset);
vi.useFakeTimers({ toFake: ["Date"], now: Date.now() + offset, shouldAdvanceTime: true });
