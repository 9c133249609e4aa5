/**
 * Checking a folder of plans (a province with 200 commune plans): every workbook checked, one bad
 * file reported and skipped, and a summary workbook that rolls all files up by project and source
 * and lists which file each error came from.
 */
import { readdirSync, realpathSync, statSync } from 'fs';
import { join, relative } from 'path';
import { readXlsx, workbookSnapshot } from '../workbook/exceljs';
import { READ_LIMITS, WorkbookReadError } from '../workbook/preflight';
import { Message, translate } from '../core/i18n';
import { runChecks, CheckResult } from '../core/checks/engine';
import { Finding, messageOf } from '../core/checks/finding';
import { AMOUNT_KEYS, AmountKey, PlanFacts } from '../core/checks/model';
import { FileFigures, OTHER_ITEM, fileFigures } from '../core/table/figures';
import { cellWhere, ruleTitle } from '../core/checks/report';
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
  /** The file's figures in triệu: from KH's Tổng hợp or the officer's own table; none, with the reason, when unread. */
  figures?: FileFigures;
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

export async function checkFile(path: string, root: string, tolerance?: number, facts: PlanFacts = {}): Promise<FileOutcome> {
  const file = relative(root, path) || path;
  try {
    const { workbook, inspection } = await readXlsx(readInput(path));
    const snapshot = workbookSnapshot(workbook, READ_LIMITS, inspection);
    const notes: Message[] = inspection.macros ? [{ key: 'input.macros' }] : [];
    const result = runChecks(snapshot, { ...(tolerance !== undefined ? { tolerance } : {}), facts });
    return { file, ok: true, result, figures: fileFigures(result.model.tables), notes };
  } catch (error) {
    // one bad file (hostile, damaged, too large) is reported and skipped; the others go on
    if (error instanceof WorkbookReadError) return { file, ok: false, problem: error.problem };
    if (error instanceof CliError && error.problem) return { file, ok: false, problem: error.problem };
    return { file, ok: false, problem: { key: 'input.damaged' } };
  }
}

/** What a file gave the roll-up, in one sentence (the "Theo tệp" sheet). */
function statusOf(o: FileOutcome): string {
  if (!o.ok) return o.problem ? renderProblem(o.problem, o.file, 'vi') : translate('summary.unreadable', {}, 'vi');
  const f = o.figures;
  const table = f?.table ? `'${f.table.sheet}'!${f.table.range}` : '';
  const others = f && f.notAdded.length > 0 ? ` ${translate('summary.notAdded', { tables: f.notAdded.map((t) => `'${t.sheet}'!${t.range}`).join(', ') }, 'vi')}` : '';
  if (!f || f.problem === 'noTable') return translate('summary.noTable', {}, 'vi');
  if (f.problem === 'unitUnknown') return translate('summary.unitUnknown', { table }, 'vi') + others;
  return translate(f.from === 'kh' ? 'summary.kh' : 'summary.recognised', { table }, 'vi') + others;
}

