/**
 * The annexes against the oracle: LibreOffice recalculates the workbook and every annex total
 * equals the plan sheets (both real plans and 20 random plans with random policies and other
 * programmes); recalculated annexes give no ANNEX_DRIFT; Biểu 01 of a plan with all seven Dự án
 * and every sub-project prints one page wide on A4 landscape.
 */
import { spawnSync } from 'child_process';
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import fc from 'fast-check';
import { buildPlanWithAnnexes } from '../../src/core/book/annex/generate';
import { ANNEX_CODE, annex01Columns, annex02Columns, annex03Columns } from '../../src/core/book/annex/layout';
import { descriptionToXlsx, xlsxToSnapshot } from '../../src/workbook/exceljs';
import { wordsToAmount } from '../../src/core/words';
import { LAI_CHAU_2024, BINH_LU_2025 } from '../../src/core/examples/lai-chau-2024';
import { PlanSpec, INPUT_SOURCES, DIMENSIONS, POLICY_SOURCES, Policy, OtherProgramme } from '../../src/core/plan';
import { ROWS, SHEET, planColumns } from '../../src/core/book/layout';
import { WorkbookSnapshot, findSheet } from '../../src/core/book/snapshot';
import { runChecks } from '../../src/core/checks/engine';
import { sumExact } from '../../src/core/money';
import { numberAt, recalculate, requireLibreOffice } from '../support/calc-oracle';
import { annexPdf, fullPlan } from '../support/annex-print';
import { requirePdftoppm } from '../support/libreoffice';
import { randomPlan } from '../support/random-plans';

const describeLO = requireLibreOffice() ? describe : describe.skip;
const S = planColumns('2021-2025').summary.index;
const AMOUNTS = ['total', 'central', ...INPUT_SOURCES] as const;
const C01 = annex01Columns('2021-2025');
const C02 = annex02Columns();
const C03 = annex03Columns('2021-2025');
const col = (cols: typeof C01, key: string): number => cols.findIndex((c) => c.key === key);

async function computed(spec: PlanSpec): Promise<WorkbookSnapshot> {
  const built = buildPlanWithAnnexes(spec);
  if (!built.ok) throw new Error(JSON.stringify(built.errors));
  return recalculate(await descriptionToXlsx(built.description));
}

function rowOf(snap: WorkbookSnapshot, sheet: string, codeCol: number, code: string): number {
  const s = findSheet(snap, sheet);
  const r = s?.values.findIndex((line) => line[codeCol] === code) ?? -1;
  if (r < 0) throw new Error(`${sheet}: no row ${code}`);
  return r;
}

/** Every Biểu 01 row equals its plan row; Biểu 01 and Biểu 03 A equal Tổng hợp; Biểu 03 = A + B + C; C = Biểu 02. */
function expectAnnexesAgree(snap: WorkbookSnapshot, spec: PlanSpec): void {
  const code01 = col(C01, 'code');
  const b01 = findSheet(snap, 'Biểu 01')!;
  for (const key of AMOUNTS) {
    const summaryTotal = numberAt(snap, SHEET.summary, ROWS.firstData, S[key]);
    expect({ key, annex01: numberAt(snap, 'Biểu 01', rowOf(snap, 'Biểu 01', code01, ANNEX_CODE.total), col(C01, key)) }).toEqual({ key, annex01: expect.closeTo(summaryTotal, 9) });
    expect({ key, a: numberAt(snap, 'Biểu 03', rowOf(snap, 'Biểu 03', col(C03, 'code'), 'A'), col(C03, key)) }).toEqual({ key, a: expect.closeTo(summaryTotal, 9) });
    const parts = ['A', 'B', 'C'].map((c) => numberAt(snap, 'Biểu 03', rowOf(snap, 'Biểu 03', col(C03, 'code'), c), col(C03, key)));
    expect({ key, grand: numberAt(snap, 'Biểu 03', rowOf(snap, 'Biểu 03', col(C03, 'code'), ANNEX_CODE.total), col(C03, key)) }).toEqual({ key, grand: expect.closeTo(sumExact(parts), 9) });
  }
  // row by row: Biểu 01 against the plan sheet row with the same code
  for (let r = 0; r < b01.values.length; r++) {
    const code = b01.values[r][code01];
    if (typeof code !== 'string' || !/^DA\d/.test(code)) continue;
    const sheetName = code.split('.')[0];
    const plan = findSheet(snap, sheetName)!;
    const pr = plan.values.findIndex((line) => line[14] === code);
    const planTotal = typeof plan.values[pr][4] === 'number' ? (plan.values[pr][4] as number) : 0;
    expect({ code, value: numberAt(snap, 'Biểu 01', r, col(C01, 'total')) }).toEqual({ code, value: expect.closeTo(planTotal, 9) });
  }
  const policies = sumExact((spec.policies ?? []).map((p) => p.amount ?? 0));
  expect(numberAt(snap, 'Biểu 02', rowOf(snap, 'Biểu 02', col(C02, 'code'), ANNEX_CODE.total), col(C02, 'amount'))).toBeCloseTo(policies, 9);
  const withSource = sumExact((spec.policies ?? []).filter((p) => p.source).map((p) => p.amount ?? 0));
  expect(numberAt(snap, 'Biểu 03', rowOf(snap, 'Biểu 03', col(C03, 'code'), 'C'), col(C03, 'total'))).toBeCloseTo(withSource, 9);
  const others = sumExact((spec.otherProgrammes ?? []).flatMap((o) => INPUT_SOURCES.map((s) => o.amounts[s] ?? 0)));
  expect(numberAt(snap, 'Biểu 03', rowOf(snap, 'Biểu 03', col(C03, 'code'), 'B'), col(C03, 'total'))).toBeCloseTo(others, 9);
}

