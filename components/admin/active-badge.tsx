/** Whether a user or contract is in use; a user may also still hold a temporary password. */
export function ActiveBadge({ active, pendingPassword = false }: { active: boolean; pendingPassword?: boolean }) {
  const [label, tone] = !active
    ? ["Inactive", "bg-slate-100 text-slate-600"]
    : pendingPassword
      ? ["Temporary password", "bg-amber-50 text-amber-800"]
      : ["Active", "bg-emerald-50 text-emerald-800"];
  return <span className={`inline-flex rounded-full px-2 py-0.5 text-xs font-medium ${tone}`}>{label}</span>;
}
