import { join } from "node:path";
import { demoUsers } from "@/db/seed";
import type { Endpoint } from "@/lib/server/api/endpoint";
import { createApiKey } from "@/lib/server/auth/api-keys";

// Route handlers read the request's headers through `next/headers`; a test file mocks that module
// with `requestHeaders`, and `callApi` sets them to those of the request it sends.
let currentHeaders = new Headers();

export function requestHeaders(): Headers {
  return currentHeaders;
}

export type RouteHandler = (
  request: Request,
  context: { params: Promise<Record<string, string>> },
) => Promise<Response>;

export interface ApiCall {
  key?: string;
  /** The path under /api/v1, with its query string. */
  path: string;
  method?: string;
  json?: unknown;
  form?: FormData;
  params?: Record<string, string>;
}

export interface ApiAnswer {
  status: number;
  headers: Headers;
  body: unknown;
}

/** Calls a route handler as Next.js would, with an `Authorization: ApiKey` header when a key is given. */
export async function callApi(handler: RouteHandler, call: ApiCall): Promise<ApiAnswer> {
  const headers = new Headers(call.key ? { authorization: `ApiKey ${call.key}` } : {});
  if (call.json !== undefined) headers.set("content-type", "application/json");
  const body = call.form ?? (call.json === undefined ? undefined : JSON.stringify(call.json));
  const request = new Request(`http://test/api/v1${call.path}`, { method: call.method ?? "GET", headers, body });
  currentHeaders = request.headers;
  const response = await handler(request, { params: Promise.resolve({ id: "", recordId: "", ...call.params }) });
  const isJson = response.headers.get("content-type")?.includes("json");
  return {
    status: response.status,
    headers: response.headers,
    body: isJson ? await response.json() : Buffer.from(await response.arrayBuffer()),
  };
}

/** The handler that serves an endpoint of the registry, from its route module. */
export async function handlerOf(spec: Endpoint): Promise<RouteHandler> {
  const file = join(process.cwd(), "app/api/v1", spec.path.replace(/\{(\w+)\}/g, "[$1]"), "route.ts");
  return ((await import(file)) as Record<string, RouteHandler>)[spec.method.toUpperCase()]!;
}

/** The seeded users the usage API's tests act as: two vendors and the reviewers of two contracts. */
export const seededKeyHolders = {
  acme: "vendor@acme.test",
  globex: "vendor@globex.test",
  northwind: "distributor@northwind.test",
  contoso: "reseller@contoso.test",
};

/** Live API keys for seeded users, by the names a test calls them (`{ acme: "vendor@acme.test" }`). */
export async function apiKeysOf<Name extends string>(emails: Record<Name, string>): Promise<Record<Name, string>> {
  const keys = await Promise.all(
    Object.entries<string>(emails).map(async ([name, email]) => [name, await apiKeyOf(email)] as const),
  );
  return Object.fromEntries(keys) as Record<Name, string>;
}

/** A live API key for a seeded user. */
export async function apiKeyOf(email: string): Promise<string> {
  const user = demoUsers.find((u) => u.email === email)!;
  return (await createApiKey(user.id, "test")).key;
}
