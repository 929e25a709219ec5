"use client";

import { createColumnHelper, type RowSelectionState } from "@tanstack/react-table";
import { useId, useState, type ReactNode } from "react";
import { DataTable } from "@/components/data-table/data-table";
import { DataTableToolbar, type FilterDefinition } from "@/components/data-table/data-table-toolbar";
import { LoadFailed } from "@/components/data-table/load-failed";
import { formatTotal, Pager, type PagerMoves } from "@/components/data-table/pager";
import { useServerRows, type LoadedRows } from "@/components/data-table/use-server-rows";
import type { UsageSchema } from "@/lib/domain/catalog";
import type { CorrectionChoices } from "@/lib/domain/correction-choices";
import type { UsageRecordStatus } from "@/lib/domain/usage-file-status";
import type { UsageWarningCode } from "@/lib/domain/usage-warnings";
import { SubscriptionName } from "@/components/ui/subscription-name";
import { formatDateTime } from "@/lib/format";
import type { FormAction } from "@/lib/server/form-action";
import {
  DisputeMatchingDialog,
  DisputeSelectedDialog,
  type RecordDisputeActions,
} from "@/components/review/dispute-records-dialogs";
import type { ReviewFilter } from "@/lib/domain/usage-disputes";
import { CloseRecordDialog, CloseSelectedDialog } from "./close-records-dialogs";
import { CommentRecordDialog } from "./comment-record-dialog";
import { CopyableId } from "./copyable-id";
import { CorrectRecordDialog } from "./correct-record-dialog";
import { EditBillingDialog } from "./edit-billing-dialog";
import type { RecordGridPage, RecordGridRow } from "./record-grid-page";
import { RecordStatusBadge } from "./record-status-badge";
import { RecordWarnings } from "./record-warnings";

const column = createColumnHelper<RecordGridRow>();

const mono = (value: string | null) => <span className="whitespace-nowrap font-mono tabular-nums">{value ?? "—"}</span>;
const time = (value: Date | null) => <span className="whitespace-nowrap">{value ? formatDateTime(value) : "—"}</span>;

/** The reviewer's closing of accepted records, one by one or ticked. */
export interface RecordClosingActions {
  usageFileId: string;
  /** Closes the records named in `recordIds` (one, or several separated by commas) under one billing reference. */
  close: FormAction;
}

/** The vendor's correction of invalid records, with the lists its fields offer. */
export type Correction = { action: FormAction; usageFileId: string; choices: CorrectionChoices };

const isClosable = (record: RecordGridRow) => record.status === "accepted";
const isDisputable = (record: RecordGridRow) => record.status === "pending";

/** The `UR-…` id, the name reconciliation and "close records by id" ask for; hidden until the viewer shows it. */
const publicIdColumn = "id";

/** The reviewer's correction of a closed record's billing reference. */
export interface RecordBillingEdit {
  usageFileId: string;
  /** Saves the record's (`recordId`) new `externalBillingId` and `externalBillingNote`. */
  save: FormAction;
}

function billingColumn(edit: RecordBillingEdit | undefined) {
  return column.accessor("externalBillingId", {
    id: "billing",
    header: "Billing id",
    enableSorting: false,
    cell: ({ row, getValue }) => (
      <div className="flex items-center gap-2">
        {mono(getValue())}
        {edit && row.original.status === "closed" && (
          <EditBillingDialog action={edit.save} usageFileId={edit.usageFileId} record={row.original} />
        )}
      </div>
    ),
  });
}

/** A comment on one record, into the file's conversation; `maxLength` is the comment's limit. */
export interface RecordCommenting {
  usageFileId: string;
  action: FormAction;
  maxLength: number;
}

function commentColumn(commenting: RecordCommenting) {
  return column.display({
    id: "comment",
    header: () => <span className="sr-only">Comment</span>,
    enableHiding: false,
    cell: ({ row }) => (
      <CommentRecordDialog
        action={commenting.action}
        usageFileId={commenting.usageFileId}
        record={row.original}
        maxLength={commenting.maxLength}
      />
    ),
  });
}

