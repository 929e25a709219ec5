import { Select } from "@/components/ui/form";

export interface Option {
  value: string;
  label: string;
}

/** Stored values shown as they are, such as usage schemas or statuses. */
export function asOptions(values: readonly string[]): Option[] {
  return values.map((value) => ({ value, label: value }));
}

/**
 * A select for an admin form. With a placeholder it starts empty, so a required choice must be made;
 * without one the first option is chosen.
 */
export function OptionSelect({
  name,
  options,
  placeholder,
  required = true,
  defaultValue,
}: {
  name: string;
  options: readonly Option[];
  placeholder?: string;
  required?: boolean;
  defaultValue?: string;
}) {
  return (
    <Select
      name={name}
      required={required}
      defaultValue={defaultValue ?? (placeholder === undefined ? options[0]?.value : "")}
    >
      {placeholder !== undefined && <option value="">{placeholder}</option>}
      {options.map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
    </Select>
  );
}
