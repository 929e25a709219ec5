import { z } from "zod";
import { subscriptionStatuses } from "./catalog";
import { optionalChoice, optionalText, pageParam, pageSizeParam, sortParam } from "./table-query";

/** URL state of a subscriptions table: the admin console's and the vendor's. */

export const subscriptionSortColumns = ["externalId", "product", "contract", "status", "activeFrom"] as const;
export type SubscriptionSortColumn = (typeof subscriptionSortColumns)[number];

export const subscriptionListQuery = z.object({
  page: pageParam,
  size: pageSizeParam,
  sort: sortParam(subscriptionSortColumns, { column: "externalId", desc: false }),
  /** Id, external id or external uid. */
  q: optionalText,
  product: optionalText,
  contract: optionalText,
  status: optionalChoice(subscriptionStatuses),
});
export type SubscriptionListQuery = z.output<typeof subscriptionListQuery>;
