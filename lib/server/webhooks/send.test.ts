import { once } from "node:events";
import { createServer, type RequestListener, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { hostname } from "node:os";
import { afterEach, describe, expect, it } from "vitest";
import { privateAddressProblem } from "@/lib/domain/webhooks";
import { postWebhook, type SendOptions } from "./send";

const servers: Server[] = [];
afterEach(() => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    server.close();
  }
});

/** A receiver on every local address, answering as `listener` does; counts the requests it got. */
async function receiver(listener: RequestListener) {
  const requests = { count: 0 };
  const server = createServer((request, response) => {
    requests.count++;
    listener(request, response);
  });
  servers.push(server);
  server.listen(0);
  await once(server, "listening");
  return { port: (server.address() as AddressInfo).port, requests };
}

const local: SendOptions = { allowPrivate: true, timeoutMs: 2_000, maxResponseBytes: 64 * 1024 };
const send = (url: string, options = local) => postWebhook(url, { "content-type": "application/json" }, "{}", options);

describe("posting a webhook", () => {
  it("succeeds on a 2xx answer, with its status and latency", async () => {
    const { port } = await receiver((_request, response) => response.writeHead(204).end());
    expect(await send(`http://127.0.0.1:${port}/`)).toMatchObject({ ok: true, status: 204, error: null });
  });

  it("fails on a redirect without following it, even to a local address", async () => {
    const target = await receiver((_request, response) => response.writeHead(200).end());
    const { port } = await receiver((_request, response) =>
      response.writeHead(307, { location: `http://127.0.0.1:${target.port}/` }).end(),
    );
    expect(await send(`http://127.0.0.1:${port}/`)).toMatchObject({ ok: false, status: 307 });
    expect(target.requests.count).toBe(0);
  });

  it("gives up on a receiver that never answers, at the timeout", async () => {
    const { port } = await receiver(() => {});
    const outcome = await send(`http://127.0.0.1:${port}/`, { ...local, timeoutMs: 300 });
    expect(outcome).toMatchObject({ ok: false, status: null, error: "No answer within 0.3 s" });
    expect(outcome.latencyMs).toBeLessThan(2_000);
  });

  it("fails when the receiver closes mid-answer", async () => {
    const { port } = await receiver((_request, response) => {
      response.writeHead(200, { "content-length": "1000" });
      response.write("partial");
      setTimeout(() => response.socket?.destroy(), 20);
    });
    expect(await send(`http://127.0.0.1:${port}/`)).toMatchObject({ ok: false, status: 200 });
  });

  it("reads no more than its cap of a 10 MB answer, and keeps the start of a failed one", async () => {
    const chunk = Buffer.alloc(64 * 1024, "x");
    const { port } = await receiver((_request, response) => {
      response.writeHead(500);
      let sent = 0;
      const more = () => {
        while (sent < 10 * 1024 * 1024) {
          sent += chunk.length;
          if (!response.write(chunk)) return void response.once("drain", more);
        }
        response.end();
      };
      more();
    });
    const before = process.memoryUsage().arrayBuffers;
    const outcome = await send(`http://127.0.0.1:${port}/`);
    expect(outcome).toMatchObject({ ok: false, status: 500 });
    expect(outcome.error).toMatch(/^HTTP 500: x{100}/);
    expect(outcome.error!.length).toBeLessThan(600);
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(8 * 1024 * 1024);
  });
});

describe("refusing internal addresses (SSRF)", () => {
  const guarded: SendOptions = { ...local, allowPrivate: false };

  it("refuses plain http, and loopback, private and link-local addresses, before connecting", async () => {
    const { port, requests } = await receiver((_request, response) => response.writeHead(200).end());
    for (const url of [
      `http://127.0.0.1:${port}/`,
      `https://127.0.0.1:${port}/`,
      `https://[::1]:${port}/`,
      `https://10.0.0.7/`,
      `https://169.254.169.254/latest/meta-data`,
      `https://localhost:${port}/`,
    ]) {
      expect((await send(url, guarded)).ok, url).toBe(false);
    }
    expect(requests.count).toBe(0);
  });

  it("refuses a host name that resolves to a private address when it is delivered to", async () => {
    const { port, requests } = await receiver((_request, response) => response.writeHead(200).end());
    // This machine's own name resolves to a loopback or private address, as a rebinding name would.
    const outcome = await send(`https://${hostname()}:${port}/`, guarded);
    expect(outcome).toMatchObject({ ok: false, status: null, error: privateAddressProblem });
    expect(requests.count).toBe(0);
  });
});
