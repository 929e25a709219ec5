"use client";

import { createColumnHelper, type RowSelectionState } from "@tanstack/react-table";
import { useState } from "react";
import { DataTable } from "@/components/data-table/data-table";
import { DataTableToolbar, type FilterDefinition } from "@/components/data-table/data-table-toolbar";
import { KeysetPagination } from "@/components/data-table/keyset-pagination";
import type { UsageSchema } from "@/lib/domain/catalog";
import { usageRecordPublicId } from "@/lib/domain/ids";
import { recordStatusLabels, usageRecordStatuses } from "@/lib/domain/usage-file-status";
import { formatDateTime } from "@/lib/format";
import type { FormAction } from "@/lib/server/form-action";
import type { UsageRecordPage, UsageRecordView } from "@/lib/server/queries/usage-records";
import { CloseRecordDialog, CloseSelectedDialog } from "./close-records-dialogs";
import { CorrectRecordDialog } from "./correct-record-dialog";
import { EditBillingDialog } from "./edit-billing-dialog";
import { RecordStatusBadge } from "./record-status-badge";

const column = createColumnHelper<UsageRecordView>();

const mono = (value: string | null) => <span className="whitespace-nowrap font-mono tabular-nums">{value ?? "—"}</span>;
const time = (value: Date | null) => <span className="whitespace-nowrap">{value ? formatDateTime(value) : "—"}</span>;

/** The reviewer's closing of accepted records, one by one or ticked. */
export interface RecordClosingActions {
  usageFileId: string;
  /** Closes the records named in `recordIds` (one, or several separated by commas) under one billing reference. */
  close: FormAction;
}

const isClosable = (record: UsageRecordView) => record.status === "accepted";

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
          <EditBillingDialog
            action={edit.save}
            usageFileId={edit.usageFileId}
            record={{ ...row.original, publicId: usageRecordPublicId(row.original.id) }}
          />
        )}
      </div>
    ),
  });
}

function closingColumns(closing: RecordClosingActions) {
  return [
    column.display({
      id: "select",
      enableHiding: false,
      header: ({ table }) => (
        <input
          type="checkbox"
          aria-label="Select every closable record on this page"
          checked={table.getIsAllRowsSelected()}
          onChange={table.getToggleAllRowsSelectedHandler()}
        />
      ),
      cell: ({ row }) =>
        row.getCanSelect() ? (
          <input
            type="checkbox"
            aria-label={`Select ${usageRecordPublicId(row.original.id)}`}
            checked={row.getIsSelected()}
            onChange={row.getToggleSelectedHandler()}
          />
        ) : null,
    }),
    column.display({
      id: "close",
      header: "",
      enableHiding: false,
      cell: ({ row }) =>
        isClosable(row.original) ? (
          <CloseRecordDialog
            action={closing.close}
            usageFileId={closing.usageFileId}
            recordId={usageRecordPublicId(row.original.id)}
          />
        ) : null,
    }),
  ];
}

function columnsFor(schema: UsageSchema) {
  return [
    column.accessor("rowNumber", {
      id: "row",
      header: "Row",
      enableHiding: false,
      cell: ({ getValue }) => <span className="tabular-nums">{getValue()}</span>,
    }),
    column.accessor("recordId", { id: "record_id", header: "Record id", cell: ({ getValue }) => mono(getValue()) }),
    column.accessor("status", {
      header: "Status",
      enableSorting: false,
      cell: ({ getValue }) => <RecordStatusBadge status={getValue()} />,
    }),
    column.accessor("itemMpn", {
      id: "item",
      header: "Item",
      cell: ({ row }) => mono(row.original.itemMpn ?? row.original.itemId),
    }),
    column.accessor("subscriptionExternalId", {
      id: "subscription",
      header: "Subscription",
      cell: ({ row }) => mono(row.original.subscriptionExternalId ?? row.original.subscriptionId),
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
      cell: ({ getValue }) => <span className="line-clamp-2 max-w-xs">{getValue() ?? ""}</span>,
    }),
  ];
}

function errorsColumn(correction: { action: FormAction; usageFileId: string } | undefined) {
  return column.accessor("errors", {
    header: "Errors",
    enableSorting: false,
    cell: ({ row }) => <RecordErrors record={row.original} correction={correction} />,
  });
}

function RecordErrors({
  record,
  correction,
}: {
  record: UsageRecordView;
  correction?: { action: FormAction; usageFileId: string };
}) {
  if (!record.errors) return null;
  return (
    <div className="min-w-64 space-y-1">
      <ul className="space-y-0.5 text-xs text-red-700">
        {record.errors.map((error, index) => (
          <li key={index}>
            <span className="font-mono">{error.column}</span>: {error.message}
          </li>
        ))}
      </ul>
      {correction && record.sheetCells && (
        <CorrectRecordDialog
          action={correction.action}
          usageFileId={correction.usageFileId}
          record={{ id: record.id, rowNumber: record.rowNumber, errors: record.errors, sheetCells: record.sheetCells }}
        />
      )}
    </div>
  );
}

/**
 * A file's records, paged, sorted and filtered by the server; every control writes the URL. With
 * `correction`, invalid records can be corrected in place.
 */
export function RecordGrid({
  page,
  sort,
  size,
  hidden,
  schema,
  items,
  correction,
  closing,
  billingEdit,
}: {
  page: UsageRecordPage;
  sort: { column: string; desc: boolean };
  size: number;
  hidden: string[];
  schema: UsageSchema;
  items: { id: string; mpn: string }[];
  correction?: { action: FormAction; usageFileId: string };
  closing?: RecordClosingActions;
  billingEdit?: RecordBillingEdit;
}) {
  // A selection belongs to the page it was made on: another page starts with none.
  const [selection, setSelection] = useState<{ page: UsageRecordPage; state: RowSelectionState }>({ page, state: {} });
  const selected = selection.page === page ? selection.state : {};
  const setSelected = (state: RowSelectionState) => setSelection({ page, state });
  const [selectColumn, ...closingRest] = closing ? closingColumns(closing) : [];
  const showErrors = correction !== undefined || page.rows.some((row) => row.errors);
  const columns = [
    ...(selectColumn ? [selectColumn] : []),
    ...columnsFor(schema),
    ...(showErrors ? [errorsColumn(correction)] : []),
    ...(closing || billingEdit ? [billingColumn(billingEdit)] : []),
    ...closingRest,
  ];
  const filters: FilterDefinition[] = [
    {
      kind: "choice",
      param: "status",
      label: "Status",
      options: usageRecordStatuses.map((s) => ({ value: s, label: recordStatusLabels[s] })),
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
  ];
  return (
    <div>
      <DataTableToolbar searchLabel="Search record id, subscription or note" filters={filters} />
      {closing && (
        <div className="mb-2">
          <CloseSelectedDialog
            action={closing.close}
            usageFileId={closing.usageFileId}
            recordIds={Object.keys(selected)
              .filter((id) => selected[id])
              .map((id) => usageRecordPublicId(Number(id)))}
          />
        </div>
      )}
      <DataTable
        columns={columns}
        selection={closing && { state: selected, onChange: setSelected, canSelect: isClosable }}
        rows={page.rows}
        sort={sort}
        rowId={(row) => String(row.id)}
        hidden={hidden}
        columnChooser
        emptyMessage="No records match."
        rowClassName={(row) => (row.errors ? "bg-red-50/50" : "")}
      />
      <KeysetPagination
        total={page.total}
        totalIsLowerBound={page.totalIsLowerBound}
        shown={page.rows.length}
        size={size}
        next={page.next}
        previous={page.previous}
      />
    </div>
  );
}
