import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { users } from "@/db/schema";
import { demoUsers, seedDemoData } from "@/db/seed";
import type { UserRole } from "@/lib/domain/catalog";
import { createUsageFileInput, lastFullMonth, periodDays } from "@/lib/domain/usage-file-input";
import type { Endpoint } from "@/lib/server/api/endpoint";
import { usageFileEndpoints, usageRecordEndpoints } from "@/lib/server/api/endpoints";
import { createAccount } from "@/lib/server/admin/create-account";
import { createUser } from "@/lib/server/admin/create-user";
import { deactivateUser } from "@/lib/server/admin/set-user-active";
import { createApiKey } from "@/lib/server/auth/api-keys";
import { revokeApiKey } from "@/lib/server/auth/manage-api-keys";
import type { FormAction } from "@/lib/server/form-action";
import { acceptUsageFile } from "@/lib/server/usage-files/accept-usage-file";
import { closeUsageFile } from "@/lib/server/usage-files/close-usage-file";
import { createUsageFile } from "@/lib/server/usage-files/create-usage-file";
import { deleteUsageFile } from "@/lib/server/usage-files/delete-usage-file";
import { rejectUsageFile } from "@/lib/server/usage-files/reject-usage-file";
import { submitUsageFile } from "@/lib/server/usage-files/submit-usage-file";
import { updateUsageFile } from "@/lib/server/usage-files/update-usage-file";
import { changeOwnPassword } from "@/lib/server/users/change-own-password";
import { callApi, handlerOf, type ApiAnswer, type ApiCall } from "@/test/api";
import { acmeVendor, admin, northwindDistributor } from "@/test/admin-fixtures";
import { withSharedTestDatabase } from "@/test/db";
import { uploadAndProcess, usageFileRow, visibleRecords } from "@/test/usage-file-state";
import { recordsHeader, validRow } from "@/test/usage-workbooks";
import {
  acceptUsageFileAction,
  closeRemainingRecordsAction,
  closeUsageFileAction,
  commentOnUsageFileAction as distributorCommentAction,
  rejectUsageFileAction,
} from "../../(portal)/distributor/files/actions";
import {
  commentOnUsageFileAction as vendorCommentAction,
  deleteUsageFileAction,
  submitUsageFileAction,
  updateInternalNoteAction,
} from "../../(portal)/vendor/files/actions";

// Who may do what to a usage file, by SPEC §2 and §5, called through every usage-file endpoint of
// the API and every usage-file server action, for every kind of caller and every file state. Each
// cell's expected outcome comes from the rule tables below, never from a list of outcomes.

const request = vi.hoisted(() => ({ session: null as null | { user: { id: string; sessionVersion: number } } }));
vi.mock("next/headers", async () => {
  const { requestHeaders } = await import("@/test/api");
  return { headers: async () => requestHeaders() };
});
vi.mock("@/lib/server/auth", () => ({ auth: async () => request.session }));
// The page cache belongs to a running Next.js server; refreshing it is no part of who may act.
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const database = withSharedTestDatabase();

// ---- The rules -------------------------------------------------------------------------------

const states = ["draft", "invalid", "ready", "pending", "accepted", "rejected", "closed", "deleted"] as const;
type State = (typeof states)[number];

/** How a caller stands to the files under test: all are Acme's, on Acme's contract with Northwind. */
type Relation = "vendor" | "reviewer" | "admin" | "stranger";
/** `dead`: a revoked key or a deactivated user; `temporary`: a user who must change the password first. */
type Credential = "none" | "live" | "dead" | "temporary";

interface Caller {
  credential: Credential;
  role?: UserRole;
  relation: Relation;
}