function closingColumns(closing: RecordClosingActions) {
  return [
    column.display({
      id: "close",
      header: () => <span className="sr-only">Close</span>,
      enableHiding: false,
      cell: ({ row }) =>
        isClosable(row.original) ? (
          <CloseRecordDialog
            action={closing.close}
            usageFileId={closing.usageFileId}
            recordId={row.original.publicId}
          />
        ) : null,
    }),
  ];
}

function identityColumns(statusLabels: Record<UsageRecordStatus, string>) {
  return [
    column.accessor("rowNumber", {
      id: "row",
      header: "Row",
      enableHiding: false,
      cell: ({ getValue }) => <span className="tabular-nums">{getValue()}</span>,
    }),
    column.accessor("publicId", {
      id: publicIdColumn,
      header: "Id",
      enableSorting: false,
      cell: ({ getValue }) => <CopyableId value={getValue()} />,
    }),
    column.accessor("recordId", {
      id: "record_id",
      header: "Record id",
      cell: ({ row }) => (
        <>
          {mono(row.original.recordId)}
          {row.original.amendmentNote && (
            <span
              className={`block whitespace-nowrap text-xs ${row.original.reversal ? "text-rose-700" : "text-slate-600"}`}
            >
              {row.original.amendmentNote}
            </span>
          )}
        </>
      ),
    }),
    column.accessor("status", {
      header: "Status",
      enableSorting: false,
      cell: ({ getValue }) => <RecordStatusBadge status={getValue()} label={statusLabels[getValue()]} />,
    }),
  ];
}

function valueColumns(schema: UsageSchema) {
  return [
    column.accessor("itemMpn", {
      id: "item",
      header: "Item",
      cell: ({ row }) => mono(row.original.itemMpn ?? row.original.itemId),
    }),
    column.accessor("subscriptionExternalId", {
      id: "subscription",
      header: "Subscription",
      cell: ({ row }) =>
        row.original.subscriptionId ? (
          <SubscriptionName id={row.original.subscriptionId} externalId={row.original.subscriptionExternalId} />
        ) : (
          "—"
        ),
    }),
    column.accessor("quantity", { header: "Quantity", cell: ({ getValue }) => mono(getValue()) }),
    column.accessor("startTime", { id: "start", header: "Start (UTC)", cell: ({ getValue }) => time(getValue()) }),
    column.accessor("endTime", { id: "end", header: "End (UTC)", cell: ({ getValue }) => time(getValue()) }),
    ...(schema === "QT"
      ? []
      : [column.accessor("amount", { header: "Amount", cell: ({ getValue }) => mono(getValue()) })]),
    ...(schema === "TR"
      ? [column.accessor("tier", { header: "Tier", cell: ({ getValue }) => getValue() ?? "—" })]
      : []),
    column.accessor("categoryId", { id: "category", header: "Category", cell: ({ getValue }) => getValue() ?? "—" }),
    column.accessor("note", {
      header: "Note",
      cell: ({ getValue }) => <span className="line-clamp-2 min-w-40 max-w-xs">{getValue() ?? ""}</span>,
    }),
  ];
}

function errorsColumn(correction: Correction | undefined) {
  return column.accessor("errors", {
    header: "Errors",
    enableSorting: false,
    enableHiding: false,
    cell: ({ row }) => <RecordErrors record={row.original} correction={correction} />,
  });
}

/** An invalid record's errors; with `correction`, its Correct button (also a valid record's of a Rejected file). */
function RecordErrors({ record, correction }: { record: RecordGridRow; correction?: Correction }) {
  const correctable = correction && record.cells;
  if (!record.errors && !correctable) return null;
  return (
    <div className="min-w-56 space-y-1">
      {record.errors && (
        <ul className="space-y-0.5 text-xs text-red-700">
          {record.errors.map((error, index) => (
            <li key={index}>
              <span className="font-mono">{error.column}</span>: {error.message}
            </li>
          ))}
        </ul>
      )}
      {correction && record.cells && (
        <CorrectRecordDialog
          action={correction.action}
          usageFileId={correction.usageFileId}
          choices={correction.choices}
          record={{ id: record.id, rowNumber: record.rowNumber, errors: record.errors ?? [], cells: record.cells }}
        />
      )}
    </div>
  );
}

