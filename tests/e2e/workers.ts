// How many browser test files run side by side, each with its own app (global-setup.ts) and Chromium. One by
// default: measured on two cores, the browsers keep both cores busy (vmstat: 70% user, 30% system, 0% idle), so a
// second worker saved no time and made each page slower. E2E_WORKERS=2 where there are cores to spare.
export const E2E_WORKERS = Math.max(1, Number(process.env.E2E_WORKERS ?? 1) || 1);
