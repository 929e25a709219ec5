import { z } from "zod";
import {
  createAccountInput,
  createContractInput,
  createItemInput,
  createProductInput,
  createSubscriptionInput,
  createUserInput,
  renameAccountInput,
  updateUserInput,
} from "@/lib/domain/admin-input";
import { listWindow, subscriptionApiQuery, usageFileApiQuery, usageRecordApiQuery, userApiQuery } from "@/lib/domain/api-query";
import { exportFormatParam, recordExportQuery } from "@/lib/domain/record-export";
import { createUsageFileInput, updateUsageFileInput } from "@/lib/domain/usage-file-input";
import {
  acceptUsageFileInput,
  billingReferenceInput,
  closeRecordsInput,
  closeUsageFileInput,
  closeUsageRecordsByIdInput,
  rejectUsageFileInput,
} from "@/lib/domain/usage-file-review";
import { answers } from "./answers";
import { endpoint, type Endpoint } from "./endpoint";

const vendor = ["vendor"] as const;
const reviewer = ["distributor"] as const;
const admin = ["admin"] as const;
const everyone = ["vendor", "distributor", "admin"] as const;
const noBody = z.object({});

/**
 * Every endpoint of the public API. Route handlers parse their input with these schemas, and the
 * OpenAPI document and the reference page are written from this list, so the three cannot differ.
 */
export const usageFileEndpoints = {
  list: endpoint({ method: "get", path: "/usage/files", summary: "List the usage files you may see", roles: everyone, query: usageFileApiQuery, reply: "list", answer: answers.usageFile }),
  create: endpoint({ method: "post", path: "/usage/files", summary: "Create a Draft usage file", roles: vendor, body: createUsageFileInput, reply: "created", answer: answers.usageFile }),
  get: endpoint({ method: "get", path: "/usage/files/{id}", summary: "A usage file, with its status and processing progress", roles: everyone, reply: "object", answer: answers.usageFile }),
  update: endpoint({ method: "put", path: "/usage/files/{id}", summary: "Change a file's name, description or internal note", roles: vendor, body: updateUsageFileInput, reply: "object", answer: answers.usageFile }),
  upload: endpoint({ method: "post", path: "/usage/files/{id}/upload", summary: "Upload the usage spreadsheet; it is queued for processing", roles: vendor, upload: "usage_file", reply: "accepted", answer: answers.usageFileStatus }),
  reprocess: endpoint({ method: "post", path: "/usage/files/{id}/reprocess", summary: "Process the current upload again; it is queued like an upload", roles: vendor, body: noBody, reply: "accepted", answer: answers.usageFileStatus }),
  submit: endpoint({ method: "post", path: "/usage/files/{id}/submit", summary: "Submit a Ready file for review", roles: vendor, body: noBody, reply: "object", answer: answers.usageFile }),
  delete: endpoint({ method: "post", path: "/usage/files/{id}/delete", summary: "Delete a file not yet submitted (kept for audit)", roles: vendor, body: noBody, reply: "object", answer: answers.deletedUsageFile }),
  accept: endpoint({ method: "post", path: "/usage/files/{id}/accept", summary: "Accept a Pending file", roles: reviewer, body: acceptUsageFileInput, reply: "object", answer: answers.usageFile }),
  reject: endpoint({ method: "post", path: "/usage/files/{id}/reject", summary: "Reject a Pending file with a note", roles: reviewer, body: rejectUsageFileInput, reply: "object", answer: answers.usageFile }),
  close: endpoint({ method: "post", path: "/usage/files/{id}/close", summary: "Close an Accepted file; a billing id closes its remaining records", roles: reviewer, body: closeUsageFileInput, reply: "object", answer: answers.usageFile }),
  closeRecords: endpoint({ method: "post", path: "/usage/files/{id}/close-records", summary: "Close records of the file with one billing id", roles: reviewer, body: closeRecordsInput, reply: "object", answer: answers.closingReport }),
  closeRecord: endpoint({ method: "post", path: "/usage/files/{id}/records/{recordId}/close", summary: "Close one record of the file", roles: reviewer, body: billingReferenceInput, reply: "object", answer: answers.closingReport }),
  reconciliation: endpoint({ method: "post", path: "/usage/files/{id}/reconciliation", summary: "Close records from a reconciliation sheet", roles: reviewer, upload: "recon_file", reply: "object", answer: answers.reconciliationReport }),
  template: endpoint({ method: "get", path: "/usage/files/{id}/template", summary: "The usage spreadsheet template for the file's product", roles: vendor, reply: "spreadsheet" }),
  uploadedFile: endpoint({ method: "get", path: "/usage/files/{id}/uploaded-file", summary: "The spreadsheet as uploaded", roles: everyone, reply: "spreadsheet" }),
  processedFile: endpoint({ method: "get", path: "/usage/files/{id}/processed-file", summary: "The spreadsheet with each record's status and errors", roles: everyone, reply: "spreadsheet" }),
  export: endpoint({ method: "get", path: "/usage/files/{id}/export", summary: "The file's records for billing", roles: reviewer, query: z.object({ format: exportFormatParam }), reply: "spreadsheet" }),
};

export const usageRecordEndpoints = {
  list: endpoint({ method: "get", path: "/usage/records", summary: "List the current records of a usage file, or of every file you may see", roles: everyone, query: usageRecordApiQuery, reply: "list", answer: answers.usageRecord }),
  get: endpoint({ method: "get", path: "/usage/records/{id}", summary: "A usage record", roles: everyone, reply: "object", answer: answers.usageRecord }),
  close: endpoint({ method: "post", path: "/usage/records/{id}/close", summary: "Close a record with its external billing id", roles: reviewer, body: billingReferenceInput, reply: "object", answer: answers.closingReport }),
  closeRecords: endpoint({ method: "post", path: "/usage/records/close-records", summary: "Close records, each with its own billing id; answers per record", roles: reviewer, body: closeUsageRecordsByIdInput, reply: "object", answer: answers.closingReport }),
  export: endpoint({ method: "get", path: "/usage/records/export", summary: "Accepted records across files, for billing", roles: reviewer, query: recordExportQuery, reply: "spreadsheet" }),
};

