import "server-only";

export { WorkbookError, type WorkbookErrorCode } from "./errors";
export { openWorkbook } from "./open-workbook";
export {
  defaultReadLimits,
  type CellProblem,
  type CellProblemCode,
  type ReadLimits,
  type SheetRow,
  type UsageWorkbook,
} from "./types";
