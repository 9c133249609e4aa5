/**
 * The shape of a corpus case folder (test/corpus/officer/NN-name/): input.json (the clean
 * workbook as data), errors.json (planted errors as edits, with the findings they must give) and
 * expected.json (what a recogniser must read from the clean file). README.md explains the fields.
 */
import { z } from 'zod';

/** "A1", "AB12" — no sheet, no $. */
export const A1 = z.string().regex(/^[A-Z]{1,3}[1-9]\d*$/, 'an A1 cell address such as "D12"');
/** "A5:L7" */
export const RANGE = z.string().regex(/^[A-Z]{1,3}[1-9]\d*:[A-Z]{1,3}[1-9]\d*$/, 'an A1 range such as "A5:L7"');
const COLUMN = z.string().regex(/^[A-Z]{1,3}$/, 'a column letter');

export const SOURCE_KEYS = ['total', 'central', 'centralInvestment', 'centralRecurrent', 'local', 'localInvestment', 'localRecurrent', 'integrated', 'credit', 'mobilised'] as const;
export const SourceKeySchema = z.enum(SOURCE_KEYS);
export type CorpusSourceKey = z.infer<typeof SourceKeySchema>;

export const UNITS = ['dong', 'nghin', 'trieu', 'ty'] as const;

export const RULE_IDS = [
  'SRC_SPLIT',
  'SRC_NSTW',
  'SRC_NSDP',
  'ROLLUP',
  'FORMULA_RANGE',
  'HIDDEN_ROW',
  'TEXT_NUMBER',
  'UNIT_SCALE',
  'NEGATIVE',
  'MONEY_TYPE',
  'ELIGIBILITY',
  'COUNTERPART',
  'UNMAPPED_COLUMN',
  'UNIT_UNKNOWN',
  'LEGACY_TEXT',
  'ERROR_VALUE',
] as const;

const ENCODING = z.enum(['unicode', 'tcvn3', 'vni']);

/** A cell with its looks; `f` is a formula ("=SUM(D10:D12)"), `v` a constant (a string here is always text). */
export const CellObjectSchema = z
  .object({
    v: z.union([z.number(), z.string(), z.null()]).optional(),
    f: z.string().regex(/^=./, 'a formula starting with "="').optional(),
    bold: z.boolean().optional(),
    italic: z.boolean().optional(),
    indent: z.number().int().min(0).max(15).optional(),
    font: z.string().min(1).optional(),
    size: z.number().positive().optional(),
    fmt: z.string().min(1).optional(),
    align: z.enum(['left', 'center', 'right']).optional(),
    wrap: z.boolean().optional(),
    encoding: ENCODING.optional(),
  })
  .strict()
  .refine((c) => !(c.v !== undefined && c.f !== undefined), 'a cell has a value or a formula, not both');

/** null | number | "text" | "=FORMULA" | { v / f, looks }. */
export const CellSchema = z.union([z.null(), z.number(), z.string(), CellObjectSchema]);

export const SheetSchema = z
  .object({
    name: z.string().min(1).max(31),
    rows: z.array(z.array(CellSchema)),
    merges: z.array(RANGE).optional(),
    hiddenRows: z.array(z.number().int().positive()).optional(),
    hiddenColumns: z.array(COLUMN).optional(),
    columnWidths: z.record(COLUMN, z.number().positive()).optional(),
    /** Default font of the sheet's cells (Times New Roman when absent). */
    font: z.string().min(1).optional(),
    fontSize: z.number().positive().optional(),
    /** The sheet's text is typed in this legacy encoding (cells may override). */
    encoding: ENCODING.optional(),
    /** Ranges drawn with thin borders (the table grid). */
    borders: z.array(RANGE).optional(),
  })
  .strict();

export const FactsSchema = z
  .object({
    level: z.enum(['tinh', 'huyen', 'xa']).optional(),
    poorArea: z.boolean().optional(),
    provinceGroup: z.union([z.literal(1), z.literal(2), z.literal(3)]).optional(),
    programme: z.enum(['2021-2025', '2026-2035']).optional(),
    year: z.number().int().min(2021).max(2035).optional(),
    locality: z.string().min(1).optional(),
  })
  .strict();

export const InputSchema = z
  .object({
    description: z.string().min(40),
    facts: FactsSchema.optional(),
    sheets: z.array(SheetSchema).min(1),
  })
  .strict();