const callers = {
  anonymous: { credential: "none", relation: "stranger" },
  "own vendor": { credential: "live", role: "vendor", relation: "vendor" },
  "other vendor": { credential: "live", role: "vendor", relation: "stranger" },
  "own distributor": { credential: "live", role: "distributor", relation: "reviewer" },
  "other distributor": { credential: "live", role: "distributor", relation: "stranger" },
  "reseller of another contract": { credential: "live", role: "distributor", relation: "stranger" },
  admin: { credential: "live", role: "admin", relation: "admin" },
  "deactivated user": { credential: "dead", role: "vendor", relation: "vendor" },
  "revoked key": { credential: "dead", role: "vendor", relation: "vendor" },
  "temporary password": { credential: "temporary", role: "vendor", relation: "vendor" },
} satisfies Record<string, Caller>;
type CallerName = keyof typeof callers;

/** SPEC §2 and §5: a deleted file is gone for all; distributors see their contract's files from Pending on. */
const seenIn: Record<Relation, readonly State[]> = {
  vendor: states.filter((state) => state !== "deleted"),
  admin: states.filter((state) => state !== "deleted"),
  reviewer: ["pending", "accepted", "rejected", "closed"],
  stranger: [],
};

/** SPEC §1: the vendor's internal note is never shown to distributors; admins see everything. */
const seesInternalNote: readonly Relation[] = ["vendor", "admin"];

const withRecords = states.filter((state) => state !== "draft");
const uploadable: readonly State[] = ["draft", "invalid", "ready", "rejected"];
const billable: readonly State[] = ["accepted", "closed"];

interface Use {
  /** Who may, among those who see the file: a party is its vendor or its reviewer. */
  by: "vendor" | "reviewer" | "party" | "viewer";
  /** The states it works in; in others the answer is `otherwise`. */
  in: readonly State[];
  otherwise: number;
  /** Whether it moves the file or closes records: the caller who succeeds acts on a file of its own. */
  changes?: boolean;
}

/** What each use of a file needs, by SPEC §2's table of transitions. */
const uses = {
  view: { by: "viewer", in: states, otherwise: 404 },
  listRecords: { by: "viewer", in: withRecords, otherwise: 404 },
  editNote: { by: "vendor", in: states, otherwise: 409 },
  upload: { by: "vendor", in: uploadable, otherwise: 409, changes: true },
  reprocess: { by: "vendor", in: ["invalid", "ready", "rejected"], otherwise: 409, changes: true },
  /** A Rejected file goes back for review as it is or corrected in the browser (issue 21). */
  submit: { by: "vendor", in: ["ready", "rejected"], otherwise: 409, changes: true },
  delete: { by: "vendor", in: uploadable, otherwise: 409, changes: true },
  template: { by: "vendor", in: states, otherwise: 404 },
  uploadedFile: { by: "viewer", in: withRecords, otherwise: 404 },
  processedFile: { by: "viewer", in: ["invalid"], otherwise: 404 },
  accept: { by: "reviewer", in: ["pending"], otherwise: 409, changes: true },
  reject: { by: "reviewer", in: ["pending"], otherwise: 409, changes: true },
  close: { by: "reviewer", in: ["accepted"], otherwise: 409, changes: true },
  closeRecords: { by: "reviewer", in: ["accepted"], otherwise: 409, changes: true },
  export: { by: "reviewer", in: billable, otherwise: 409 },
  /** Only a closed record's billing reference can be corrected: every record of a closed file is closed. */
  editBilling: { by: "reviewer", in: ["closed"], otherwise: 409, changes: true },
  billingExport: { by: "reviewer", in: billable, otherwise: 404 },
  /** The conversation: read by whoever sees the file, written by its two parties in any state they see it in. */
  readComments: { by: "viewer", in: states, otherwise: 404 },
  readRecordComments: { by: "viewer", in: withRecords, otherwise: 404 },
  comment: { by: "party", in: states, otherwise: 404 },
} satisfies Record<string, Use>;

/** SPEC §5: what each role may do at all, whichever file it is. */
const rolesFor: Record<Use["by"], readonly UserRole[]> = {
  viewer: ["vendor", "distributor", "admin"],
  vendor: ["vendor"],
  reviewer: ["distributor"],
  party: ["vendor", "distributor"],
};

