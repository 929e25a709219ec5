import { describe, expect, it } from "vitest";
import { seedDemoData } from "@/db/seed";
import { withTestDatabase } from "@/test/db";
import { acmeVendor, globexVendor, northwindDistributor } from "@/test/usage-workbooks";
import { listContractChoices, listProductItems, listUsageFileItems } from "./catalog";

const database = withTestDatabase();

// Seeded (db/seed.ts): Acme's PRD-100-001 on -0002 (Ready) and -0003 (Pending, Northwind's contract).
const acmeCompute = "PRD-100-001";
const readyFile = "UF-2026-10-1001-0002";
const pendingFile = "UF-2026-10-1001-0003";

describe("a product's items", () => {
  it("go to the product's vendor, and to nobody else asking by product", async () => {
    await seedDemoData(database.handle.db);
    expect((await listProductItems(acmeVendor, acmeCompute)).length).toBeGreaterThan(0);
    expect(await listProductItems(globexVendor, acmeCompute)).toEqual([]);
    expect(await listProductItems(northwindDistributor, acmeCompute)).toEqual([]);
  });

  it("go with a usage file to whoever may see the file: its reviewer from Pending on", async () => {
    await seedDemoData(database.handle.db);
    const ofProduct = await listProductItems(acmeVendor, acmeCompute);
    expect(await listUsageFileItems(northwindDistributor, pendingFile)).toEqual(ofProduct);
    expect(await listUsageFileItems(northwindDistributor, readyFile)).toEqual([]);
    expect(await listUsageFileItems(globexVendor, readyFile)).toEqual([]);
    expect(await listUsageFileItems(acmeVendor, readyFile)).toEqual(ofProduct);
  });
});

describe("a report's contract and product choices", () => {
  it("are the contracts the actor works under, with both parties, and their vendors' products", async () => {
    await seedDemoData(database.handle.db);
    const northwind = await listContractChoices(northwindDistributor);
    expect(northwind.contracts).toEqual([
      { id: "CRD-00001", vendorName: "Acme Cloud", distributorName: "Northwind Distribution" },
      { id: "CRD-00003", vendorName: "Globex Software", distributorName: "Northwind Distribution" },
    ]);
    expect(northwind.products.map((product) => product.name)).toEqual(["Acme Backup", "Acme Compute", "Globex Office"]);
    const globex = await listContractChoices(globexVendor);
    expect(globex.contracts.map((contract) => contract.id)).toEqual(["CRD-00003"]);
    expect(globex.products).toEqual([{ id: "PRD-200-001", name: "Globex Office" }]);
  });
});
