// `npm run seed`: put the demo data into an empty database.
import { readConfig } from "~/config.server";
import { prepareDatabase } from "~/setup.server";

await prepareDatabase(readConfig().databaseUrl, { seedWhenEmpty: true });