function mayUse(relation: Relation, use: Use): boolean {
  if (use.by === "viewer") return relation !== "stranger";
  if (use.by === "party") return relation === "vendor" || relation === "reviewer";
  return relation === use.by;
}

/** The API's answer to a caller, in order: the key, the caller's role, seeing the file, acting on it, its state. */
function apiOutcome(caller: Caller, use: Use, state: State, showsNote: boolean): string {
  if (caller.credential === "none" || caller.credential === "dead") return "401";
  if (caller.credential === "temporary" || !rolesFor[use.by].includes(caller.role!)) return "403";
  if (!seenIn[caller.relation].includes(state)) return "404";
  if (!mayUse(caller.relation, use)) return "403";
  if (!use.in.includes(state)) return String(use.otherwise);
  return showsNote && seesInternalNote.includes(caller.relation) ? "2xx +internal note" : "2xx";
}

/** A server action's outcome: the same rules, without the API's role gate, as a form's state or a redirect. */
function actionOutcome(caller: Caller, use: Use, state: State): string {
  if (caller.credential === "none" || caller.credential === "dead") return "→ /sign-in";
  if (caller.credential === "temporary") return "→ /change-password";
  if (!seenIn[caller.relation].includes(state)) return "not found";
  if (!mayUse(caller.relation, use) || !use.in.includes(state)) return "refused";
  return "ok";
}

// ---- The files, in every state, built as their users would ----------------------------------

type Step = (id: string) => Promise<unknown>;

const csvOf = (quantity: string) =>
  [recordsHeader.join(","), validRow("r-1", quantity, 0).join(","), validRow("r-2", quantity, 1).join(",")].join("\n");
const uploadValid: Step = (id) => uploadAndProcess(database.handle.db, id, "usage.csv", csvOf("2.5"));
const uploadInvalid: Step = (id) => uploadAndProcess(database.handle.db, id, "usage.csv", csvOf("-1"));
const submit: Step = (id) => submitUsageFile(acmeVendor, id);
const accept: Step = (id) => acceptUsageFile(northwindDistributor, id, { acceptanceNote: "Fine." });
const reject: Step = (id) => rejectUsageFile(northwindDistributor, id, { rejectionNote: "Check the quantities." });
const close: Step = (id) =>
  closeUsageFile(northwindDistributor, id, { externalBillingId: "INV-1", externalBillingNote: "" });
const remove: Step = (id) => deleteUsageFile(acmeVendor, id);

const pathTo: Record<State, Step[]> = {
  draft: [],
  invalid: [uploadInvalid],
  ready: [uploadValid],
  pending: [uploadValid, submit],
  accepted: [uploadValid, submit, accept],
  rejected: [uploadValid, submit, reject],
  closed: [uploadValid, submit, accept, close],
  deleted: [uploadValid, remove],
};

/** A new file of Acme's on the Northwind contract, with an internal note, taken to `state`. */
async function fileIn(state: State): Promise<string> {
  const input = {
    productId: "PRD-100-001",
    contractId: "CRD-00001",
    name: `A ${state} file`,
    currency: "USD",
    ...periodDays(lastFullMonth(new Date())),
  };
  const created = await createUsageFile(acmeVendor, createUsageFileInput.parse(input));
  if (!created.ok) throw new Error(created.message);
  await updateUsageFile(acmeVendor, created.value.id, { internalNote: "Only for Acme." });
  for (const step of pathTo[state]) await step(created.value.id);
  expect((await usageFileRow(database.handle.db, created.value.id)).status).toBe(state);
  return created.value.id;
}

interface FileUnderTest {
  id: string;
  /** Its first record's public id, when it has records. */
  recordId?: string;
}

async function fileUnderTest(state: State): Promise<FileUnderTest> {
  const id = await fileIn(state);
  const [record] = await visibleRecords(database.handle.db, id);
  return { id, recordId: record && `UR-${record.id}` };
}

// ---- The callers ------------------------------------------------------------------------------

interface Credentials {
  key?: string;
  session?: { user: { id: string; sessionVersion: number } };
}