/** The province view: projects × sources summed over every file, each file's totals, every error with its file. */
export function summaryWorkbook(outcomes: FileOutcome[]): WorkbookDescription {
  const taxonomy = sourceTaxonomy('2021-2025');
  const label = (k: AmountKey): string => taxonomy.find((t) => t.key === k)?.labelVi ?? k;
  const header = (texts: string[]): CellSpec[] => texts.map((t) => ({ value: t, style: 'header' }));
  const amount = (v: number | null): CellSpec => ({ value: v, numberFormat: '#,##0.###', style: 'leafAmount' });
  const text = (v: string | number | null, style = 'leaf'): CellSpec => ({ value: v, style });
  const unitNote = [text(translate('summary.unit', {}, 'vi'))];
  const read = outcomes.filter((o) => o.figures && o.figures.problem === null);
  const sumOf = (pick: (o: FileOutcome) => number | undefined): number => sumExact(read.map((o) => pick(o) ?? 0));

  const codes = [...new Set(read.flatMap((o) => [...(o.figures?.projects.keys() ?? [])]))].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  const projectRows: CellSpec[][] = codes.map((code) => {
    const name = read.map((o) => o.figures?.projects.get(code)?.name).find(Boolean) ?? code;
    const files = read.filter((o) => o.figures?.projects.has(code)).length;
    return [text(code === OTHER_ITEM ? '—' : code, 'code'), text(name), text(files), ...AMOUNT_KEYS.map((k) => amount(sumOf((o) => o.figures?.projects.get(code)?.amounts[k])))];
  });
  // the grand total is every file's detail rows, localities-only tables included
  const grand = [text('TỔNG CỘNG', 'grandTotal'), text(null, 'grandTotal'), text(read.length, 'grandTotal'), ...AMOUNT_KEYS.map((k) => ({ value: sumOf((o) => o.figures?.total?.[k]), numberFormat: '#,##0.###', style: 'grandTotalAmount' }))];
  const byProject: SheetSpec = {
    name: 'Tổng hợp các tệp',
    role: 'summary',
    blocks: [{ row: 0, col: 0, cells: [header(['Mã', 'Nội dung', 'Số tệp', ...AMOUNT_KEYS.map(label)]), grand, ...projectRows, [], unitNote] }],
    columns: [{ index: 0, width: 10 }, { index: 1, width: 60 }, { index: 2, width: 8 }, ...AMOUNT_KEYS.map((_, i) => ({ index: 3 + i, width: 14 }))],
    freeze: { rows: 1, columns: 2 },
  };

  const places = [...new Set(read.flatMap((o) => [...(o.figures?.localities.keys() ?? [])]))];
  const localityRows: CellSpec[][] = places.map((place) => [
    text(place),
    text(read.filter((o) => o.figures?.localities.has(place)).map((o) => o.file).join(', ')),
    ...AMOUNT_KEYS.map((k) => amount(sumOf((o) => o.figures?.localities.get(place)?.[k]))),
  ]);
  const byLocality: SheetSpec = {
    name: 'Theo địa phương',
    role: 'summary',
    blocks: [{ row: 0, col: 0, cells: [header(['Địa phương', 'Tệp', ...AMOUNT_KEYS.map(label)]), ...localityRows, [], unitNote] }],
    columns: [{ index: 0, width: 30 }, { index: 1, width: 40 }, ...AMOUNT_KEYS.map((_, i) => ({ index: 2 + i, width: 14 }))],
    freeze: { rows: 1, columns: 1 },
  };

  const fileRows: CellSpec[][] = outcomes.map((o) => {
    const c = o.result?.counts;
    const totals = AMOUNT_KEYS.map((k) => amount(o.figures?.problem === null ? o.figures.total?.[k] ?? 0 : null));
    return [text(o.file), text(statusOf(o)), text(c?.error ?? null), text(c?.warning ?? null), text(c?.info ?? null), ...totals];
  });
  const byFile: SheetSpec = {
    name: 'Theo tệp',
    role: 'check',
    blocks: [{ row: 0, col: 0, cells: [header(['Tệp', 'Trạng thái', 'Lỗi', 'Cảnh báo', 'Thông tin', ...AMOUNT_KEYS.map(label)]), ...fileRows, [], unitNote] }],
    columns: [{ index: 0, width: 40 }, { index: 1, width: 48 }, ...AMOUNT_KEYS.map((_, i) => ({ index: 5 + i, width: 14 }))],
    freeze: { rows: 1, columns: 1 },
  };

  const errors: Array<[FileOutcome, Finding]> = outcomes.flatMap((o) => (o.result?.findings ?? []).filter((f) => f.severity !== 'info').map((f): [FileOutcome, Finding] => [o, f]));
  const errorRows: CellSpec[][] = errors.map(([o, f]) => [text(o.file), text(f.severity === 'error' ? 'Lỗi' : 'Cảnh báo'), text(ruleTitle(f.rule)), text(f.cell ? cellWhere(f.sheet, f.cell) : f.sheet), text(messageOf(f, 'vi'))]);
  const findings: SheetSpec = {
    name: 'Lỗi theo tệp',
    role: 'check',
    blocks: [{ row: 0, col: 0, cells: [header(['Tệp', 'Mức độ', 'Quy tắc', 'Ô', 'Nội dung']), ...errorRows] }],
    columns: [{ index: 0, width: 40 }, { index: 1, width: 10 }, { index: 2, width: 30 }, { index: 3, width: 20 }, { index: 4, width: 90 }],
    freeze: { rows: 1, columns: 1 },
  };
  return { sheets: [byProject, ...(places.length > 0 ? [byLocality] : []), byFile, findings], names: [], styles: STYLES };
}
