/**
 * Checking a folder of plans (a province with 200 commune plans): every workbook checked, one bad
 * file reported and skipped, and a summary workbook that rolls all files up by project and source
 * and lists which file each error came from.
 */
import { readdirSync, realpathSync, statSync } from 'fs';
import { join, relative } from 'path';
import { readXlsx, workbookSnapshot } from '../workbook/exceljs';
import { WorkbookReadError } from '../workbook/preflight';
import { Message } from '../core/i18n';
import { runChecks, CheckResult } from '../core/checks/engine';
import { Finding, messageOf } from '../core/checks/finding';
import { AMOUNT_KEYS, AmountKey } from '../core/checks/model';
import { sumExact } from '../core/money';
import { sourceTaxonomy } from '../core/sources';
import { CellSpec, SheetSpec, WorkbookDescription } from '../core/book/model';
import { STYLES } from '../core/book/template';
import { CliError, readInput, renderProblem } from './files';

export interface FileOutcome {
  file: string;
  ok: boolean;
  /** Why the file could not be checked (damaged, password-protected, not a workbook, too large). */
  problem?: Message;
  /** Remarks on a file that was checked (its macros were ignored). */
  notes?: Message[];
  result?: CheckResult;
  /** Totals by project outline code and source, from the file's Tổng hợp. */
  projects?: Map<string, { name: string; amounts: Record<AmountKey, number> }>;
}

export function workbooksIn(dir: string): string[] {
  const out: string[] = [];
  // a link back up the tree must not walk forever: each real folder is visited once
  const seen = new Set<string>();
  const walk = (d: string): void => {
    const real = realpathSync(d);
    if (seen.has(real)) return;
    seen.add(real);
    for (const name of readdirSync(d).sort()) {
      if (name.startsWith('.') || name.startsWith('~$')) continue;
      const p = join(d, name);
      let isDir = false;
      try {
        isDir = statSync(p).isDirectory();
      } catch {
        // a dangling link: listed, and reported as unreadable like any other bad file
      }
      if (isDir) walk(p);
      else if (/\.(xlsx|xlsm|xls)$/i.test(name)) out.push(p);
    }
  };
  walk(dir);
  return out;
}

export async function checkFile(path: string, root: string, tolerance?: number): Promise<FileOutcome> {
  const file = relative(root, path) || path;
  try {
    const { workbook, inspection } = await readXlsx(readInput(path));
    const snapshot = workbookSnapshot(workbook);
    const notes: Message[] = inspection.macros ? [{ key: 'input.macros' }] : [];
    const result = runChecks(snapshot, tolerance !== undefined ? { tolerance } : {});
    const projects = new Map<string, { name: string; amounts: Record<AmountKey, number> }>();
    const summary = result.model.tables.find((t) => t.role === 'summary');
    for (const row of summary?.rows ?? []) {
      if (!row.code || row.kind === 'total') continue;
      const amounts = {} as Record<AmountKey, number>;
      for (const k of AMOUNT_KEYS) amounts[k] = row.cells[k]?.number ?? 0;
      projects.set(row.code, { name: String(row.content ?? row.code), amounts });
    }
    return { file, ok: true, result, projects, notes };
  } catch (error) {
    // one bad file (hostile, damaged, too large) is reported and skipped; the others go on
    if (error instanceof WorkbookReadError) return { file, ok: false, problem: error.problem };
    if (error instanceof CliError && error.problem) return { file, ok: false, problem: error.problem };
    return { file, ok: false, problem: { key: 'input.damaged' } };
  }
}

