import { describe, expect, it } from "vitest";
import { correctionChoices, correctionInputOf, pickerValueOf, type ChoiceSubscription } from "./correction-choices";

const items = [{ id: "PRD-1-0001", mpn: "BKP-TB", localId: "tb", name: "Backup storage", unit: "TB-month" }];
const subscriptions: ChoiceSubscription[] = [
  { id: "AS-1", externalId: "EXT-1", externalUid: "uid-1", parameters: { region: "eu", plan: "gold" } },
  { id: "AS-2", externalId: "EXT-2", externalUid: "uid-2", parameters: { region: "us" } },
];

describe("what the correction dialog offers", () => {
  it("offers the product's items by each item criterion, named with their unit", () => {
    const choices = correctionChoices(items, subscriptions);
    expect(choices.itemCriteria).toEqual(["item.mpn", "item.local_id", "item.id"]);
    const label = "Backup storage (TB-month)";
    expect(choices.items["item.mpn"]).toEqual([{ value: "BKP-TB", label }]);
    expect(choices.items["item.local_id"]).toEqual([{ value: "tb", label }]);
    expect(choices.items["item.id"]).toEqual([{ value: "PRD-1-0001", label }]);
  });

  it("offers the subscriptions by each asset criterion, parameters included, each named by external and AS id", () => {
    const choices = correctionChoices(items, subscriptions);
    expect(choices.assetCriteria).toEqual([
      "asset.id",
      "asset.external_id",
      "asset.external_uid",
      "parameter.plan",
      "parameter.region",
    ]);
    expect(choices.subscriptions["asset.external_id"]).toEqual([
      { value: "EXT-1", label: "EXT-1 · AS-1" },
      { value: "EXT-2", label: "EXT-2 · AS-2" },
    ]);
    expect(choices.subscriptions["asset.id"]?.map((c) => c.value)).toEqual(["AS-1", "AS-2"]);
    expect(choices.subscriptions["parameter.plan"]).toEqual([{ value: "gold", label: "EXT-1 · AS-1" }]);
    expect(choices.subscriptions["parameter.region"]?.map((c) => c.value)).toEqual(["eu", "us"]);
  });

  it("edits criteria and search values from lists, times with a picker, the rest as text", () => {
    expect(correctionInputOf("item_search_value")).toBe("item");
    expect(correctionInputOf("asset_search_value")).toBe("subscription");
    expect(correctionInputOf("end_time_utc")).toBe("time");
    expect(correctionInputOf("quantity")).toBe("text");
    expect(correctionInputOf("v.region")).toBe("text");
  });

  it("puts a sheet time in the picker as its UTC wall clock, and leaves the picker empty for text that is no time", () => {
    expect(pickerValueOf("2026-03-10 06:30:00")).toBe("2026-03-10T06:30:00");
    expect(pickerValueOf("2026-03-10T08:30:00+02:00")).toBe("2026-03-10T06:30:00");
    expect(pickerValueOf("2026-03-10")).toBe("2026-03-10T00:00:00");
    expect(pickerValueOf("yesterday")).toBe("");
  });
});
