// `npm run jobs`: the worker alone, for when web and jobs run as separate processes (RUN_JOBS=false on the web).
import "~/env.server";
import { readConfig } from "~/config.server";
import { createServices } from "~/services.server";
import { Worker } from "./worker";

const services = await createServices(readConfig());
const worker = new Worker(services);
worker.start();

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, async () => {
    await worker.stop();
    await services.db.$disconnect();
    process.exit(0);
  });
}
