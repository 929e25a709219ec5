import { OptionSelect } from "./option-select";
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
  const options = accounts.map((account) => ({ value: account.id, label: `${account.name} (${account.kind})` }));
  return (
    <OptionSelect
      name={name}
      options={options}
      placeholder={placeholder}
      required={required}
      defaultValue={defaultValue}
    />
  );
}
