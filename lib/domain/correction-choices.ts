import { parseSheetTime } from "./sheet-time";
import { assetParameterPrefix, assetSearchCriteria, itemSearchCriteria, type RecordColumn } from "./usage-sheet";

/** One value a correction field offers, with what it names. */
export interface Choice {
  value: string;
  label: string;
}

/**
 * What the correction dialog offers for an invalid record of a file: the criteria, and for each
 * criterion the values that name an item of the file's product or a subscription of its product
 * and contract active in its period. Built on the server; the browser only looks them up.
 */
export interface CorrectionChoices {
  itemCriteria: readonly string[];
  items: Readonly<Record<string, readonly Choice[]>>;
  assetCriteria: readonly string[];
  subscriptions: Readonly<Record<string, readonly Choice[]>>;
}

export interface ChoiceItem {
  id: string;
  mpn: string;
  localId: string;
  name: string;
  unit: string;
}

export interface ChoiceSubscription {
  id: string;
  externalId: string;
  externalUid: string;
  parameters: Readonly<Record<string, string>>;
}

export function correctionChoices(
  items: readonly ChoiceItem[],
  subscriptions: readonly ChoiceSubscription[],
): CorrectionChoices {
  const itemLabel = (item: ChoiceItem) => `${item.name} (${item.unit})`;
  const subscriptionLabel = (subscription: ChoiceSubscription) => `${subscription.externalId} · ${subscription.id}`;
  const parameterNames = [...new Set(subscriptions.flatMap((s) => Object.keys(s.parameters)))].sort();
  const ofSubscriptions = (valueOf: (s: ChoiceSubscription) => string | undefined): Choice[] =>
    subscriptions.flatMap((s) => {
      const value = valueOf(s);
      return value === undefined || value === "" ? [] : [{ value, label: subscriptionLabel(s) }];
    });
  return {
    itemCriteria: itemSearchCriteria,
    items: {
      "item.mpn": items.map((item) => ({ value: item.mpn, label: itemLabel(item) })),
      "item.local_id": items.map((item) => ({ value: item.localId, label: itemLabel(item) })),
      "item.id": items.map((item) => ({ value: item.id, label: itemLabel(item) })),
    },
    assetCriteria: [...assetSearchCriteria, ...parameterNames.map((name) => assetParameterPrefix + name)],
    subscriptions: {
      "asset.id": ofSubscriptions((s) => s.id),
      "asset.external_id": ofSubscriptions((s) => s.externalId),
      "asset.external_uid": ofSubscriptions((s) => s.externalUid),
      ...Object.fromEntries(
        parameterNames.map((name) => [assetParameterPrefix + name, ofSubscriptions((s) => s.parameters[name])]),
      ),
    },
  };
}

/** How the dialog edits a cell: a list, a date-time picker, or free text. */
export type CorrectionInput = "itemCriteria" | "item" | "assetCriteria" | "subscription" | "time" | "text";

const inputs: Partial<Record<RecordColumn, CorrectionInput>> = {
  item_search_criteria: "itemCriteria",
  item_search_value: "item",
  asset_search_criteria: "assetCriteria",
  asset_search_value: "subscription",
  start_time_utc: "time",
  end_time_utc: "time",
};

export function correctionInputOf(column: string): CorrectionInput {
  return inputs[column as RecordColumn] ?? "text";
}

/**
 * A sheet time as a `datetime-local` input takes it (`YYYY-MM-DDThh:mm:ss`, the UTC wall clock), or
 * "" when the cell is not a time the upload would read.
 */
export function pickerValueOf(text: string): string {
  const time = parseSheetTime(text.trim());
  return time.ok ? new Date(time.epochMs).toISOString().slice(0, 19) : "";
}
