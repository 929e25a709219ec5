import { ActionField } from "@/components/ui/action-form";
import { Select } from "@/components/ui/form";
import { userRoles } from "@/lib/domain/catalog";
import { AccountSelect } from "./account-select";
import type { AccountOption } from "./options";

/** Account and role, for creating a user and for moving one. */
export function UserPlacementFields({ accounts, accountId, role }: { accounts: AccountOption[]; accountId?: string; role?: string }) {
  return (
    <>
      <ActionField name="accountId" label="Account">
        <AccountSelect name="accountId" accounts={accounts} placeholder="Choose an account…" defaultValue={accountId} />
      </ActionField>
      <ActionField name="role" label="Role" hint="Platform users are admins; reseller users act as distributors.">
        <Select name="role" required defaultValue={role ?? ""}>
          <option value="">Choose a role…</option>
          {userRoles.map((option) => (
            <option key={option} value={option}>
              {option}
            </option>
          ))}
        </Select>
      </ActionField>
    </>
  );
}