/** One change to the clean workbook: exactly one of value / formula / text / hideRow. */
export const EditSchema = z
  .object({
    sheet: z.string().min(1),
    cell: A1.optional(),
    /** A constant (a number, or a string kept as text); null empties the cell. */
    value: z.union([z.number(), z.string(), z.null()]).optional(),
    formula: z.string().regex(/^=./).optional(),
    /** Text, even when it reads as a number ("1.250", "  300"). */
    text: z.string().optional(),
    /** Hides a row (1-based). */
    hideRow: z.number().int().positive().optional(),
    /** Also change the cell's font / legacy encoding (text pasted from an old TCVN3 file). */
    font: z.string().min(1).optional(),
    encoding: ENCODING.optional(),
  })
  .strict()
  .refine((e) => ['value', 'formula', 'text', 'hideRow'].filter((k) => (e as Record<string, unknown>)[k] !== undefined).length === 1, 'an edit has exactly one of value, formula, text, hideRow')
  .refine((e) => (e.hideRow !== undefined) === (e.cell === undefined), 'a cell edit names its cell; a hideRow edit names none')
  .refine((e) => e.hideRow === undefined || (e.font === undefined && e.encoding === undefined), 'hideRow takes no font or encoding');

export const FindingSchema = z
  .object({
    rule: z.enum(RULE_IDS),
    sheet: z.string().min(1),
    cell: A1,
  })
  .strict();

export const PlantedErrorSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'kebab-case id'),
    what: z.string().min(20),
    edits: z.array(EditSchema).min(1),
    expect: z.array(FindingSchema).min(1),
  })
  .strict();

export const ErrorsSchema = z.array(PlantedErrorSchema).min(3);

const AMOUNTS = z.partialRecord(SourceKeySchema, z.number());
const ROW_KEY = z.string().regex(/^[1-9]\d*$/, 'a 1-based row number as a key');

export const PeriodSchema = z
  .object({
    label: z.string().min(1),
    columns: z.record(COLUMN, SourceKeySchema),
    totals: AMOUNTS,
  })
  .strict();

export const TableSchema = z
  .object({
    sheet: z.string().min(1),
    /** The header block, from its top-left cell (which UNIT_UNKNOWN points at) to the column-number row or the last header row. */
    header: RANGE,
    /** The data rows, total row included. */
    data: RANGE,
    /** The table's unit; null when neither a label nor the magnitudes tell it. */
    unit: z.enum(UNITS).nullable(),
    rowAxis: z.enum(['items', 'localities']),
    /** The STT column (null when levels show only by bold / indent / names) and the Nội dung column (ELIGIBILITY points at it). */
    sttColumn: COLUMN.nullable(),
    nameColumn: COLUMN,
    programme: z.enum(['2021-2025', '2026-2035']).optional(),
    /** Money columns of the plan period: column letter → source key. */
    columns: z.record(COLUMN, SourceKeySchema),
    /** The "(1) (2) (3)=(4)+(5)" row, when there is one (not data). */
    columnNumberRow: z.number().int().positive().nullable(),
    /** The grand-total row; null when the table has none. */
    totalRow: z.number().int().positive().nullable(),
    /** Rows whose figures are typed, not sums of other rows: the table's real money. */
    leafRows: z.array(z.number().int().positive()).min(1),
    /** Group and total rows → their direct children (1-based rows). */
    groups: z.record(ROW_KEY, z.array(z.number().int().positive()).min(1)),
    /** Rows that are catalogue items → code (DA4.TDA1, HP1.ND2). */
    codes: z.record(ROW_KEY, z.string().regex(/^(DA[1-7](\.TDA[1-3])?|HP[12](\.ND\d{1,2})?)$/)).optional(),
    /** Rows that are localities → the locality's name as written (without its STT). */
    localities: z.record(ROW_KEY, z.string().min(1)).optional(),
    /** Grand total by source key, in the table's unit: the sum of the leaf rows. */
    totals: AMOUNTS,
    byProject: z.record(z.string(), AMOUNTS).optional(),
    byLocality: z.record(z.string(), AMOUNTS).optional(),
    /** Several periods side by side (Kế hoạch 2021-2025 | Năm 2024 | Năm 2025): every period's columns. */
    periods: z.array(PeriodSchema).min(2).optional(),
    /** The label of the period that is the plan year (its columns and totals are the table's). */
    planPeriod: z.string().min(1).optional(),
  })
  .strict()
  .refine((t) => (t.periods === undefined) === (t.planPeriod === undefined), 'periods and planPeriod come together')
  .refine((t) => t.rowAxis !== 'localities' || (t.localities !== undefined && t.byLocality !== undefined), 'a table of localities declares localities and byLocality');

export const ExpectedSchema = z
  .object({
    tables: z.array(TableSchema).min(1),
    cleanFindings: z.array(FindingSchema),
  })
  .strict();

export type CellObject = z.infer<typeof CellObjectSchema>;
export type CorpusCell = z.infer<typeof CellSchema>;
export type CorpusSheet = z.infer<typeof SheetSchema>;
export type CorpusInput = z.infer<typeof InputSchema>;
export type CorpusEdit = z.infer<typeof EditSchema>;
export type CorpusFinding = z.infer<typeof FindingSchema>;
export type PlantedError = z.infer<typeof PlantedErrorSchema>;
export type CorpusTable = z.infer<typeof TableSchema>;
export type CorpusExpected = z.infer<typeof ExpectedSchema>;
export type Amounts = z.infer<typeof AMOUNTS>;
