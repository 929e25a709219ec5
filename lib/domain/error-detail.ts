import { z } from "zod";
import { errorSummarySchema, sheetErrorSchema } from "./record-errors";

/**
 * Why an Invalid file is invalid: its workbook could not be used at all (and the previous records
 * stay), or some of its records broke rules (each error also sits on its record).
 */
export const errorDetailSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("workbook"), errors: z.array(sheetErrorSchema) }),
  z.object({ kind: z.literal("records"), summary: errorSummarySchema }),
]);
export type ErrorDetail = z.infer<typeof errorDetailSchema>;
