// Reads .env when there is one (Node's own loader); real environment variables win.
import fs from "node:fs";

if (fs.existsSync(".env")) process.loadEnvFile(".env");