const credentials = {} as Record<CallerName, Credentials>;

const seededId = (email: string) => demoUsers.find((user) => user.email === email)!.id;

async function sessionOf(userId: string) {
  const [user] = await database.handle.db
    .select({ sessionVersion: users.sessionVersion })
    .from(users)
    .where(eq(users.id, userId));
  return { user: { id: userId, sessionVersion: user!.sessionVersion } };
}

async function signedIn(userId: string): Promise<Credentials> {
  return { key: (await createApiKey(userId, "matrix")).key, session: await sessionOf(userId) };
}

/** A new user of a new account, by the admin's use cases; `own password` replaces the temporary one as its user would. */
async function newUser(accountId: string, role: UserRole, email: string, ownPassword: boolean): Promise<string> {
  const created = await createUser(admin, { email, name: email, accountId, role });
  if (!created.ok) throw new Error(created.message);
  const userId = created.value.user.id;
  if (ownPassword) {
    const password = "a-password-of-my-own";
    const actor = { userId, accountId, role };
    await changeOwnPassword(actor, {
      currentPassword: created.value.temporaryPassword,
      newPassword: password,
      confirmPassword: password,
    });
  }
  return userId;
}

async function setUpCallers(): Promise<void> {
  const fabrikam = await createAccount(admin, { name: "Fabrikam Distribution", kind: "distributor" });
  if (!fabrikam.ok) throw new Error(fabrikam.message);
  Object.assign(credentials, {
    anonymous: {},
    "own vendor": await signedIn(acmeVendor.userId),
    "other vendor": await signedIn(seededId("vendor@globex.test")),
    "own distributor": await signedIn(northwindDistributor.userId),
    "other distributor": await signedIn(await newUser(fabrikam.value.id, "distributor", "ops@fabrikam.test", true)),
    "reseller of another contract": await signedIn(seededId("reseller@contoso.test")),
    admin: await signedIn(admin.userId),
    "deactivated user": await signedIn(seededId("vendor2@acme.test")),
    "revoked key": { key: (await createApiKey(acmeVendor.userId, "revoked")).key },
    "temporary password": await signedIn(await newUser(acmeVendor.accountId, "vendor", "new@acme.test", false)),
  } satisfies Record<CallerName, Credentials>);
  await deactivateUser(admin, seededId("vendor2@acme.test"));
  const [revoked] = await database.handle.db.query.apiKeys.findMany({
    where: (key, { eq }) => eq(key.name, "revoked"),
  });
  await revokeApiKey(acmeVendor, { keyId: revoked!.id });
}

// ---- The API ----------------------------------------------------------------------------------

interface ApiRow {
  spec: Endpoint;
  use: Use;
  /** The request, for a file; path parameters, query and body. */
  request: (file: FileUnderTest) => Omit<ApiCall, "key" | "path" | "method"> & { query?: string };
  /** Lists answer 200 whether or not they hold the file: what they say of it is the outcome (2xx, 404 or 409). */
  lists?: (body: unknown, file: FileUnderTest) => string;
  showsNote?: boolean;
  /** Names one of the file's records, so a file without records is not asked. */
  needsRecord?: boolean;
  /** Sent with the session cookie, as the browser does, instead of an API key. */
  bySession?: boolean;
}

const onFile = (file: FileUnderTest) => ({ params: { id: file.id } });
const onRecord = (file: FileUnderTest) => ({ params: { id: file.recordId!, recordId: file.recordId! } });
const csvForm = (field: string, content: string) => {
  const form = new FormData();
  form.set(field, new Blob([content]), "sheet.csv");
  return form;
};
const billing = { external_billing_id: "INV-9" };
const rows = (body: unknown) => (Array.isArray(body) ? (body as { id?: string; usage_file_id?: string }[]) : []);
const held = (holds: boolean) => (holds ? "2xx" : "404");
/** Closing by record ids answers per record: closed, or refused as not found or not open for billing. */
const closing = (body: unknown, file: FileUnderTest) => {
  const { closed = [], refused = [] } = body as { closed?: string[]; refused?: { id: string; reason: string }[] };
  if (closed.includes(file.recordId!)) return "2xx";
  return refused.find((entry) => entry.id === file.recordId)?.reason === "not_found" ? "404" : "409";
};

