import "server-only";
import { Readable } from "node:stream";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import busboy from "busboy";
import { fail, ok, type Result } from "@/lib/domain/errors";
import { describeBytes } from "@/lib/server/usage-files/upload-limits";

export interface MultipartFile {
  fileName: string;
  content: AsyncIterable<Uint8Array>;
}

/**
 * The first file of a multipart request under `field`, streamed: a 100 MB upload is never held
 * whole in memory. Resolves null when the request has no such file.
 */
export function multipartFile(request: Request, field: string): Promise<MultipartFile | null> {
  const contentType = request.headers.get("content-type") ?? "";
  if (!request.body || !contentType.startsWith("multipart/form-data")) return Promise.resolve(null);
  return new Promise((resolve, reject) => {
    // Browsers send a file name as raw UTF-8, which busboy would otherwise read as Latin-1.
    const parser = busboy({
      headers: { "content-type": contentType },
      limits: { files: 1 },
      defParamCharset: "utf8",
    });
    let found = false;
    parser.on("file", (name, stream, info) => {
      if (name !== field || found) {
        stream.resume();
        return;
      }
      found = true;
      resolve({ fileName: info.filename ?? "", content: stream });
    });
    parser.on("error", reject);
    parser.on("close", () => {
      if (!found) resolve(null);
    });
    Readable.fromWeb(request.body as WebReadableStream<Uint8Array>).pipe(parser);
  });
}

/**
 * An upload read whole into memory, for a use case that takes a small `File` (an admin's sheet);
 * past `maxBytes` it stops reading and is too large (413).
 */
export async function bufferedFile(upload: MultipartFile, maxBytes: number): Promise<Result<File>> {
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  let size = 0;
  for await (const chunk of upload.content) {
    size += chunk.byteLength;
    if (size > maxBytes) return fail("too_large", `The file is larger than the limit of ${describeBytes(maxBytes)}.`);
    chunks.push(new Uint8Array(chunk));
  }
  return ok(new File(chunks, upload.fileName));
}
