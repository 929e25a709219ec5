/** Public ids in the reference system's shapes (SPEC §1). */

function digits(count: number, random: () => number): string {
  return Array.from({ length: count }, () => Math.floor(random() * 10)).join("");
}

/** `UF-YYYY-MM-NNNN-NNNN`: the month of creation, then random digits (callers retry on a clash). */
export function newUsageFileId(now: Date, random: () => number = Math.random): string {
  const month = String(now.getUTCMonth() + 1).padStart(2, "0");
  return `UF-${now.getUTCFullYear()}-${month}-${digits(4, random)}-${digits(4, random)}`;
}

export const usageFileIdPattern = /^UF-\d{4}-\d{2}-\d{4}-\d{4}$/;

/** Records are numbered by the database; their public id is `UR-` and that number. */
export function usageRecordPublicId(id: number): string {
  return `UR-${id}`;
}

export function parseUsageRecordPublicId(publicId: string): number | null {
  const match = /^UR-(\d{1,15})$/.exec(publicId);
  return match ? Number(match[1]) : null;
}

/**
 * Ids of objects administrators create, in the seed's shapes with more random digits
 * (`ACC-12345678`, `PRD-123-456-789`, `AS-1234-5678`): too many to clash in a catalog's lifetime.
 */
export function newAdminObjectId(
  kind: "account" | "user" | "contract" | "product" | "subscription",
  random: () => number = Math.random,
): string {
  switch (kind) {
    case "account":
      return `ACC-${digits(8, random)}`;
    case "user":
      return `USR-${digits(8, random)}`;
    case "contract":
      return `CRD-${digits(8, random)}`;
    case "product":
      return `PRD-${digits(3, random)}-${digits(3, random)}-${digits(3, random)}`;
    case "subscription":
      return `AS-${digits(4, random)}-${digits(4, random)}`;
  }
}

/** Items are numbered within their product, as the seed does: `PRD-…-0001`. */
export function itemIdOf(productId: string, position: number): string {
  return `${productId}-${String(position).padStart(4, "0")}`;
}

/** `RUL-12345678`: a distributor's usage rule. */
export function newUsageRuleId(random: () => number = Math.random): string {
  return `RUL-${digits(8, random)}`;
}