const files = usageFileEndpoints;
const records = usageRecordEndpoints;

const apiRows: ApiRow[] = [
  {
    spec: files.list,
    use: uses.view,
    request: () => ({ query: "?limit=1000" }),
    lists: (body, file) => held(rows(body).some((row) => row.id === file.id)),
    showsNote: true,
  },
  { spec: files.get, use: uses.view, request: onFile, showsNote: true },
  { spec: files.anomalies, use: uses.view, request: onFile },
  { spec: files.changes, use: uses.view, request: onFile },
  {
    spec: files.update,
    use: uses.editNote,
    request: (file) => ({ ...onFile(file), json: { internal_note: "Changed." } }),
    showsNote: true,
  },
  {
    spec: files.upload,
    use: uses.upload,
    request: (file) => ({ ...onFile(file), form: csvForm("usage_file", csvOf("1")) }),
  },
  // The browser's upload: the same endpoint, with the session cookie instead of a key.
  {
    spec: files.upload,
    use: uses.upload,
    bySession: true,
    request: (file) => ({ ...onFile(file), form: csvForm("usage_file", csvOf("1")) }),
  },
  { spec: files.reprocess, use: uses.reprocess, request: (file) => ({ ...onFile(file), json: {} }) },
  { spec: files.submit, use: uses.submit, request: (file) => ({ ...onFile(file), json: {} }) },
  { spec: files.delete, use: uses.delete, request: (file) => ({ ...onFile(file), json: {} }) },
  { spec: files.accept, use: uses.accept, request: (file) => ({ ...onFile(file), json: {} }) },
  { spec: files.reject, use: uses.reject, request: (file) => ({ ...onFile(file), json: { rejection_note: "No." } }) },
  // Disputing one of the file's own records (issue 21): the same rules as a plain rejection.
  {
    spec: files.reject,
    use: uses.reject,
    needsRecord: true,
    request: (file) => ({
      ...onFile(file),
      json: { rejection_note: "No.", disputed_records: [{ id: file.recordId, reason: "Doubled." }] },
    }),
  },
  { spec: files.close, use: uses.close, request: (file) => ({ ...onFile(file), json: billing }) },
  {
    spec: files.closeRecords,
    use: uses.closeRecords,
    needsRecord: true,
    request: (file) => ({ ...onFile(file), json: { ...billing, ids: [file.recordId] } }),
  },
  {
    spec: files.closeRecord,
    use: uses.closeRecords,
    needsRecord: true,
    request: (file) => ({ params: { id: file.id, recordId: file.recordId! }, json: billing }),
  },
  {
    spec: files.reconciliation,
    use: uses.closeRecords,
    request: (file) => ({ ...onFile(file), form: csvForm("recon_file", "id,external_billing_id\n") }),
  },
  { spec: files.template, use: uses.template, request: onFile },
  { spec: files.uploadedFile, use: uses.uploadedFile, request: onFile },
  { spec: files.processedFile, use: uses.processedFile, request: onFile },
  { spec: files.export, use: uses.export, request: (file) => ({ ...onFile(file), query: "?format=csv" }) },
  { spec: files.comments, use: uses.readComments, request: onFile },
  { spec: files.comment, use: uses.comment, request: (file) => ({ ...onFile(file), json: { text: "A word." } }) },
  {
    spec: files.recordComments,
    use: uses.readRecordComments,
    needsRecord: true,
    request: (file) => ({ params: { id: file.id, recordId: file.recordId! } }),
  },
  {
    spec: files.commentRecord,
    use: uses.comment,
    needsRecord: true,
    request: (file) => ({ params: { id: file.id, recordId: file.recordId! }, json: { text: "On this row." } }),
  },
  { spec: records.list, use: uses.view, request: (file) => ({ query: `?usagefile.id=${file.id}` }) },
  {
    spec: records.list,
    use: uses.listRecords,
    request: () => ({ query: "?limit=1000" }),
    lists: (body, file) => held(rows(body).some((row) => row.usage_file_id === file.id)),
  },
  { spec: records.get, use: uses.listRecords, needsRecord: true, request: onRecord },
  {
    spec: records.close,
    use: uses.closeRecords,
    needsRecord: true,
    request: (file) => ({ ...onRecord(file), json: billing }),
  },
  {
    spec: records.updateBilling,
    use: uses.editBilling,
    needsRecord: true,
    request: (file) => ({ ...onRecord(file), json: { external_billing_id: "INV-10" } }),
  },
  {
    spec: records.closeRecords,
    use: uses.closeRecords,
    needsRecord: true,
    request: (file) => ({ json: { records: [{ id: file.recordId, ...billing }] } }),
    lists: closing,
  },
  {
    spec: records.export,
    use: uses.billingExport,
    request: () => ({ query: "?format=csv" }),
    lists: (body, file) => held(String(body).includes(file.recordId!)),
    needsRecord: true,
  },
];