const money = fc.integer({ min: 0, max: 9000 }).map((n) => n / 10);
const policy: fc.Arbitrary<Policy> = fc.record({
  dimension: fc.constantFrom(...DIMENSIONS),
  name: fc.constantFrom('Miễn, giảm học phí', 'Hỗ trợ mua thẻ bảo hiểm y tế', 'Hỗ trợ tiền điện', '- Hỗ trợ nước sinh hoạt'),
  amount: money,
  // some policies have no source: Biểu 03 leaves them out, and so must its words
  source: fc.option(fc.constantFrom(...POLICY_SOURCES), { nil: undefined, freq: 4 }),
});

/** ANNEX_DRIFT findings other than "this policy has no source" (which random plans may have on purpose). */
function drift(snap: WorkbookSnapshot) {
  return runChecks(snap).findings.filter((f) => f.rule === 'ANNEX_DRIFT' && f.message.key !== 'rule.ANNEX_DRIFT.policySource');
}

/** "Bằng chữ" under an annex's total, read back as a number in triệu. */
function wordsOf(snap: WorkbookSnapshot, sheet: string): number | null {
  const line = findSheet(snap, sheet)!.values.find((r) => typeof r[0] === 'string' && r[0].startsWith('Bằng chữ: '));
  const read = wordsToAmount(String(line?.[0]).slice('Bằng chữ: '.length));
  return read.ok ? Number(read.dong) / 1e6 : null;
}
const other: fc.Arbitrary<OtherProgramme> = fc.record({
  name: fc.constantFrom('Chương trình MTQG xây dựng nông thôn mới', 'Chương trình MTQG phát triển KT-XH vùng DTTS và MN'),
  amounts: fc.record({ centralInvestment: money, centralRecurrent: money, local: money }),
});

