import { describe, expect, it } from "vitest";
import { eventActions, eventObjectTypes } from "./events";
import { usageFileActions } from "./usage-file-status";

describe("the events' names", () => {
  it("include every action of the usage-file state machine, each name once", () => {
    expect(eventActions).toEqual(expect.arrayContaining([...usageFileActions]));
    expect(new Set(eventActions).size).toBe(eventActions.length);
    expect(new Set(eventObjectTypes).size).toBe(eventObjectTypes.length);
  });
});