/** What the caller got: the status class, whether a list held the file, and whether the internal note showed. */
function observed(row: ApiRow, answer: ApiAnswer, file: FileUnderTest): string {
  if (answer.status >= 300) return String(answer.status);
  const listed = row.lists?.(answer.body, file);
  if (listed && listed !== "2xx") return listed;
  const shown = row.lists ? rows(answer.body).find((entry) => entry.id === file.id) : answer.body;
  const note = row.showsNote && (shown as { internal_note?: string | null } | undefined)?.internal_note;
  return note ? "2xx +internal note" : "2xx";
}

async function callRow(row: ApiRow, caller: CallerName, file: FileUnderTest): Promise<string> {
  const { query = "", ...call } = row.request(file);
  request.session = row.bySession ? (credentials[caller].session ?? null) : null;
  const answer = await callApi(await handlerOf(row.spec), {
    ...call,
    key: row.bySession ? undefined : credentials[caller].key,
    path: `${row.spec.path}${query}`,
    method: row.spec.method.toUpperCase(),
  });
  return observed(row, answer, file);
}

const callerNames = Object.keys(callers) as CallerName[];
/** The callers with a session cookie: all but a key's. */
const sessionCallers: readonly CallerName[] = callerNames.filter((caller) => caller !== "revoked key");
/** The callers who may act go last, so that everyone else meets the file still in its state. */
const byActingLast = (names: readonly CallerName[], expected: (caller: CallerName) => string) =>
  [...names].sort((a, b) => Number(expected(a).startsWith("2xx")) - Number(expected(b).startsWith("2xx")));

const shared = {} as Record<State, FileUnderTest>;

/** The shared file in `state`, or a new one when the cell's caller will change it. */
async function fileFor(use: Use, anyoneSucceeds: boolean, state: State): Promise<FileUnderTest> {
  return use.changes && anyoneSucceeds ? fileUnderTest(state) : shared[state];
}

beforeAll(async () => {
  await seedDemoData(database.handle.db);
  await setUpCallers();
  for (const state of states) shared[state] = await fileUnderTest(state);
}, 120_000);

let cells = 0;

describe("who may do what to a usage file, through the API", () => {
  const nameOf = (row: ApiRow) =>
    `${row.spec.method.toUpperCase()} ${row.spec.path}${row.lists ? " (lists it?)" : ""}${row.bySession ? " (session cookie)" : ""}`;
  it.each(apiRows.map((row) => [nameOf(row), row] as const))(
    "%s",
    async (_name, row) => {
      const mismatches: string[] = [];
      for (const state of states) {
        const expected = (caller: CallerName) => apiOutcome(callers[caller], row.use, state, Boolean(row.showsNote));
        const order = byActingLast(row.bySession ? sessionCallers : callerNames, expected);
        const file = await fileFor(
          row.use,
          order.some((caller) => expected(caller).startsWith("2xx")),
          state,
        );
        if (row.needsRecord && !file.recordId) continue;
        for (const caller of order) {
          cells += 1;
          const got = await callRow(row, caller, file);
          if (got !== expected(caller))
            mismatches.push(`${state} file, ${caller}: expected ${expected(caller)}, got ${got}`);
        }
      }
      expect(mismatches).toEqual([]);
    },
    60_000,
  );
});