describeLO('LibreOffice recalculates the annexes to the plan sheets', () => {
  test('Lai Châu 2024: Biểu 01 total 1.728, no ANNEX_DRIFT once calculated', async () => {
    const snap = await computed(LAI_CHAU_2024);
    expect(numberAt(snap, 'Biểu 01', rowOf(snap, 'Biểu 01', col(C01, 'code'), ANNEX_CODE.total), col(C01, 'total'))).toBe(1728);
    expectAnnexesAgree(snap, LAI_CHAU_2024);
    const words = findSheet(snap, 'Biểu 01')!.values.find((r) => typeof r[0] === 'string' && r[0].startsWith('Bằng chữ'));
    expect(words?.[0]).toBe('Bằng chữ: Một tỷ bảy trăm hai mươi tám triệu đồng.');
    expect(runChecks(snap).findings.filter((f) => f.rule === 'ANNEX_DRIFT')).toEqual([]);
  }, 120_000);

  test('Bình Lư 2025 with policies and another programme: 1.915 in Biểu 01, A + B + C in Biểu 03', async () => {
    const spec: PlanSpec = {
      ...BINH_LU_2025,
      policies: [
        { dimension: 'health', name: 'Hỗ trợ mua thẻ bảo hiểm y tế cho người thuộc hộ cận nghèo', amount: 412.5, source: 'central' },
        { dimension: 'education', name: 'Miễn, giảm học phí', amount: 96, source: 'local' },
        { dimension: 'housing', name: 'Cho vay làm nhà ở', amount: 400, source: 'credit' },
      ],
      otherProgrammes: [{ name: 'Chương trình MTQG xây dựng nông thôn mới', amounts: { centralInvestment: 1500, local: 300 } }],
    };
    const snap = await computed(spec);
    expect(numberAt(snap, 'Biểu 01', rowOf(snap, 'Biểu 01', col(C01, 'code'), ANNEX_CODE.total), col(C01, 'total'))).toBe(1915);
    expect(numberAt(snap, 'Biểu 03', rowOf(snap, 'Biểu 03', col(C03, 'code'), ANNEX_CODE.total), col(C03, 'total'))).toBeCloseTo(1915 + 1800 + 908.5, 9);
    expect(numberAt(snap, 'Biểu 03', rowOf(snap, 'Biểu 03', col(C03, 'code'), 'C'), col(C03, 'credit'))).toBe(400);
    expectAnnexesAgree(snap, spec);
    expect(runChecks(snap).findings.filter((f) => f.rule === 'ANNEX_DRIFT')).toEqual([]);
  }, 120_000);

  test('policies without a funding source: Biểu 03 computes without them, and so do its words; ANNEX_DRIFT quiet before and after calculation', async () => {
    const spec: PlanSpec = {
      ...LAI_CHAU_2024,
      policies: [
        { dimension: 'health', name: 'Hỗ trợ mua thẻ bảo hiểm y tế', amount: 74742, source: 'central' },
        { dimension: 'education', name: 'Miễn, giảm học phí', amount: 4800 },
      ],
    };
    const built = buildPlanWithAnnexes(spec);
    if (!built.ok) throw new Error('build');
    const bytes = await descriptionToXlsx(built.description);
    expect(drift(await xlsxToSnapshot(bytes))).toEqual([]);
    const snap = await recalculate(bytes);
    const total = numberAt(snap, 'Biểu 03', rowOf(snap, 'Biểu 03', col(C03, 'code'), ANNEX_CODE.total), col(C03, 'total'));
    expect(total).toBe(76470);
    expect(wordsOf(snap, 'Biểu 03')).toBe(76470);
    expect(wordsOf(snap, 'Biểu 02')).toBe(79542);
    expect(drift(snap)).toEqual([]);
  }, 120_000);

  test('20 random plans: every annex total equals the plan sheets (property)', async () => {
    await fc.assert(
      fc.asyncProperty(randomPlan, fc.array(policy, { maxLength: 5 }), fc.array(other, { maxLength: 2 }), async (plan, policies, others) => {
        const spec = { ...plan, policies, otherProgrammes: others };
        const snap = await computed(spec);
        expectAnnexesAgree(snap, spec);
        expect(drift(snap)).toEqual([]);
        expect(wordsOf(snap, 'Biểu 03')).toBeCloseTo(numberAt(snap, 'Biểu 03', rowOf(snap, 'Biểu 03', col(C03, 'code'), ANNEX_CODE.total), col(C03, 'total')), 6);
      }),
      { numRuns: 20 },
    );
  }, 900_000);
});

function pdfText(pdf: string, page: number): string {
  const r = spawnSync('pdftotext', ['-layout', '-f', String(page), '-l', String(page), pdf, '-'], { encoding: 'utf8' });
  return r.stdout;
}

function pageSize(pdf: string, page: number): { w: number; h: number } {
  const r = spawnSync('pdfinfo', ['-f', String(page), '-l', String(page), pdf], { encoding: 'utf8' });
  const m = /Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/.exec(r.stdout);
  return { w: Number(m?.[1]), h: Number(m?.[2]) };
}

(requireLibreOffice() && requirePdftoppm() ? describe : describe.skip)('the annexes print like the real thing', () => {
  test('Biểu 01 of a plan with all 7 Dự án and their sub-projects: A4 landscape, one page wide, header on every page', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kh-annex-pdf-'));
    try {
      const pdf = await annexPdf(fullPlan(), dir);
      const info = spawnSync('pdfinfo', [pdf], { encoding: 'utf8' }).stdout;
      const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
      const texts = Array.from({ length: pages }, (_, i) => pdfText(pdf, i + 1));
      const first = texts.findIndex((t) => t.includes('Biểu số 01'));
      const next = texts.findIndex((t) => t.includes('Biểu số 02'));
      expect(first).toBe(0);
      expect(next).toBeGreaterThan(1); // Biểu 01 of the full plan runs over more than one page
      for (let p = first; p < next; p++) {
        // every page of Biểu 01 carries the first and the last column: nothing was cut across pages
        expect({ page: p + 1, stt: texts[p].includes('STT'), note: texts[p].includes('Ghi chú'), last: texts[p].includes('(12)') }).toEqual({ page: p + 1, stt: true, note: true, last: true });
        const size = pageSize(pdf, p + 1);
        expect({ page: p + 1, w: Math.round(size.w), h: Math.round(size.h) }).toEqual({ page: p + 1, w: 842, h: 595 });
      }
      expect(texts[next - 1]).toContain('Bằng chữ:');
      expect(texts.slice(first, next).join('\n')).toContain('Tiểu dự án 2: Giám sát, đánh giá');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});
