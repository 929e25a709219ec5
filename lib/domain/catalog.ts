import { z } from "zod";

/** Usage schemas of a product (SPEC §1): which columns a record must carry. */
export const usageSchemas = ["QT", "TR", "PR", "CR"] as const;
export const usageSchemaSchema = z.enum(usageSchemas);
export type UsageSchema = z.infer<typeof usageSchemaSchema>;

/** How many decimals an item's quantity may carry. */
export const itemPrecisions = ["integer", "decimal_1", "decimal_2", "decimal_4", "decimal_8"] as const;
export const itemPrecisionSchema = z.enum(itemPrecisions);
export type ItemPrecision = z.infer<typeof itemPrecisionSchema>;

export const decimalPlacesOf: Record<ItemPrecision, number> = {
  integer: 0,
  decimal_1: 1,
  decimal_2: 2,
  decimal_4: 4,
  decimal_8: 8,
};

export const itemTypes = ["ppu", "reservation"] as const;
export const itemTypeSchema = z.enum(itemTypes);
export type ItemType = z.infer<typeof itemTypeSchema>;

export const accountKinds = ["vendor", "distributor", "reseller", "platform"] as const;
export const accountKindSchema = z.enum(accountKinds);
export type AccountKind = z.infer<typeof accountKindSchema>;

export const userRoles = ["vendor", "distributor", "admin"] as const;
export const userRoleSchema = z.enum(userRoles);
export type UserRole = z.infer<typeof userRoleSchema>;

export const subscriptionStatuses = ["active", "suspended", "terminated"] as const;
export const subscriptionStatusSchema = z.enum(subscriptionStatuses);
export type SubscriptionStatus = z.infer<typeof subscriptionStatusSchema>;

export const subscriptionStatusLabels: Record<SubscriptionStatus, string> = {
  active: "Active",
  suspended: "Suspended",
  terminated: "Terminated",
};
