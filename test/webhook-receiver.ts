import { once } from "node:events";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";

export interface ReceivedWebhook {
  path: string;
  id: string;
  /** The body, parsed by `standardwebhooks` after it verified the signature with the path's secret. */
  payload: { type: string; timestamp: string; data: Record<string, unknown> };
  at: number;
}

/** How the receiver answers a request (after verifying it): a status, or never (`hang`). */
export type Answer = number | "hang";

/**
 * A webhook receiver on 127.0.0.1, as an integration would run one: every request is verified with
 * `standardwebhooks` against the secret of its path, and a request that fails verification fails the test.
 */
export async function startReceiver(answer: (hook: ReceivedWebhook, seen: number) => Answer = () => 200) {
  const secrets = new Map<string, string>();
  const received: ReceivedWebhook[] = [];
  const unverified: string[] = [];
  const hanging: ServerResponse[] = [];
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const path = request.url ?? "";
      const body = Buffer.concat(chunks).toString("utf8");
      try {
        const payload = new Webhook(secrets.get(path) ?? "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw").verify(
          body,
          request.headers as Record<string, string>,
        ) as ReceivedWebhook["payload"];
        const hook = { path, id: String(request.headers["webhook-id"]), payload, at: Date.now() };
        received.push(hook);
        const status = answer(hook, received.filter((r) => r.id === hook.id).length);
        if (status === "hang") hanging.push(response);
        else response.writeHead(status).end();
      } catch (error) {
        unverified.push(`${path}: ${(error as Error).message}`);
        response.writeHead(400).end();
      }
    });
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;
  return {
    url: (path: string) => `http://127.0.0.1:${port}${path}`,
    port,
    received,
    unverified,
    useSecret: (path: string, secret: string) => secrets.set(path, secret),
    at: (path: string) => received.filter((hook) => hook.path === path),
    close: async () => {
      for (const response of hanging) response.destroy();
      server.closeAllConnections();
      server.close();
    },
  };
}

export type Receiver = Awaited<ReturnType<typeof startReceiver>>;
