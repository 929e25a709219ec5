import { usageFileActions } from "./usage-file-status";

/** What an audit event is about. */
export const eventObjectTypes = [
  "usage_file",
  "user",
  "account",
  "contract",
  "product",
  "item",
  "subscription",
  "api_key",
  "sign_in",
  "usage_rule",
] as const;
export type EventObjectType = (typeof eventObjectTypes)[number];

/**
 * Every action an event may name: the usage-file state machine's own, and what else people do. The
 * history, the audit log and the API read events through this list, so none can name another.
 */
export const eventActions = [
  ...usageFileActions,
  "create",
  "update",
  "rename",
  "record_fixed",
  "close_records",
  "record_billing_changed",
  "deactivate",
  "reactivate",
  "reset_password",
  "change_password",
  "revoke",
  "sign_in",
  "sign_in_failed",
] as const;
export type EventAction = (typeof eventActions)[number];
