import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { defaultRetrySchedule, parseRetrySchedule } from "./domain/retry-schedule";

/** Every setting the app reads from the environment, checked once. */
const envSchema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgres:// connection string")
    .optional(),
  DATA_DIR: z.string().default(".data"),
  AUTH_SECRET: z.string().min(32, "AUTH_SECRET must be at least 32 characters").optional(),
  /** The portal's public address; Auth.js reads it too. https:// here turns on HSTS and Secure cookies. */
  AUTH_URL: z.url("AUTH_URL must be the portal's address, e.g. https://usage.example.com").optional(),
  /** Where `npm start` serves; the portal's address in mails when AUTH_URL is not set. */
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  UPLOAD_MAX_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(100 * 1024 * 1024),
  UPLOAD_MAX_RECORDS: z.coerce.number().int().positive().default(1_000_000),
  /** Files processed at once by a worker process (one per account at a time, whatever this says). */
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(16).default(2),
  /** `npm start` runs the jobs in a worker process of their own; elsewhere (dev, tests) the server runs them. */
  JOBS_IN_PROCESS: z.stringbool().default(true),
  /** Waits before each retry of a failed webhook delivery: comma-separated durations (`5s`, `5m`, `2h`, `1d`). */
  WEBHOOK_RETRY_SCHEDULE: z
    .string()
    .default(defaultRetrySchedule)
    .transform((text, context) => {
      const schedule = parseRetrySchedule(text);
      if (!schedule) context.addIssue({ code: "custom", message: "WEBHOOK_RETRY_SCHEDULE must be like 5s,5m,30m,2h" });
      return schedule ?? [];
    }),
  /** Lets webhooks reach loopback and private addresses, over plain http too: for tests and local use only. */
  WEBHOOK_ALLOW_PRIVATE_URLS: z.stringbool().default(false),
  /** `smtp://user:pass@host:587`: when set, notifications are also mailed to the users who chose them (none without it). */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, "SMTP_URL must be an smtp:// or smtps:// URL")
    .optional(),
  /** The sender of notification mails. */
  SMTP_FROM: z.string().default("Usage Records Portal <no-reply@localhost>"),
  /** Demo users with a well-known password: only on the embedded default, unless asked for. */
  SEED_DEMO_DATA: z.stringbool().default(false),
});

export type Settings = z.output<typeof envSchema>;

const parsed = envSchema.safeParse(process.env);
if (!parsed.success) {
  throw new Error(`Invalid environment: ${z.prettifyError(parsed.error)}`);
}

export const env = parsed.data;

export const dataDir = path.resolve(env.DATA_DIR);

/** A database named by DATABASE_URL is somebody's real one: it never gets the demo logins unasked. */
export function wantsDemoData(settings: Pick<Settings, "DATABASE_URL" | "SEED_DEMO_DATA">): boolean {
  return !settings.DATABASE_URL || settings.SEED_DEMO_DATA;
}

/**
 * The signing secret for sessions. Without AUTH_SECRET, one is generated on first use and kept
 * under the data directory, so a fresh clone runs with no setup and restarts keep sessions valid.
 */
export function authSecret(): string {
  if (env.AUTH_SECRET) return env.AUTH_SECRET;
  const file = path.join(dataDir, "auth-secret");
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600, flag: "wx" });
  }
  return readFileSync(file, "utf8").trim();
}

/** The portal's address for links in mails: AUTH_URL, else this machine's `npm start`. */
export function portalUrl(path: string): string {
  return new URL(path, env.AUTH_URL ?? `http://localhost:${env.PORT}`).toString();
}
