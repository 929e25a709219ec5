/** One checkbox per event type, named `event:<type>`, with its label and its wire name under it. */
export function EventTypeCheckboxes<Type extends string>({
  legend,
  types,
  labels,
  checked,
}: {
  legend: string;
  types: readonly Type[];
  labels: Record<Type, string>;
  checked: readonly Type[];
}) {
  return (
    <fieldset>
      <legend className="text-sm font-medium text-slate-800">{legend}</legend>
      <div className="mt-1 grid gap-x-4 gap-y-2 text-sm sm:grid-cols-2">
        {types.map((type) => (
          <label key={type} className="flex items-start gap-2">
            <input type="checkbox" name={`event:${type}`} defaultChecked={checked.includes(type)} className="mt-1" />
            <span>
              {labels[type]}
              <span className="block break-all font-mono text-xs text-slate-500">{type}</span>
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