// ---- The server actions -----------------------------------------------------------------------

interface ActionRow {
  name: string;
  use: Use;
  run: (file: FileUnderTest) => Promise<unknown>;
}

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
}

const submitted =
  (action: FormAction, fields: Record<string, string> = {}) =>
  (file: FileUnderTest) =>
    action({}, form({ usageFileId: file.id, ...fields }));

const actionRows: ActionRow[] = [
  { name: "submitUsageFileAction", use: uses.submit, run: submitted(submitUsageFileAction) },
  { name: "deleteUsageFileAction", use: uses.delete, run: submitted(deleteUsageFileAction) },
  {
    name: "updateInternalNoteAction",
    use: uses.editNote,
    run: submitted(updateInternalNoteAction, { internalNote: "Changed." }),
  },
  { name: "acceptUsageFileAction", use: uses.accept, run: submitted(acceptUsageFileAction) },
  { name: "rejectUsageFileAction", use: uses.reject, run: submitted(rejectUsageFileAction, { rejectionNote: "No." }) },
  {
    name: "closeRemainingRecordsAction",
    use: uses.closeRecords,
    run: submitted(closeRemainingRecordsAction, { externalBillingId: "INV-9" }),
  },
  {
    name: "closeUsageFileAction",
    use: uses.close,
    run: submitted(closeUsageFileAction, { externalBillingId: "INV-9" }),
  },
  {
    name: "commentOnUsageFileAction (vendor)",
    use: uses.comment,
    run: submitted(vendorCommentAction, { text: "Hi." }),
  },
  {
    name: "commentOnUsageFileAction (distributor)",
    use: uses.comment,
    run: submitted(distributorCommentAction, { text: "Hi." }),
  },
];

const gates = ["/sign-in", "/change-password"];

/**
 * A form's state as an outcome. Next.js throws redirects: to sign in or to change the password
 * before acting, or, after a success, to the page to show next (a deleted file's list).
 */
async function actionResult(run: () => Promise<unknown>): Promise<string> {
  try {
    const state = (await run()) as { ok?: boolean; error?: string };
    if (state.ok) return "ok";
    return state.error === "Usage file not found." ? "not found" : "refused";
  } catch (error) {
    const digest = (error as { digest?: string }).digest ?? "";
    if (!digest.startsWith("NEXT_REDIRECT")) throw error;
    const target = digest.split(";")[2]!;
    return gates.includes(target) ? `→ ${target}` : "ok";
  }
}

describe("who may do what to a usage file, through the server actions", () => {
  it.each(actionRows.map((row) => [row.name, row] as const))(
    "%s",
    async (_name, row) => {
      const mismatches: string[] = [];
      for (const state of states) {
        const expected = (caller: CallerName) => actionOutcome(callers[caller], row.use, state);
        const order = byActingLast(sessionCallers, (caller) => (expected(caller) === "ok" ? "2xx" : expected(caller)));
        const file = await fileFor(
          row.use,
          order.some((caller) => expected(caller) === "ok"),
          state,
        );
        for (const caller of order) {
          cells += 1;
          request.session = credentials[caller].session ?? null;
          const got = await actionResult(() => row.run(file));
          if (got !== expected(caller))
            mismatches.push(`${state} file, ${caller}: expected ${expected(caller)}, got ${got}`);
        }
      }
      expect(mismatches).toEqual([]);
    },
    60_000,
  );

  it("counts its cells", () => {
    console.info(`access matrix: ${cells} cells`);
    expect(cells).toBeGreaterThan(1000);
  });
});
