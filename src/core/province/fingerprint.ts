/**
 * The fingerprint of a plan's figures: a short hash over what the tables say — each detail row's
 * code, kind, implementing unit and amounts by source, in đồng — and nothing else. Fonts, widths,
 * colours, formulas versus typed values, the plan's unit (1.728 triệu and 1.728.000.000 đồng are
 * the same money), and which program wrote the file (exceljs, Excel, the pane) do not change it;
 * one đồng more anywhere does. A commune hands its plan upward with the fingerprint; the province
 * (`kh verify`) or anyone later tells whether the figures are still those.
 *
 * Read from the one table model, so it works on KH's layout and on an officer's recognised table.
 * KH's Tổng hợp is left out: it only adds the project sheets up, which are in.
 */
import { CellValue } from '../book/model';
import { SheetSnapshot, WorkbookSnapshot, findSheet } from '../book/snapshot';
import { decimalFromNumber, round, shift, toPlainString } from '../decimal';
import { sha256 } from '../sha256';
import { UNIT_EXPONENT } from '../units';
import { AMOUNT_KEYS, BudgetTable, TableRow } from '../table/model';

/** Bumped if what goes into the hash changes: an old fingerprint then says it is of another kind. */
export const FINGERPRINT_VERSION = 1;

/** Where KH writes the fingerprint on Thông tin (row 2, between the title and the fields). */
export const FINGERPRINT_CELL = { row: 1, labelCol: 0, valueCol: 1 } as const;
export const FINGERPRINT_LABEL = 'Dấu vân tay số liệu';
export const FINGERPRINT_NAME = 'KH_VanTay';

export interface Fingerprint {
  /** "7K3M-Q9XD-2HBT-W0RA": 80 bits of SHA-256 in Crockford base 32. */
  value: string;
  tables: number;
  rows: number;
  /** The canonical text hashed (tests and `kh verify --explain` compare it line by line). */
  canonical: string;
}

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

function base32(bytes: Uint8Array, chars: number): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const b of bytes) {
    buffer = (buffer << 8) | b;
    bits += 8;
    while (bits >= 5 && out.length < chars) {
      out += CROCKFORD[(buffer >>> (bits - 5)) & 31];
      bits -= 5;
    }
    buffer &= (1 << bits) - 1;
    if (out.length >= chars) break;
  }
  return out;
}

/** Text as compared: NFC, spaces collapsed, trimmed. */
function plain(v: CellValue): string {
  if (v === null || v === undefined) return '';
  return String(v).normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** An amount in đồng, exact, to a thousandth of a đồng (what survives the binary noise of a sum). */
function dong(n: number, exponent: number): string {
  return toPlainString(round(shift(decimalFromNumber(n), exponent), 3));
}

function tableKey(t: BudgetTable): string {
  const base = t.origin === 'kh' ? `kh:${t.entryCode ?? t.name}` : `sheet:${plain(t.name)}`;
  return t.period ? `${base}|${plain(t.period)}` : base;
}

function rowLine(row: TableRow, ordinal: number, exponent: number | null): string {
  const parts = [row.code ?? `#${ordinal}`, row.kind ?? '', plain(row.unitName)];
  for (const k of AMOUNT_KEYS) {
    const cell = row.cells[k];
    if (!cell) continue;
    if (cell.number !== null && exponent !== null) {
      if (cell.number !== 0) parts.push(`${k}=${dong(cell.number, exponent)}`);
    } else if (cell.number !== null) parts.push(`${k}=${toPlainString(decimalFromNumber(cell.number))}?`);
    else if (cell.value !== null && plain(cell.value) !== '') parts.push(`${k}="${plain(cell.value)}"`);
    else if (cell.formula) parts.push(`${k}=?`);
  }
  return parts.join('\t');
}

/** The tables whose detail rows are the plan: KH's project sheets, an officer's tables as read (plan year). */
export function fingerprintTables(tables: readonly BudgetTable[]): BudgetTable[] {
  return tables.filter((t) => t.primary && !(t.origin === 'kh' && t.role === 'summary')).sort((a, b) => (tableKey(a) < tableKey(b) ? -1 : tableKey(a) > tableKey(b) ? 1 : 0));
}

export function fingerprintOf(tables: readonly BudgetTable[]): Fingerprint {
  const lines = [`kh-fingerprint/${FINGERPRINT_VERSION}`];
  let rows = 0;
  const chosen = fingerprintTables(tables);
  for (const t of chosen) {
    // a table whose unit nobody wrote: amounts hashed as written, marked so
    const exponent = t.unit ? UNIT_EXPONENT[t.unit] : null;
    lines.push(`table\t${tableKey(t)}`);
    let ordinal = 0;
    for (const row of t.rows) {
      ordinal++;
      if (row.kind !== 'leaf') continue;
      lines.push(rowLine(row, ordinal, exponent));
      rows++;
    }
  }
  const canonical = lines.join('\n');
  const v = base32(sha256(canonical), 16);
  return { value: `${v.slice(0, 4)}-${v.slice(4, 8)}-${v.slice(8, 12)}-${v.slice(12)}`, tables: chosen.length, rows, canonical };
}

/** A fingerprint as typed: case, spaces and dashes do not matter; O, I, L read as 0, 1, 1. */
export function normaliseFingerprint(text: string): string | null {
  const s = text.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (!/^[0-9A-HJKMNP-TV-Z]{16}$/.test(s)) return null;
  return `${s.slice(0, 4)}-${s.slice(4, 8)}-${s.slice(8, 12)}-${s.slice(12)}`;
}

/** The fingerprint KH wrote on Thông tin when it made the file; null when none is there. */
export function storedFingerprint(info: SheetSnapshot | undefined): string | null {
  if (!info) return null;
  const label = info.values[FINGERPRINT_CELL.row]?.[FINGERPRINT_CELL.labelCol];
  const value = info.values[FINGERPRINT_CELL.row]?.[FINGERPRINT_CELL.valueCol];
  if (plain(label) !== FINGERPRINT_LABEL || typeof value !== 'string') return null;
  return normaliseFingerprint(value);
}

export function storedFingerprintIn(snapshot: WorkbookSnapshot, infoSheet: string): string | null {
  return storedFingerprint(findSheet(snapshot, infoSheet));
}
