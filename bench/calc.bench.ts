/**
 * Recalculating plans of 1k / 10k activity rows in the strict Excel fake (what the playground
 * does after every change): the plan and its annexes generated through the office.js adapter,
 * then `recalculate` — reading the fake, computing every formula, writing the values back — and
 * the calculation alone on the same workbook.
 */
import { performance } from 'perf_hooks';
import { ExcelFake } from '../src/testing/excel-fake';
import { calculate, fakeWorkbook, recalculate } from '../src/testing/calc';
import { ExcelRun, buildAnnexesInExcel, generatePlan } from '../src/workbook/operations';
import { buildPlanWorkbook } from '../src/core/book/template';
import { fullPlanSpec } from './plans';
import { fmtMs, median, table } from './harness';

const runOn = (fake: ExcelFake): ExcelRun => (batch) => fake.run(batch as never);

export async function runCalcBench(): Promise<string> {
  const rows: Array<Array<string | number>> = [];
  for (const activities of [1000, 10000]) {
    const spec = fullPlanSpec(activities);
    const built = buildPlanWorkbook(spec);
    if (!built.ok) throw new Error('build');
    const dataRows = built.projects.reduce((n, p) => n + p.rows.length, 0);
    const fake = new ExcelFake();
    fake.requestLimitBytes = Infinity;
    const generated = await generatePlan(runOn(fake), spec, fake);
    if (!generated.ok) throw new Error('generate');
    const annexes = await buildAnnexesInExcel(runOn(fake), fake);
    if (!annexes.ok) throw new Error('annexes');

    const runs = 5;
    const total: number[] = [];
    const calcOnly: number[] = [];
    let formulas = 0;
    let errors = 0;
    for (let i = 0; i < runs; i++) {
      const report = recalculate(fake);
      total.push(report.ms);
      formulas = report.formulas;
      errors = report.errors;
      const t0 = performance.now();
      calculate(fakeWorkbook(fake));
      calcOnly.push(performance.now() - t0);
    }
    rows.push([dataRows.toLocaleString('en-US'), formulas.toLocaleString('en-US'), errors, fmtMs(median(total)), fmtMs(median(calcOnly))]);
  }
  return [
    '### Recalculating a plan in the strict Excel fake (plan sheets + annexes), median of 5 runs',
    '',
    table(['data rows', 'formulas', 'errors', 'recalc: read + calculate + write (ms)', 'read + calculate (ms)'], rows),
  ].join('\n');
}