export const productEndpoints = {
  template: endpoint({ method: "get", path: "/products/{id}/template", summary: "The usage spreadsheet template of a product", roles: vendor, reply: "spreadsheet" }),
};

export const adminEndpoints = {
  accounts: endpoint({ method: "get", path: "/accounts", summary: "List the accounts", roles: admin, query: listWindow, reply: "list", answer: answers.account }),
  createAccount: endpoint({ method: "post", path: "/accounts", summary: "Create a vendor, distributor or reseller account", roles: admin, body: createAccountInput, reply: "created", answer: answers.account }),
  account: endpoint({ method: "get", path: "/accounts/{id}", summary: "An account, with its number of users", roles: admin, reply: "object", answer: answers.account }),
  renameAccount: endpoint({ method: "put", path: "/accounts/{id}", summary: "Rename an account", roles: admin, body: renameAccountInput.omit({ accountId: true }), reply: "object", answer: answers.account }),
  users: endpoint({ method: "get", path: "/users", summary: "List the users", roles: admin, query: userApiQuery, reply: "list", answer: answers.user }),
  createUser: endpoint({ method: "post", path: "/users", summary: "Create a user; the answer's temporary_password is shown this once", roles: admin, body: createUserInput, reply: "created", answer: answers.createdUser }),
  user: endpoint({ method: "get", path: "/users/{id}", summary: "A user", roles: admin, reply: "object", answer: answers.user }),
  updateUser: endpoint({ method: "put", path: "/users/{id}", summary: "Move a user to another account or role; the role must fit the account", roles: admin, body: updateUserInput.omit({ userId: true }), reply: "object", answer: answers.user }),
  deactivateUser: endpoint({ method: "post", path: "/users/{id}/deactivate", summary: "Deactivate a user: their sessions and API keys stop (never the last active admin)", roles: admin, body: noBody, reply: "object", answer: answers.user }),
  reactivateUser: endpoint({ method: "post", path: "/users/{id}/reactivate", summary: "Reactivate a user", roles: admin, body: noBody, reply: "object", answer: answers.user }),
  resetUserPassword: endpoint({ method: "post", path: "/users/{id}/reset-password", summary: "Give a user a new temporary password, answered this once; their sessions end", roles: admin, body: noBody, reply: "object", answer: answers.temporaryPassword }),
  contracts: endpoint({ method: "get", path: "/contracts", summary: "List the contracts", roles: admin, query: listWindow, reply: "list", answer: answers.contract }),
  createContract: endpoint({ method: "post", path: "/contracts", summary: "Create a contract between a vendor and a distributor or reseller", roles: admin, body: createContractInput, reply: "created", answer: answers.contract }),
  contract: endpoint({ method: "get", path: "/contracts/{id}", summary: "A contract, with its parties' names", roles: admin, reply: "object", answer: answers.contract }),
  deactivateContract: endpoint({ method: "post", path: "/contracts/{id}/deactivate", summary: "Deactivate a contract: no new usage files under it", roles: admin, body: noBody, reply: "object", answer: answers.contract }),
  products: endpoint({ method: "get", path: "/products", summary: "List the products", roles: admin, query: listWindow, reply: "list", answer: answers.productSummary }),
  createProduct: endpoint({ method: "post", path: "/products", summary: "Create a product of a vendor", roles: admin, body: createProductInput, reply: "created", answer: answers.product }),
  product: endpoint({ method: "get", path: "/products/{id}", summary: "A product, with its items", roles: admin, reply: "object", answer: answers.product }),
  items: endpoint({ method: "get", path: "/products/{id}/items", summary: "List a product's items", roles: admin, query: listWindow, reply: "list", answer: answers.item }),
  createItem: endpoint({ method: "post", path: "/products/{id}/items", summary: "Add an item to a product", roles: admin, body: createItemInput.omit({ productId: true }), reply: "created", answer: answers.item }),
  subscriptions: endpoint({ method: "get", path: "/subscriptions", summary: "List the subscriptions (assets)", roles: admin, query: subscriptionApiQuery, reply: "list", answer: answers.subscription }),
  createSubscription: endpoint({
    method: "post",
    path: "/subscriptions",
    summary: "Create a subscription (asset); parameters are text, `name=value; name=value`, dates YYYY-MM-DD (UTC) or ISO 8601",
    roles: admin,
    body: createSubscriptionInput,
    reply: "created",
    answer: answers.subscription,
  }),
  subscription: endpoint({ method: "get", path: "/subscriptions/{id}", summary: "A subscription (asset)", roles: admin, reply: "object", answer: answers.subscription }),
  importSubscriptions: endpoint({
    method: "post",
    path: "/subscriptions/import",
    summary: "Import subscriptions from a .csv or .xlsx sheet, all or nothing; a refused import lists each bad row's problems in errors (422)",
    roles: admin,
    upload: "subscriptions_file",
    reply: "object",
    answer: answers.imported,
  }),
};

export const endpoints: readonly Endpoint[] = [
  ...Object.values(usageFileEndpoints),
  ...Object.values(usageRecordEndpoints),
  ...Object.values(productEndpoints),
  ...Object.values(adminEndpoints),
];
