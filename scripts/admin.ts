// `npm run admin -- create-api-key --email <user> [--name <label>]`: prints a new API key for that user, once.
import { parseArgs } from "node:util";
import { getDatabase } from "@/db/client";
import { createApiKeyForEmail } from "@/lib/server/auth/api-keys";

const usage = "Usage: npm run admin -- create-api-key --email <user> [--name <label>]";

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { email: { type: "string" }, name: { type: "string", default: "command line" } },
});

if (positionals[0] !== "create-api-key" || !values.email) {
  console.error(usage);
  process.exit(2);
}

const handle = await getDatabase();
const created = await createApiKeyForEmail(values.email, values.name);
await handle.close();
if (!created.ok) {
  console.error(created.message);
  process.exit(1);
}
console.log(created.value.key);
