// `npm run bench`: every benchmark, one after the other. Figures only; targets are read by people, not asserted.
await import("./pages");
await import("./helpdesk");
await import("./lending");
await import("./booking");
await import("./messaging");
await import("./body-limit");
await import("./retention");

export {};
