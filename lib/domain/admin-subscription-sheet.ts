import type { z } from "zod";
import type { createSubscriptionInput } from "./admin-input";

type SubscriptionField = keyof z.input<typeof createSubscriptionInput>;

/** The header of a subscription import sheet, and the form field each column fills. */
export const subscriptionSheetColumns = {
  product_id: "productId",
  contract_id: "contractId",
  external_id: "externalId",
  external_uid: "externalUid",
  parameters: "parameters",
  status: "status",
  active_from: "activeFrom",
  active_to: "activeTo",
  tier1_account_id: "tier1AccountId",
  tier2_account_id: "tier2AccountId",
} as const satisfies Record<string, SubscriptionField>;

type SheetColumn = keyof typeof subscriptionSheetColumns;

const requiredColumns: readonly SheetColumn[] = ["product_id", "contract_id", "external_id", "external_uid", "status"];

/** One problem of an import, named by the sheet's row number (the header is row 1) and column. */
export interface SheetRowError {
  row: number;
  column?: string;
  message: string;
}

/** Which field each column of the header fills, or what is wrong with the header. */
export function readSubscriptionHeader(
  header: readonly string[],
): { fields: (SubscriptionField | null)[] } | { errors: SheetRowError[] } {
  const names = header.map((cell) => cell.trim().toLowerCase());
  const errors: SheetRowError[] = [];
  for (const name of names) {
    if (name && !(name in subscriptionSheetColumns))
      errors.push({ row: 1, column: name, message: `Unknown column "${name}".` });
  }
  for (const column of requiredColumns) {
    if (!names.includes(column)) errors.push({ row: 1, column, message: `The column "${column}" is missing.` });
  }
  if (errors.length > 0) return { errors };
  return { fields: names.map((name) => (name ? subscriptionSheetColumns[name as SheetColumn] : null)) };
}

/** A row's cells as the subscription form's fields. */
export function subscriptionRowFields(
  fields: readonly (SubscriptionField | null)[],
  values: readonly string[],
): Record<string, string> {
  const input: Record<string, string> = {};
  fields.forEach((field, index) => {
    if (field) input[field] = values[index] ?? "";
  });
  return input;
}

/** The sheet column a form field came from, to name it in an error. */
export function sheetColumnOf(field: string): string | undefined {
  return Object.entries(subscriptionSheetColumns).find(([, name]) => name === field)?.[0];
}
