import { Select } from "@/components/ui/form";
import type { AccountOption } from "./options";

/** A select of accounts, named with their kind so vendors and distributors are told apart. */
export function AccountSelect({
  name,
  accounts,
  placeholder,
  required = true,
  defaultValue,
}: {
  name: string;
  accounts: readonly AccountOption[];
  placeholder: string;
  required?: boolean;
  defaultValue?: string;
}) {
  return (
    <Select name={name} required={required} defaultValue={defaultValue ?? ""}>
      <option value="">{placeholder}</option>
      {accounts.map((account) => (
        <option key={account.id} value={account.id}>
          {account.name} ({account.kind})
        </option>
      ))}
    </Select>
  );
}
