import { z } from "zod";
import { userRoles } from "./catalog";
import { eventActions, eventObjectTypes } from "./events";
import { optionalChoice, optionalText, pageParam, pageSizeParam, sortParam } from "./table-query";

/** URL state of the admin console's server-paged tables. */

export const userSortColumns = ["name", "email", "account", "role", "created"] as const;
export type UserSortColumn = (typeof userSortColumns)[number];

export const userListQuery = z.object({
  page: pageParam,
  size: pageSizeParam,
  sort: sortParam(userSortColumns, { column: "name", desc: false }),
  /** Name or email. */
  q: optionalText,
  account: optionalText,
  role: optionalChoice(userRoles),
  active: optionalChoice(["yes", "no"]),
});
export type UserListQuery = z.output<typeof userListQuery>;

export const eventSortColumns = ["at"] as const;

export const eventListQuery = z.object({
  page: pageParam,
  size: pageSizeParam,
  sort: sortParam(eventSortColumns, { column: "at", desc: true }),
  /** The acting user's id or email. */
  actor: optionalText,
  account: optionalText,
  objectType: optionalChoice(eventObjectTypes),
  objectId: optionalText,
  action: optionalChoice(eventActions),
});
export type EventListQuery = z.output<typeof eventListQuery>;
