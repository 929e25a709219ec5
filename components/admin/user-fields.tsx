import { ActionField } from "@/components/ui/action-form";
import { userRoles } from "@/lib/domain/catalog";
import { AccountSelect } from "./account-select";
import { asOptions, OptionSelect } from "./option-select";
import type { AccountOption } from "./options";

/** Account and role, for creating a user and for moving one. */
export function UserPlacementFields({
  accounts,
  accountId,
  role,
}: {
  accounts: AccountOption[];
  accountId?: string;
  role?: string;
}) {
  return (
    <>
      <ActionField name="accountId" label="Account">
        <AccountSelect name="accountId" accounts={accounts} placeholder="Choose an account…" defaultValue={accountId} />
      </ActionField>
      <ActionField name="role" label="Role" hint="Platform users are admins; reseller users act as distributors.">
        <OptionSelect name="role" options={asOptions(userRoles)} placeholder="Choose a role…" defaultValue={role} />
      </ActionField>
    </>
  );
}
