// Operator commands on the configured database (DATABASE_URL, or the embedded one under .data/):
//   npm run admin -- create-admin --email <email> [--name <name>]   prints a one-time password
//   npm run admin -- create-api-key --email <user> [--name <label>]  prints a new API key, once
import { parseArgs } from "node:util";
import { closeDatabase, getDatabase } from "@/db/client";
import type { Result } from "@/lib/domain/errors";
import { createFirstAdmin } from "@/lib/server/admin/create-first-admin";
import { createApiKeyForEmail } from "@/lib/server/auth/api-keys";

const usage = [
  "Usage: npm run admin -- create-admin --email <email> [--name <name>]",
  "       npm run admin -- create-api-key --email <user> [--name <label>]",
].join("\n");

const commands: Record<string, (email: string, name: string | undefined) => Promise<Result<string>>> = {
  "create-admin": async (email, name) => {
    const created = await createFirstAdmin(email, name ?? "Administrator");
    if (!created.ok) return created;
    return {
      ok: true,
      value: `Admin ${created.value.user.email} created. One-time password (change it at the first sign-in): ${created.value.temporaryPassword}`,
    };
  },
  "create-api-key": async (email, name) => {
    const created = await createApiKeyForEmail(email, name ?? "command line");
    return created.ok ? { ok: true, value: created.value.key } : created;
  },
};

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { email: { type: "string" }, name: { type: "string" } },
});

const command = commands[positionals[0] ?? ""];
if (!command || !values.email) {
  console.error(usage);
  process.exit(2);
}

await getDatabase();
const result = await command(values.email, values.name);
await closeDatabase();
if (!result.ok) {
  console.error(result.message);
  process.exit(1);
}
console.log(result.value);
