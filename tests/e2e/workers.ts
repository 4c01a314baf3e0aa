// How many browser test files run side by side. Each has its own app (global-setup.ts) and Chromium; the files
// spend most of their time waiting for pages, so two fit on two cores. E2E_WORKERS=1 runs them one after another.
export const E2E_WORKERS = Math.max(1, Number(process.env.E2E_WORKERS ?? 2) || 1);