function warningsColumn(fileHref: string, labels: Record<UsageWarningCode, string>) {
  return column.accessor("warnings", {
    header: "Warnings",
    enableSorting: false,
    cell: ({ getValue }) => <RecordWarnings warnings={getValue()} fileHref={fileHref} labels={labels} />,
  });
}

/** Keyset moves: each carries the position of the row it starts from, so the next page can say where it is. */
function keysetMoves(page: RecordGridPage): PagerMoves {
  const clear = { after: null, before: null, at: null, last: null };
  const end = page.start === null ? null : String(page.start + page.rows.length - 1);
  return {
    first: page.previous ? clear : undefined,
    previous: page.previous
      ? { ...clear, before: page.previous, at: page.start === null ? null : String(page.start) }
      : undefined,
    next: page.next ? { ...clear, after: page.next, at: end } : undefined,
    last: page.next && !page.totalIsLowerBound ? { ...clear, last: "1" } : undefined,
  };
}

function filtersFor(
  items: { id: string; mpn: string }[],
  statusLabels: Record<UsageRecordStatus, string>,
  warningLabels: Record<UsageWarningCode, string>,
  reviewLabels: Record<ReviewFilter, string> | undefined,
) {
  const review = reviewLabels
    ? [
        {
          kind: "choice",
          param: "review",
          label: "Last review",
          options: Object.entries(reviewLabels).map(([value, label]) => ({ value, label })),
        } satisfies FilterDefinition,
      ]
    : [];
  return [
    ...review,
    {
      kind: "choice",
      param: "status",
      label: "Status",
      options: Object.entries(statusLabels).map(([value, label]) => ({ value, label })),
    },
    {
      kind: "choice",
      param: "item",
      label: "Item",
      options: items.map((item) => ({ value: item.id, label: item.mpn })),
    },
    { kind: "input", param: "subscription", label: "Subscription", type: "text" },
    { kind: "input", param: "from", label: "Starts from", type: "date" },
    { kind: "input", param: "to", label: "Starts until", type: "date" },
    { kind: "input", param: "minQuantity", label: "Quantity ≥", type: "number" },
    { kind: "input", param: "maxQuantity", label: "Quantity ≤", type: "number" },
    { kind: "toggle", param: "invalid", label: "Invalid only" },
    {
      kind: "choice",
      param: "warning",
      label: "Warning",
      options: Object.entries(warningLabels).map(([value, label]) => ({ value, label })),
    },
    { kind: "toggle", param: "anomalies", label: "Anomalies only" },
  ] satisfies FilterDefinition[];
}

/**
 * A file's records, paged, sorted and filtered by the server. Every control writes the URL and
 * fetches only the grid's rows (from `source`); the heading counts what the filters leave. With
 * `correction`, invalid records can be corrected in place; with `closing`, accepted ones closed;
 * with `commenting`, any one commented on; with `dispute`, the reviewer ticks records (or takes all
 * matching) and rejects the file disputing them.
 */
