import { z } from "zod";
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
  list: endpoint({ method: "get", path: "/usage/files", summary: "List the usage files you may see", roles: everyone, query: usageFileApiQuery, reply: "list" }),
  create: endpoint({ method: "post", path: "/usage/files", summary: "Create a Draft usage file", roles: vendor, body: createUsageFileInput, reply: "created" }),
  get: endpoint({ method: "get", path: "/usage/files/{id}", summary: "A usage file, with its status and processing progress", roles: everyone, reply: "object" }),
  update: endpoint({ method: "put", path: "/usage/files/{id}", summary: "Change a file's name, description or internal note", roles: vendor, body: updateUsageFileInput, reply: "object" }),
  upload: endpoint({ method: "post", path: "/usage/files/{id}/upload", summary: "Upload the usage spreadsheet; it is queued for processing", roles: vendor, upload: "usage_file", reply: "accepted" }),
  reprocess: endpoint({ method: "post", path: "/usage/files/{id}/reprocess", summary: "Process the current upload again; it is queued like an upload", roles: vendor, body: noBody, reply: "accepted" }),
  submit: endpoint({ method: "post", path: "/usage/files/{id}/submit", summary: "Submit a Ready file for review", roles: vendor, body: noBody, reply: "object" }),
  delete: endpoint({ method: "post", path: "/usage/files/{id}/delete", summary: "Delete a file not yet submitted (kept for audit)", roles: vendor, body: noBody, reply: "object" }),
  accept: endpoint({ method: "post", path: "/usage/files/{id}/accept", summary: "Accept a Pending file", roles: reviewer, body: acceptUsageFileInput, reply: "object" }),
  reject: endpoint({ method: "post", path: "/usage/files/{id}/reject", summary: "Reject a Pending file with a note", roles: reviewer, body: rejectUsageFileInput, reply: "object" }),
  close: endpoint({ method: "post", path: "/usage/files/{id}/close", summary: "Close an Accepted file; a billing id closes its remaining records", roles: reviewer, body: closeUsageFileInput, reply: "object" }),
  closeRecords: endpoint({ method: "post", path: "/usage/files/{id}/close-records", summary: "Close records of the file with one billing id", roles: reviewer, body: closeRecordsInput, reply: "object" }),
  closeRecord: endpoint({ method: "post", path: "/usage/files/{id}/records/{recordId}/close", summary: "Close one record of the file", roles: reviewer, body: billingReferenceInput, reply: "object" }),
  reconciliation: endpoint({ method: "post", path: "/usage/files/{id}/reconciliation", summary: "Close records from a reconciliation sheet", roles: reviewer, upload: "recon_file", reply: "object" }),
  template: endpoint({ method: "get", path: "/usage/files/{id}/template", summary: "The usage spreadsheet template for the file's product", roles: vendor, reply: "spreadsheet" }),
  uploadedFile: endpoint({ method: "get", path: "/usage/files/{id}/uploaded-file", summary: "The spreadsheet as uploaded", roles: everyone, reply: "spreadsheet" }),
  processedFile: endpoint({ method: "get", path: "/usage/files/{id}/processed-file", summary: "The spreadsheet with each record's status and errors", roles: everyone, reply: "spreadsheet" }),
  export: endpoint({ method: "get", path: "/usage/files/{id}/export", summary: "The file's records for billing", roles: reviewer, query: z.object({ format: exportFormatParam }), reply: "spreadsheet" }),
};

export const usageRecordEndpoints = {
  list: endpoint({ method: "get", path: "/usage/records", summary: "List the current records of a usage file, or of every file you may see", roles: everyone, query: usageRecordApiQuery, reply: "list" }),
  get: endpoint({ method: "get", path: "/usage/records/{id}", summary: "A usage record", roles: everyone, reply: "object" }),
  close: endpoint({ method: "post", path: "/usage/records/{id}/close", summary: "Close a record with its external billing id", roles: reviewer, body: billingReferenceInput, reply: "object" }),
  closeRecords: endpoint({ method: "post", path: "/usage/records/close-records", summary: "Close records, each with its own billing id; answers per record", roles: reviewer, body: closeUsageRecordsByIdInput, reply: "object" }),
  export: endpoint({ method: "get", path: "/usage/records/export", summary: "Accepted records across files, for billing", roles: reviewer, query: recordExportQuery, reply: "spreadsheet" }),
};

export const productEndpoints = {
  template: endpoint({ method: "get", path: "/products/{id}/template", summary: "The usage spreadsheet template of a product", roles: vendor, reply: "spreadsheet" }),
};

export const adminEndpoints = {
  accounts: endpoint({ method: "get", path: "/accounts", summary: "List the accounts", roles: admin, query: listWindow, reply: "list" }),
  users: endpoint({ method: "get", path: "/users", summary: "List the users", roles: admin, query: userApiQuery, reply: "list" }),
  contracts: endpoint({ method: "get", path: "/contracts", summary: "List the contracts", roles: admin, query: listWindow, reply: "list" }),
  products: endpoint({ method: "get", path: "/products", summary: "List the products", roles: admin, query: listWindow, reply: "list" }),
  items: endpoint({ method: "get", path: "/products/{id}/items", summary: "List a product's items", roles: admin, query: listWindow, reply: "list" }),
  subscriptions: endpoint({ method: "get", path: "/subscriptions", summary: "List the subscriptions (assets)", roles: admin, query: subscriptionApiQuery, reply: "list" }),
};

export const endpoints: readonly Endpoint[] = [
  ...Object.values(usageFileEndpoints),
  ...Object.values(usageRecordEndpoints),
  ...Object.values(productEndpoints),
  ...Object.values(adminEndpoints),
];
