/**
 * All or nothing, on the strict Excel fake in its worst case (a failed request keeps the
 * operations before the failing one; a write split over several requests can stop between
 * them): Excel refuses at every request of each operation, at its first, middle and last
 * operation, and the workbook afterwards holds exactly what it held before — or, when Excel keeps
 * refusing, the officer is told it is partial and clicking again completes it.
 */
import { ExcelFake, FAULTS, type FaultSpec } from '../../src/testing/excel-fake';
import { ExcelRun, buildAnnexesInExcel, generatePlan, sendSafeInExcel } from '../../src/workbook/operations';
import { convertLegacyInExcel } from '../../src/workbook/tools';
import { WriteRefused } from '../../src/workbook/recover';
import { LAI_CHAU_2024 } from '../../src/core/examples/lai-chau-2024';
import { PlanSpec } from '../../src/core/plan';

jest.setTimeout(120000);

const runOn = (fake: ExcelFake): ExcelRun => (batch) => fake.run(batch as never);

interface State {
  sheets: string[];
  content: Record<string, unknown[][]>;
  names: Array<[string, string]>;
}

function state(fake: ExcelFake): State {
  const sheets = fake.sheetNames();
  return {
    sheets,
    content: Object.fromEntries(sheets.map((s) => [s, fake.sheet(s).formulas()])),
    names: fake.names().map((n) => [n.name, n.formula] as [string, string]).sort(),
  };
}

const GROWN: PlanSpec = { ...LAI_CHAU_2024, items: [...LAI_CHAU_2024.items, { code: 'DA3.TDA1', unitName: 'Phòng Kinh tế' }] };

/** A workbook with the plan, the officer's own sheet and typed notes, and the annexes. */
async function officersWorkbook(): Promise<ExcelFake> {
  const fake = new ExcelFake().seed({ 'Ghi chép': [['Họp ngày 12/01', 'Thống nhất số liệu'], [1728, '=A2*2']] });
  await generatePlan(runOn(fake), LAI_CHAU_2024, fake);
  await buildAnnexesInExcel(runOn(fake), fake);
  fake.userEdit('DA2', 'M7', 'Giữ nguyên theo QĐ 1234');
  await fake.settled();
  return fake;
}

type Operation = { name: string; setup: () => Promise<ExcelFake>; run: (fake: ExcelFake) => Promise<unknown> };

const OPERATIONS: Operation[] = [
  { name: 'refreshing the plan after it gained a sub-project (rows inserted, split over several requests)', setup: officersWorkbook, run: (f) => generatePlan(runOn(f), GROWN, f, { payloadBudget: 6_000 }) },
  { name: 'building the annexes', setup: async () => {
    const f = await officersWorkbook();
    await generatePlan(runOn(f), GROWN, f);
    return f;
  }, run: (f) => buildAnnexesInExcel(runOn(f), f, { payloadBudget: 80_000 }) },
  { name: 'send-safe over KH formulas', setup: async () => {
    const f = new ExcelFake();
    await generatePlan(runOn(f), LAI_CHAU_2024, f, { formulaStyle: 'kh' });
    return f;
  }, run: (f) => sendSafeInExcel(runOn(f), f) },
  { name: 'converting TCVN3 text in a sheet', setup: async () => {
    const f = new ExcelFake().seed({ S: [['Céng hßa x· héi chñ nghÜa ViÖt Nam', 'Hỗ trợ'], ['§éc lËp', 530]] });
    f.userSelect('S', 'A1');
    return f;
  }, run: (f) => convertLegacyInExcel(runOn(f), f, 'sheet') },
];

/** The write requests an operation makes, learnt from a run that succeeds: index and operations. */
async function writeSyncs(op: Operation): Promise<Array<{ index: number; operations: number }>> {
  const fake = await op.setup();
  fake.resetCounters();
  await op.run(fake);
  return fake.syncLog.filter((s) => s.writes > 0).map((s) => ({ index: s.index, operations: s.operations }));
}

describe.each(OPERATIONS)('$name', (op) => {
  test('Excel refusing at any request, at its first, middle or last operation: the workbook is as it was', async () => {
    const syncs = await writeSyncs(op);
    expect(syncs.length).toBeGreaterThan(0);
    if (op === OPERATIONS[0]) expect(syncs.length).toBeGreaterThanOrEqual(2);
    let cases = 0;
    for (const sync of syncs) {
      for (const after of [...new Set([0, Math.floor(sync.operations / 2), sync.operations - 1])]) {
        const fake = await op.setup();
        const before = state(fake);
        fake.resetCounters();
        const fault: FaultSpec = { ...FAULTS.cellEditMode, afterOperations: after };
        const stop = fake.failSyncWhen((s) => s.index === sync.index, fault);
        const error = await op.run(fake).then(() => null, (e: unknown) => e);
        stop();
        expect(error).toBeInstanceOf(WriteRefused);
        expect(['untouched', 'restored']).toContain((error as WriteRefused).recovery);
        expect(state(fake)).toEqual(before);
        cases++;
      }
    }
    expect(cases).toBeGreaterThanOrEqual(syncs.length);
  });
});

describe('each refusal the officer meets', () => {
  test.each<[string, (f: ExcelFake) => void]>([
    ['a read-only workbook', (f) => void (f.readOnly = true)],
    ['a request over the 5 MB limit', (f) => void (f.requestLimitBytes = 10_000)],
    ['an internal error of Excel half-way', (f) => void f.failSyncWhen((s) => s.operations.length > 50, { ...FAULTS.generalException, afterOperations: 50 })],
  ])('%s: nothing is left half-written', async (_label, refuse) => {
    const fake = await officersWorkbook();
    const before = state(fake);
    refuse(fake);
    const error = await generatePlan(runOn(fake), GROWN, fake, { payloadBudget: Infinity }).then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(WriteRefused);
    fake.readOnly = false;
    expect(state(fake)).toEqual(before);
  });

  test('a sheet protected with a password: refused before any change', async () => {
    const fake = await officersWorkbook();
    await fake.run(async (context) => {
      const p = context.workbook.worksheets.getItem('DA3').protection;
      p.unprotect();
      p.protect({ allowInsertRows: true }, 'mật khẩu');
      await context.sync();
    });
    const before = state(fake);
    const error = await generatePlan(runOn(fake), GROWN, fake).then(() => null, (e: unknown) => e);
    expect(error).toMatchObject({ recovery: 'untouched', code: 'InvalidArgument' });
    expect(state(fake)).toEqual(before);
  });

  test('Excel refusing everything after the first request: partial, said so; clicking again completes it, nothing lost', async () => {
    const done = await officersWorkbook();
    await generatePlan(runOn(done), GROWN, done, { payloadBudget: 6_000 });
    const expected = state(done);

    const fake = await officersWorkbook();
    fake.resetCounters();
    const firstWrite = (await writeSyncs(OPERATIONS[0]))[0].index;
    const stop = fake.failSyncWhen((s) => s.index > firstWrite, FAULTS.cellEditMode);
    const error = await generatePlan(runOn(fake), GROWN, fake, { payloadBudget: 6_000 }).then(() => null, (e: unknown) => e);
    expect(error).toMatchObject({ recovery: 'partial' });
    stop();
    const again = await generatePlan(runOn(fake), GROWN, fake, { payloadBudget: 6_000 });
    expect(again.ok).toBe(true);
    expect(state(fake)).toEqual(expected);
  });
});
