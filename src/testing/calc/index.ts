/**
 * A formula calculator for the strict Excel fake and for workbook snapshots (plain TypeScript, runs
 * in the browser playground). See "Calculating in the fake" in docs/excel-fake.md.
 */
export { calculate, evaluateFormula, gridWorkbook, snapshotWorkbook, qualifiedAddress } from './workbook';
export type { CalcCell, CalcName, CalcResult, CalcSheet, CalcWorkbook, Calculation, SnapshotLike } from './workbook';
export { recalculate, fakeWorkbook } from './fake';
export type { RecalcReport } from './fake';
export { CalcError, ERROR_CODES } from './values';
export type { ErrorCode, Scalar } from './values';
export { parseFormula, FormulaSyntaxError } from './parser';
export { parseCriterion } from './criteria';
