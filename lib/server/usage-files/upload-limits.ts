import "server-only";
import { env } from "@/lib/env";

export interface UploadLimits {
  maxBytes: number;
  maxRecords: number;
}

/** How big an upload may be: UPLOAD_MAX_BYTES (100 MB) and UPLOAD_MAX_RECORDS (1,000,000). */
export function uploadLimits(): UploadLimits {
  return { maxBytes: env.UPLOAD_MAX_BYTES, maxRecords: env.UPLOAD_MAX_RECORDS };
}

export function describeBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / (1024 * 1024))} MB` : `${Math.round(bytes / 1024)} KB`;
}