/** The province view: projects × sources summed over every file, each file's totals, every error with its file. */
export function summaryWorkbook(outcomes: FileOutcome[]): WorkbookDescription {
  const taxonomy = sourceTaxonomy('2021-2025');
  const label = (k: AmountKey): string => taxonomy.find((t) => t.key === k)?.labelVi ?? k;
  const header = (texts: string[]): CellSpec[] => texts.map((t) => ({ value: t, style: 'header' }));
  const amount = (v: number): CellSpec => ({ value: v, numberFormat: '#,##0.##', style: 'leafAmount' });
  const text = (v: string | number | null, style = 'leaf'): CellSpec => ({ value: v, style });

  const codes = [...new Set(outcomes.flatMap((o) => [...(o.projects?.keys() ?? [])]))].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  const projectRows: CellSpec[][] = codes.map((code) => {
    const name = outcomes.map((o) => o.projects?.get(code)?.name).find(Boolean) ?? code;
    const files = outcomes.filter((o) => o.projects?.has(code)).length;
    return [text(code, 'code'), text(name), text(files), ...AMOUNT_KEYS.map((k) => amount(sumExact(outcomes.map((o) => o.projects?.get(code)?.amounts[k] ?? 0))))];
  });
  const grand = [text('TỔNG CỘNG', 'grandTotal'), text(null, 'grandTotal'), text(outcomes.filter((o) => o.ok).length, 'grandTotal'), ...AMOUNT_KEYS.map((k) => ({ value: sumExact(codes.map((code) => sumExact(outcomes.map((o) => o.projects?.get(code)?.amounts[k] ?? 0)))), numberFormat: '#,##0.##', style: 'grandTotalAmount' }))];
  const byProject: SheetSpec = {
    name: 'Tổng hợp các tệp',
    role: 'summary',
    blocks: [{ row: 0, col: 0, cells: [header(['Mã', 'Nội dung', 'Số tệp', ...AMOUNT_KEYS.map(label)]), grand, ...projectRows] }],
    columns: [{ index: 0, width: 10 }, { index: 1, width: 60 }, { index: 2, width: 8 }, ...AMOUNT_KEYS.map((_, i) => ({ index: 3 + i, width: 14 }))],
    freeze: { rows: 1, columns: 2 },
  };

  const fileRows: CellSpec[][] = outcomes.map((o) => {
    const c = o.result?.counts;
    const totals = AMOUNT_KEYS.map((k) => amount(sumExact([...(o.projects?.values() ?? [])].map((p) => p.amounts[k]))));
    return [text(o.file), text(o.ok ? 'đã kiểm tra' : o.problem ? renderProblem(o.problem, o.file, 'vi') : 'không đọc được'), text(c?.error ?? null), text(c?.warning ?? null), text(c?.info ?? null), ...totals];
  });
  const byFile: SheetSpec = {
    name: 'Theo tệp',
    role: 'check',
    blocks: [{ row: 0, col: 0, cells: [header(['Tệp', 'Trạng thái', 'Lỗi', 'Cảnh báo', 'Thông tin', ...AMOUNT_KEYS.map(label)]), ...fileRows] }],
    columns: [{ index: 0, width: 40 }, { index: 1, width: 24 }, ...AMOUNT_KEYS.map((_, i) => ({ index: 5 + i, width: 14 }))],
    freeze: { rows: 1, columns: 1 },
  };

  const errors: Array<[FileOutcome, Finding]> = outcomes.flatMap((o) => (o.result?.findings ?? []).filter((f) => f.severity !== 'info').map((f): [FileOutcome, Finding] => [o, f]));
  const errorRows: CellSpec[][] = errors.map(([o, f]) => [text(o.file), text(f.severity === 'error' ? 'Lỗi' : 'Cảnh báo'), text(f.rule, 'code'), text(f.cell ? `${f.sheet}!${f.cell}` : f.sheet), text(messageOf(f, 'vi'))]);
  const findings: SheetSpec = {
    name: 'Lỗi theo tệp',
    role: 'check',
    blocks: [{ row: 0, col: 0, cells: [header(['Tệp', 'Mức độ', 'Quy tắc', 'Ô', 'Nội dung']), ...errorRows] }],
    columns: [{ index: 0, width: 40 }, { index: 1, width: 10 }, { index: 2, width: 16 }, { index: 3, width: 18 }, { index: 4, width: 90 }],
    freeze: { rows: 1, columns: 1 },
  };
  return { sheets: [byProject, byFile, findings], names: [], styles: STYLES };
}
