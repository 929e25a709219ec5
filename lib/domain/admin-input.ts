import { anomalyThresholdsSchema } from "./usage-anomalies";
import { overlapPolicies } from "./usage-warnings";
import { z } from "zod";
import {
  itemPrecisionSchema,
  itemTypeSchema,
  subscriptionStatusSchema,
  usageSchemaSchema,
  userRoleSchema,
} from "./catalog";

/**
 * What administrators type into the console (issue 7), one schema per shape, shared by the forms,
 * their server actions and the rows of a subscription import sheet.
 */

const text = (label: string, max = 200) =>
  z.string().trim().min(1, `Enter ${label}.`).max(max, `Keep ${label} under ${max} characters.`);

const id = (what: string) => z.string().trim().min(1, `Choose ${what}.`);

/** An optional id from a select or a sheet cell: an empty value is "none". */
const optionalId = z
  .string()
  .trim()
  .optional()
  .transform((value) => value || null);

/** Accounts an administrator creates: the platform account exists once, from the seed. */
export const managedAccountKinds = ["vendor", "distributor", "reseller"] as const;

export const createAccountInput = z.object({
  name: text("a name", 120),
  kind: z.enum(managedAccountKinds, { error: "Choose vendor, distributor or reseller." }),
});
export type CreateAccountInput = z.output<typeof createAccountInput>;

export const renameAccountInput = z.object({ accountId: id("an account"), name: text("a name", 120) });
export type RenameAccountInput = z.output<typeof renameAccountInput>;

/** Long enough to resist guessing; bcrypt reads at most 72 bytes. */
const passwordSchema = z.string().min(12, "Use at least 12 characters.").max(72, "Use at most 72 characters.");

export const createUserInput = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email("Enter an email address.")),
  name: text("a name", 120),
  accountId: id("an account"),
  role: userRoleSchema,
});
export type CreateUserInput = z.output<typeof createUserInput>;

export const userTarget = z.object({ userId: id("a user") });

export const updateUserInput = userTarget.extend({ accountId: id("an account"), role: userRoleSchema });
export type UpdateUserInput = z.output<typeof updateUserInput>;

export const changePasswordInput = z
  .object({
    currentPassword: z.string().min(1, "Enter your current password."),
    newPassword: passwordSchema,
    confirmPassword: z.string(),
  })
  .refine((input) => input.newPassword === input.confirmPassword, {
    path: ["confirmPassword"],
    message: "The passwords do not match.",
  })
  .refine((input) => input.newPassword !== input.currentPassword, {
    path: ["newPassword"],
    message: "Choose a password different from the current one.",
  });
export type ChangePasswordInput = z.output<typeof changePasswordInput>;

export const createContractInput = z.object({
  vendorAccountId: id("a vendor"),
  distributorAccountId: id("a distributor or reseller"),
  marketplace: text("a marketplace name", 120),
});
export type CreateContractInput = z.output<typeof createContractInput>;

export const contractTarget = z.object({ contractId: id("a contract") });

const currency = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{3}$/, "Use a three-letter currency code such as USD.");

export const createProductInput = z.object({
  vendorAccountId: id("a vendor"),
  name: text("a name", 120),
  usageSchema: usageSchemaSchema,
  currency,
});
export type CreateProductInput = z.output<typeof createProductInput>;

/** The double-billing guard's settings of a product (issue 19): its overlap policy and anomaly thresholds. */
export const productGuardInput = z
  .object({
    overlapPolicy: z.enum(overlapPolicies, { error: "The overlap policy is warn or block." }),
    /** Null: the defaults of lib/domain/usage-anomalies.ts. */
    anomalyThresholds: anomalyThresholdsSchema.nullable(),
  })
  .partial()
  .refine((change) => Object.keys(change).length > 0, "Change the overlap policy or the anomaly thresholds.");
export type ProductGuardInput = z.output<typeof productGuardInput>;

export const createItemInput = z.object({
  productId: id("a product"),
  mpn: text("an MPN", 100),
  localId: text("a local id", 100),
  name: text("a name", 120),
  unit: text("a unit", 50),
  precision: itemPrecisionSchema,
  type: itemTypeSchema,
});
export type CreateItemInput = z.output<typeof createItemInput>;

/** `name=value; name=value`, as typed in a form or a sheet cell. */
export const parametersText = z
  .string()
  .trim()
  .optional()
  .transform((value, context) => {
    const parameters: Record<string, string> = {};
    for (const pair of (value ?? "").split(";").filter((part) => part.trim())) {
      const [name, ...rest] = pair.split("=");
      if (!name?.trim() || rest.length === 0) {
        context.addIssue({ code: "custom", message: `Write parameters as name=value; "${pair.trim()}" is not.` });
        return z.NEVER;
      }
      parameters[name.trim()] = rest.join("=").trim();
    }
    return parameters;
  });

/** Parameters as `parametersText` reads them: `name=value; name=value`. */
export function formatParameters(parameters: Readonly<Record<string, string>>): string {
  return Object.entries(parameters)
    .map(([name, value]) => `${name}=${value}`)
    .join("; ");
}

/** A day (`YYYY-MM-DD`, midnight UTC) or an ISO 8601 time; empty is "open". */
const optionalUtcTime = z
  .string()
  .trim()
  .optional()
  .transform((value, context) => {
    if (!value) return null;
    const time = /^\d{4}-\d{2}-\d{2}$/.test(value) ? Date.parse(`${value}T00:00:00Z`) : Date.parse(value);
    if (Number.isNaN(time)) {
      context.addIssue({ code: "custom", message: "Enter a date as YYYY-MM-DD." });
      return z.NEVER;
    }
    return new Date(time);
  });

export const createSubscriptionInput = z
  .object({
    productId: id("a product"),
    contractId: id("a contract"),
    externalId: text("an external id", 100),
    externalUid: text("an external uid", 100),
    parameters: parametersText,
    status: subscriptionStatusSchema,
    activeFrom: optionalUtcTime,
    activeTo: optionalUtcTime,
    tier1AccountId: optionalId,
    tier2AccountId: optionalId,
  })
  .refine((input) => !input.activeFrom || !input.activeTo || input.activeFrom < input.activeTo, {
    path: ["activeTo"],
    message: "Active to must be after active from.",
  });
export type CreateSubscriptionInput = z.output<typeof createSubscriptionInput>;
