import type { AccountKind, UserRole } from "./catalog";
import { fail, ok, type Result } from "./errors";

/** The role a user of each kind of account has: a reseller's users act as distributors (SPEC §1). */
export const roleOfAccountKind: Record<AccountKind, UserRole> = {
  platform: "admin",
  vendor: "vendor",
  distributor: "distributor",
  reseller: "distributor",
};

export function roleFitsAccount(role: UserRole, kind: AccountKind): boolean {
  return roleOfAccountKind[kind] === role;
}

export function roleFitsAccountMessage(kind: AccountKind): string {
  return `Users of a ${kind} account have the ${roleOfAccountKind[kind]} role.`;
}

interface AdminStanding {
  role: UserRole;
  active: boolean;
}

/**
 * The platform must keep one active admin: a change that takes the last one's role or activity
 * away would lock every administrator out.
 */
export function removesLastAdmin(before: AdminStanding, after: AdminStanding, activeAdmins: number): boolean {
  const wasAdmin = before.role === "admin" && before.active;
  const staysAdmin = after.role === "admin" && after.active;
  return wasAdmin && !staysAdmin && activeAdmins <= 1;
}

/**
 * An admin's create or reset gives a user a password the admin knows too: until the user replaces
 * it, nothing else is allowed, whether the user signs in or calls with an API key made before.
 */
export function clearedToAct<User extends { mustChangePassword: boolean }>(user: User): Result<User> {
  return user.mustChangePassword
    ? fail("forbidden", "You must first change your temporary password: sign in to the portal and replace it.")
    : ok(user);
}
