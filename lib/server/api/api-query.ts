import { z } from "zod";
import { userSortColumns } from "@/lib/domain/admin-query";
import { subscriptionStatusSchema, userRoleSchema } from "@/lib/domain/catalog";
import { missingUsageSortColumns } from "@/lib/domain/missing-usage";
import { requiredPeriodMonth } from "@/lib/domain/record-export";
import { decodeRecordListCursor } from "@/lib/domain/record-list-cursor";
import { subscriptionSortColumns } from "@/lib/domain/subscription-query";
import type { Sort } from "@/lib/domain/table-query";
import { sortToParam } from "@/lib/table-url";
import { usageFileSortColumns } from "@/lib/domain/usage-file-query";
import { usageFileStatusSchema, usageRecordStatusSchema } from "@/lib/domain/usage-file-status";
import { usageRecordSortColumns } from "@/lib/domain/usage-record-query";
import { eventCursorPattern, notificationTypes } from "@/lib/domain/notifications";
import { usageWarningCodeSchema } from "@/lib/domain/usage-warnings";
import { snakeCase } from "./wire-names";

/**
 * Query parameters of the public API's lists. Unlike a page's URL state, which falls back to its
 * defaults, a bad parameter here is the caller's error and answers 400.
 */
export const listWindow = z.object({
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});
export type ListWindow = z.output<typeof listWindow>;

/**
 * `order_by=name` ascending, `order_by=-name` descending, over the given columns, named in
 * snake_case like every field of the API (`-external_id`).
 */
export function orderBy<Column extends string>(columns: readonly [Column, ...Column[]], fallback: Sort<Column>) {
  const columnOf = new Map(columns.map((column) => [snakeCase(column), column]));
  const names = [...columnOf.keys()];
  const choices = [...names, ...names.map((name) => `-${name}`)] as [string, ...string[]];
  return z
    .enum(choices)
    .optional()
    .transform((value): Sort<Column> => {
      if (!value) return fallback;
      const desc = value.startsWith("-");
      return { column: columnOf.get(desc ? value.slice(1) : value)!, desc };
    });
}

const id = z.string().trim().min(1).max(200);

export const usageFileApiQuery = listWindow
  .extend({
    status: usageFileStatusSchema.optional(),
    product: id.optional(),
    contract: id.optional(),
    /** The vendor's own reference, exactly. */
    external_id: id.optional(),
    order_by: orderBy(usageFileSortColumns, { column: "updated", desc: true }),
  })
  .transform(({ external_id, ...query }) => ({ ...query, externalId: external_id }));

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Enter a date as YYYY-MM-DD.");

const recordOrder = orderBy(usageRecordSortColumns, { column: "row", desc: false });

/** `after`: a cursor from an earlier page's `Link: <…>; rel="next"`, refused (400) when it is not one. */
const recordCursor = z
  .string()
  .max(2000)
  .transform((text, context) => {
    const cursor = decodeRecordListCursor(text);
    if (!cursor) context.addIssue({ code: "custom", message: "Pass `after` as a link's cursor hands it out." });
    return cursor ?? z.NEVER;
  });

/**
 * Records of one usage file, or without `usagefile.id` of every file the caller may see. One file's
 * list is the cheaper: records are stored, indexed and counted per file. A page starts at `offset`
 * or just past the `after` cursor of the page before it, which costs the same however deep it is.
 */
export const usageRecordApiQuery = listWindow
  .extend({
    offset: z.coerce.number().int().min(0).optional(),
    after: recordCursor.optional().meta({
      description:
        'Start just past the last record of an earlier page: the cursor in that page\'s `Link: <…>; rel="next"`. Costs the same at any depth, unlike `offset`; not with `offset`, and only with the `order_by` it was given for.',
    }),
    "usagefile.id": id.optional(),
    status: usageRecordStatusSchema.optional(),
    "asset.id": id.optional(),
    "asset.external_id": id.optional(),
    "item.id": id.optional(),
    "item.mpn": id.optional(),
    /** Records whose window starts on or after this day (UTC). */
    start_from: day.optional(),
    /** Records whose window starts on or before this day (UTC). */
    start_to: day.optional(),
    warning: usageWarningCodeSchema.optional().meta({ description: "Only the records carrying this warning" }),
    anomalies: z
      .enum(["true", "false"])
      .optional()
      .meta({ description: "`true`: only the records of the subscription × item pairs flagged as anomalous" }),
    order_by: recordOrder,
  })
  .superRefine((query, context) => {
    if (!query.after) return;
    if (query.offset !== undefined) {
      context.addIssue({ code: "custom", path: ["after"], message: "Page by `offset` or by `after`, not both." });
    }
    if (query.after.orderBy !== sortToParam(query.order_by)) {
      context.addIssue({
        code: "custom",
        path: ["after"],
        message: `This cursor pages order_by=${query.after.orderBy}; ask with that order, or start again without it.`,
      });
    }
  })
  .transform((query) => ({
    usageFileId: query["usagefile.id"],
    window: { limit: query.limit, offset: query.offset ?? 0, after: query.after?.position },
    filters: {
      status: query.status,
      subscription: query["asset.id"] ?? query["asset.external_id"],
      item: query["item.id"],
      mpn: query["item.mpn"],
      from: query.start_from,
      to: query.start_to,
      warning: query.warning,
      anomalies: query.anomalies === "true",
    },
    sort: query.order_by,
  }));
export type UsageRecordApiQuery = z.output<typeof usageRecordApiQuery>;

export const userApiQuery = listWindow.extend({
  account: id.optional(),
  role: userRoleSchema.optional(),
  active: z.enum(["yes", "no"]).optional(),
  order_by: orderBy(userSortColumns, { column: "name", desc: false }),
});

/** `GET /usage/missing`: a month, maybe one product or contract, and a window of the answer. */
export const missingUsageApiQuery = listWindow.extend({
  period: requiredPeriodMonth.describe("The month the subscriptions were active in, YYYY-MM"),
  product: id.optional(),
  contract: id.optional(),
  order_by: orderBy(missingUsageSortColumns, { column: "externalId", desc: false }),
});

export const subscriptionApiQuery = listWindow.extend({
  product: id.optional(),
  contract: id.optional(),
  status: subscriptionStatusSchema.optional(),
  order_by: orderBy(subscriptionSortColumns, { column: "externalId", desc: false }),
});

/** `GET /events`: after a cursor, of some types (comma-separated), a page of at most `limit`. */
export const eventApiQuery = z.object({
  after: z.string().regex(eventCursorPattern, "Pass the next_cursor of a page as after.").optional(),
  types: z
    .string()
    .optional()
    .transform((text) => (text ? text.split(",").map((type) => type.trim()) : undefined))
    .pipe(z.array(z.enum(notificationTypes)).optional()),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});
