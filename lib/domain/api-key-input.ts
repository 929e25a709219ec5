import { z } from "zod";

/** Naming a new API key, so that its owner can tell keys apart (and revoke the right one). */
export const createApiKeyInput = z.object({
  name: z
    .string()
    .trim()
    .min(1, "Name the key, for example after the system that will use it.")
    .max(100, "Keep the name under 100 characters."),
});

export const revokeApiKeyInput = z.object({ keyId: z.string().trim().min(1) });
