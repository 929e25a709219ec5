import type { UserRole } from "./catalog";
import { usageFileStatuses, type UsageFileAction, type UsageFileStatus } from "./usage-file-status";

/** Who is acting: a signed-in user or an API key's owner. */
export interface Actor {
  userId: string;
  accountId: string;
  role: UserRole;
}

/** The fields of a usage file that decide who may see it and act on it. */
export interface UsageFileAccess {
  vendorAccountId: string;
  distributorAccountId: string;
  status: UsageFileStatus;
}

/** Distributors and resellers see a file only once it is submitted (SPEC §2). */
export const statusesVisibleToDistributors: readonly UsageFileStatus[] = ["pending", "accepted", "rejected", "closed"];

/** A deleted file is gone for everyone. */
const statusesNotDeleted: readonly UsageFileStatus[] = usageFileStatuses.filter((status) => status !== "deleted");

/**
 * Whose contracts an actor works under (SPEC §5): an admin's, all; a vendor's, those it sells
 * under; a distributor's (or reseller's), those it reviews.
 */
export type ContractScope =
  { kind: "all" } | { kind: "vendor"; vendorAccountId: string } | { kind: "distributor"; distributorAccountId: string };

export function contractScope(actor: Actor): ContractScope {
  switch (actor.role) {
    case "admin":
      return { kind: "all" };
    case "vendor":
      return { kind: "vendor", vendorAccountId: actor.accountId };
    case "distributor":
      return { kind: "distributor", distributorAccountId: actor.accountId };
  }
}

/**
 * Which usage files an actor may see (SPEC §5): those of its contracts, in some statuses.
 * The query layer turns it into the WHERE clause every read of usage files goes through.
 */
export type UsageFileScope = ContractScope & { statuses: readonly UsageFileStatus[] };

export function usageFileScope(actor: Actor): UsageFileScope {
  const statuses = actor.role === "distributor" ? statusesVisibleToDistributors : statusesNotDeleted;
  return { ...contractScope(actor), statuses };
}

/** Vendor actions: the file's own vendor account only. */
export function canAuthorUsageFile(actor: Actor, file: Pick<UsageFileAccess, "vendorAccountId">): boolean {
  return actor.role === "vendor" && actor.accountId === file.vendorAccountId;
}

/** Review and billing actions: the distributor or reseller of the file's contract only. */
export function canReviewUsageFile(actor: Actor, file: Pick<UsageFileAccess, "distributorAccountId">): boolean {
  return actor.role === "distributor" && actor.accountId === file.distributorAccountId;
}

/** The vendor's internal note is for the vendor's own account (and admins). */
export function canSeeInternalNote(actor: Actor, file: Pick<UsageFileAccess, "vendorAccountId">): boolean {
  return actor.role === "admin" || canAuthorUsageFile(actor, file);
}

/** Who may take each action on a file: its vendor, its reviewer (distributor or reseller), or only the system. */
const actionTakers: Record<UsageFileAction, "vendor" | "reviewer" | "system"> = {
  upload: "vendor",
  correct: "vendor",
  submit: "vendor",
  delete: "vendor",
  accept: "reviewer",
  reject: "reviewer",
  close: "reviewer",
  start_processing: "system",
  finish_valid: "system",
  finish_invalid: "system",
  fail_processing: "system",
};

export function canTakeAction(actor: Actor, file: UsageFileAccess, action: UsageFileAction): boolean {
  switch (actionTakers[action]) {
    case "vendor":
      return canAuthorUsageFile(actor, file);
    case "reviewer":
      return canReviewUsageFile(actor, file);
    case "system":
      return false;
  }
}

export function isAdmin(actor: Actor): boolean {
  return actor.role === "admin";
}

/** The page each role lands on after signing in. */
export const homePathOf: Record<UserRole, string> = {
  admin: "/admin",
  vendor: "/vendor",
  distributor: "/distributor",
};

/** Where an account's users manage its webhook endpoints. */
export const webhookSettingsPath = "/settings/webhooks";

/** Where a vendor or a distributor opens a usage file. */
export function usageFilePath(role: UserRole, usageFileId: string): string {
  return `${homePathOf[role]}/files/${encodeURIComponent(usageFileId)}`;
}