export function RecordGrid({
  initial,
  source,
  fileTotal,
  schema,
  items,
  statusLabels,
  warningLabels,
  correction,
  closing,
  billingEdit,
  commenting,
  dispute,
  reviewLabels,
  otherFileHref,
  children,
}: {
  initial: LoadedRows<RecordGridPage>;
  /** Where its rows come from: the `/rows/records` route for this file. */
  source: string;
  /** The file's records without filters, from its stats. */
  fileTotal: number;
  schema: UsageSchema;
  items: { id: string; mpn: string }[];
  statusLabels: Record<UsageRecordStatus, string>;
  warningLabels: Record<UsageWarningCode, string>;
  correction?: Correction;
  closing?: RecordClosingActions;
  billingEdit?: RecordBillingEdit;
  commenting?: RecordCommenting;
  dispute?: RecordDisputeActions;
  /** The "last review" filter's labels, for a file that was rejected before. */
  reviewLabels?: Record<ReviewFilter, string>;
  /** Where the viewer opens a usage file, such as `/vendor/files`: a warning links to the other file there. */
  otherFileHref: string;
  /** Shown under the heading, such as download links. */
  children?: ReactNode;
}) {
  const headingId = useId();
  const { page, shownQuery, pending, failed, retry } = useServerRows(initial, source);
  // A selection belongs to the page it was made on: another page starts with none.
  const [selection, setSelection] = useState<{ page: RecordGridPage; state: RowSelectionState }>({ page, state: {} });
  const selected = selection.page === page ? selection.state : {};
  const setSelected = (state: RowSelectionState) => setSelection({ page, state });
  const showErrors = correction !== undefined || page.rows.some((row) => row.errors);
  // Warnings beside the status, not past the values: a reviewer sees them without scrolling the table.
  const columns = [
    ...identityColumns(statusLabels),
    ...(page.rows.some((row) => row.warnings.length > 0) ? [warningsColumn(otherFileHref, warningLabels)] : []),
    ...valueColumns(schema),
    ...(showErrors ? [errorsColumn(correction)] : []),
    ...(closing || billingEdit ? [billingColumn(billingEdit)] : []),
    ...(closing ? closingColumns(closing) : []),
    ...(commenting ? [commentColumn(commenting)] : []),
  ];
  const matching = formatTotal(page);
  const selectedRows = page.rows.filter((row) => selected[String(row.id)]);
  const selectedIds = selectedRows.map((row) => row.publicId);

  return (
    <section aria-labelledby={headingId} className="min-w-0" data-rows-query={shownQuery}>
      <h2 id={headingId} className="mb-3 text-lg font-semibold">
        Records{" "}
        <span className="text-sm font-normal text-slate-500">
          {matching === fileTotal.toLocaleString("en-US")
            ? matching
            : `${matching} of ${formatTotal({ total: fileTotal, totalIsLowerBound: false })} match`}
        </span>
      </h2>
      {children}
      <DataTableToolbar
        searchLabel="Search record id, subscription or note"
        filters={filtersFor(items, statusLabels, warningLabels, reviewLabels)}
      />
      {dispute && (
        <div className="mb-2 flex flex-wrap gap-2">
          <DisputeSelectedDialog
            dispute={dispute}
            records={selectedRows.map((row) => ({ id: row.publicId, recordId: row.recordId }))}
          />
          {shownQuery && !page.totalIsLowerBound && page.total > 0 && page.total <= dispute.maxRecords && (
            <DisputeMatchingDialog dispute={dispute} rowsQuery={shownQuery} total={matching} />
          )}
        </div>
      )}
      {closing && (
        <div className="mb-2">
          <CloseSelectedDialog action={closing.close} usageFileId={closing.usageFileId} recordIds={selectedIds} />
        </div>
      )}
      <DataTable
        columns={columns}
        caption="Record rows"
        selection={
          closing
            ? {
                state: selected,
                onChange: setSelected,
                canSelect: isClosable,
                label: (row) => `Select ${row.publicId}`,
                allLabel: "Select every closable record on this page",
              }
            : dispute && {
                state: selected,
                onChange: setSelected,
                canSelect: isDisputable,
                label: (row) => `Dispute ${row.publicId}`,
                allLabel: "Dispute every record on this page",
              }
        }
        rows={page.rows}
        sort={page.sort}
        rowId={(row) => String(row.id)}
        columnChooser
        defaultHidden={[publicIdColumn]}
        emptyMessage="No records match."
        rowClassName={(row) => (row.errors ? "bg-red-50" : row.warnings.length > 0 ? "bg-amber-50" : "")}
        pending={pending}
      />
      {failed && <LoadFailed retry={retry} />}
      <Pager
        counts={{
          start: page.start,
          shown: page.rows.length,
          total: page.total,
          totalIsLowerBound: page.totalIsLowerBound,
        }}
        moves={keysetMoves(page)}
        size={page.size}
        sizes={page.sizes}
      />
    </section>
  );
}
