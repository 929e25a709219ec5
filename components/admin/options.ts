import type { AccountKind } from "@/lib/domain/catalog";

/** An account as the admin forms offer it in a select. */
export interface AccountOption {
  id: string;
  name: string;
  kind: AccountKind;
}

export function accountsOfKind(accounts: readonly AccountOption[], ...kinds: AccountKind[]): AccountOption[] {
  return accounts.filter((account) => kinds.includes(account.kind));
}
