import { Select } from "@/components/ui/form";

/** A required select over a fixed list of values, shown as they are stored. */
export function ChoiceSelect({ name, values, defaultValue }: { name: string; values: readonly string[]; defaultValue?: string }) {
  return (
    <Select name={name} required defaultValue={defaultValue ?? values[0]}>
      {values.map((value) => (
        <option key={value} value={value}>
          {value}
        </option>
      ))}
    </Select>
  );
}
