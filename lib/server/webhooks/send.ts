import "server-only";
import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import http from "node:http";
import https from "node:https";
import { isIP, type LookupFunction } from "node:net";
import { isPublicAddress, privateAddressProblem, webhookUrlProblem } from "@/lib/domain/webhooks";

export interface SendOptions {
  /** Lets loopback and private addresses, and plain http, through (WEBHOOK_ALLOW_PRIVATE_URLS). */
  allowPrivate: boolean;
  timeoutMs: number;
  /** At most this much of the answer is read (for the delivery log); the rest is never taken in. */
  maxResponseBytes: number;
}

export interface SendOutcome {
  /** The answer's status; null when none came (refused, unreachable, timed out). */
  status: number | null;
  ok: boolean;
  latencyMs: number;
  /** Why it failed: the network error, or the start of a non-2xx answer. */
  error: string | null;
}

class RefusedAddress extends Error {}

/**
 * Resolves the host as the connection does, and refuses it when any of its addresses is not public:
 * checked on the address actually connected to, so a name that resolves elsewhere at delivery than
 * when it was saved (DNS rebinding) is still refused.
 */
const publicOnlyLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
    if (error) return callback(error, "", 4);
    const refused = addresses.find(({ address }) => !isPublicAddress(address));
    if (refused || addresses.length === 0) return callback(new RefusedAddress(privateAddressProblem), "", 4);
    if (options.all) return callback(null, addresses as never, 4);
    return callback(null, addresses[0]!.address, addresses[0]!.family);
  });
};

/**
 * POSTs one webhook: no redirect followed (a 3xx is a failure), no connection kept, the whole
 * exchange cut at `timeoutMs`, and at most `maxResponseBytes` of the answer read, so a receiver
 * that hangs, answers without end or closes mid-answer costs a bounded time and no memory.
 */
export function postWebhook(
  target: string,
  headers: Record<string, string>,
  body: string,
  options: SendOptions,
): Promise<SendOutcome> {
  const started = performance.now();
  const outcome = (status: number | null, error: string | null): SendOutcome => ({
    status,
    ok: error === null && status !== null && status >= 200 && status < 300,
    latencyMs: Math.round(performance.now() - started),
    error,
  });
  const problem = webhookUrlProblem(target, options.allowPrivate);
  if (problem) return Promise.resolve(outcome(null, problem));
  const url = new URL(target);
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (!options.allowPrivate && isIP(host) && !isPublicAddress(host)) {
    return Promise.resolve(outcome(null, privateAddressProblem));
  }

  return new Promise((resolve) => {
    const client = url.protocol === "https:" ? https : http;
    const request = client.request(url, {
      method: "POST",
      headers: { ...headers, "content-length": Buffer.byteLength(body).toString() },
      agent: false,
      lookup: options.allowPrivate ? undefined : publicOnlyLookup,
    });
    const timer = setTimeout(
      () => request.destroy(new Error(`No answer within ${options.timeoutMs / 1000} s`)),
      options.timeoutMs,
    );
    let settled = false;
    const finish = (result: SendOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
    };
    request.on("error", (error) => finish(outcome(null, error.message)));
    request.on("response", (response) => {
      const status = response.statusCode ?? null;
      const kept: Buffer[] = [];
      let size = 0;
      response.on("data", (chunk: Buffer) => {
        if (size < options.maxResponseBytes) kept.push(chunk.subarray(0, options.maxResponseBytes - size));
        size += chunk.length;
        // Enough read: the rest of the answer is not taken in.
        if (size >= options.maxResponseBytes) {
          finish(outcome(status, failureText(status, kept)));
          response.destroy();
        }
      });
      response.on("end", () => finish(outcome(status, failureText(status, kept))));
      response.on("aborted", () => finish(outcome(status, "The receiver closed the connection mid-answer")));
      response.on("error", (error) => finish(outcome(status, error.message)));
    });
    request.end(body);
  });
}

function failureText(status: number | null, kept: Buffer[]): string | null {
  if (status !== null && status >= 200 && status < 300) return null;
  const answer = Buffer.concat(kept).toString("utf8").slice(0, 500);
  return `HTTP ${status}${answer ? `: ${answer}` : ""}`;
}
