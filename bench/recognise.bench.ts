/**
 * Recognising and checking an officer's own Biểu 01 of 1k to 20k detail rows (merged two-level
 * header, STT I / 1 / a) / -, SUM totals with their cached values, as Excel saves them), beside
 * `kh check` on a plan of the same number of activities in KH's layout.
 */
import { performance } from 'perf_hooks';
import { WorkbookSnapshot, SheetSnapshot } from '../src/core/book/snapshot';
import { CellValue } from '../src/core/book/model';
import { runChecks } from '../src/core/checks/engine';
import { recogniseSheet } from '../src/core/table/recognise';
import { buildPlanWorkbook } from '../src/core/book/template';
import { fullPlanSpec } from './plans';
import { descriptionSnapshot } from './checks.bench';
import { fmtMs, median, scalingExponent, table } from './harness';

const ITEMS: Array<[string, string]> = [
  ['I', 'Dự án 2: Đa dạng hóa sinh kế, phát triển mô hình giảm nghèo'],
  ['II', 'Dự án 3: Hỗ trợ phát triển sản xuất, cải thiện dinh dưỡng'],
  ['III', 'Dự án 4: Phát triển giáo dục nghề nghiệp, việc làm bền vững'],
  ['IV', 'Dự án 6: Truyền thông và giảm nghèo về thông tin'],
  ['V', 'Dự án 7: Nâng cao năng lực và giám sát, đánh giá Chương trình'],
];

/** An officer's sheet with `leaves` activity rows spread over five Dự án. */
export function officerSheet(leaves: number): SheetSnapshot {
  const values: CellValue[][] = [];
  const formulas: (string | null)[][] = [];
  const push = (v: CellValue[], f: (string | null)[] = []): number => {
    values.push(v);
    formulas.push(Array.from({ length: v.length }, (_, i) => f[i] ?? null));
    return values.length; // 1-based row number
  };
  push(['ỦY BAN NHÂN DÂN']);
  push(['HUYỆN MƯỜNG TÈ']);
  push(['KẾ HOẠCH VỐN THỰC HIỆN CHƯƠNG TRÌNH MTQG GIẢM NGHÈO BỀN VỮNG NĂM 2025']);
  push([null, null, null, null, null, null, 'Đơn vị tính: triệu đồng']);
  push(['STT', 'Nội dung', 'Tổng cộng', 'Ngân sách trung ương', null, null, 'Ngân sách địa phương', 'Huy động khác', 'Ghi chú']);
  push([null, null, null, 'Tổng', 'Đầu tư phát triển', 'Sự nghiệp', null, null, null]);
  push(['(1)', '(2)', '(3)', '(4)', '(5)', '(6)', '(7)', '(8)', '(9)']);
  const totalRow = push([null, 'TỔNG CỘNG', 0, 0, 0, 0, 0, 0]);
  const groupRows: number[] = [];
  const per = Math.ceil(leaves / ITEMS.length);
  let made = 0;
  for (const [stt, name] of ITEMS) {
    const g = push([stt, name, 0, 0, 0, 0, 0, 0]);
    groupRows.push(g);
    const first = g + 1;
    const sums = [0, 0, 0, 0, 0, 0]; // total, NSTW, ĐTPT, SN, NSĐP, huy động
    for (let k = 0; k < per && made < leaves; k++, made++) {
      const sn = 10 + ((k * 37) % 400);
      const local = k % 5 === 0 ? 2 : 0;
      const mob = k % 7 === 0 ? 3 : 0;
      const r = values.length + 1;
      push([String(k + 1), `Hoạt động ${k + 1} của ${name.split(':')[0]}`, sn + local + mob, sn, 0, sn, local, mob], [null, null, `=D${r}+G${r}+H${r}`, `=E${r}+F${r}`]);
      sums[0] += sn + local + mob;
      sums[1] += sn;
      sums[3] += sn;
      sums[4] += local;
      sums[5] += mob;
    }
    const last = values.length;
    values[g - 1] = [stt, name, ...sums];
    formulas[g - 1] = [null, null, ...['C', 'D', 'E', 'F', 'G', 'H'].map((c) => `=SUM(${c}${first}:${c}${last})`)];
  }
  // the grand total, cached as Excel would
  const col = (c: number): number => groupRows.reduce((s, g) => s + Number(values[g - 1][c] ?? 0), 0);
  values[totalRow - 1] = [null, 'TỔNG CỘNG', col(2), col(3), col(4), col(5), col(6), col(7)];
  formulas[totalRow - 1] = [null, null, ...['C', 'D', 'E', 'F', 'G', 'H'].map((c) => `=${groupRows.map((g) => `${c}${g}`).join('+')}`)];
  return { name: 'Biểu 01', visibility: 'visible', values, formulas, merges: ['A5:A6', 'B5:B6', 'C5:C6', 'D5:F5', 'G5:G6', 'H5:H6', 'I5:I6'] };
}

export async function runRecogniseBench(): Promise<string> {
  const rows: Array<Array<string | number>> = [];
  const points: Array<[number, number]> = [];
  for (const leaves of [1000, 5000, 10000, 20000]) {
    const sheet = officerSheet(leaves);
    const snapshot: WorkbookSnapshot = { sheets: [sheet], names: [] };
    const runs = leaves >= 10000 ? 3 : 5;
    const recog: number[] = [];
    const checked: number[] = [];
    let findings = 0;
    for (let i = 0; i < runs; i++) {
      let t0 = performance.now();
      recogniseSheet(sheet);
      recog.push(performance.now() - t0);
      t0 = performance.now();
      findings = runChecks(snapshot).findings.filter((f) => f.severity !== 'info').length;
      checked.push(performance.now() - t0);
    }
    const built = buildPlanWorkbook(fullPlanSpec(leaves));
    if (!built.ok) throw new Error('build');
    const khSnapshot = descriptionSnapshot(built.description);
    const kh: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      runChecks(khSnapshot);
      kh.push(performance.now() - t0);
    }
    points.push([leaves, median(checked)]);
    rows.push([leaves.toLocaleString('en-US'), sheet.values.length.toLocaleString('en-US'), fmtMs(median(recog)), fmtMs(median(checked)), findings, fmtMs(median(kh))]);
  }
  return [
    '### Recognising an officer\'s own Biểu 01 and checking it (median of 3–5 runs), beside kh check on KH\'s layout',
    '',
    table(['activities', 'sheet rows', 'recognise (ms)', 'recognise + every rule (ms)', 'errors + warnings', 'KH layout, every rule (ms)'], rows),
    '',
    `Scaling exponent of recognise + check (1k→20k): ${scalingExponent(points).toFixed(2)}`,
  ].join('\n');
}
