/**
 * Recalculating plans of 1k / 10k activity rows in the strict Excel fake (what the playground
 * does after a change): the plan and its annexes generated through the office.js adapter, then
 * `recalculate` — reading the fake, computing every formula, writing the values back. The two
 * last columns split it: reading the cells out of the fake, and calculating them from memory
 * (what a CalcWorkbook that already holds its cells costs).
 */
import { performance } from 'perf_hooks';
import { ExcelFake } from '../src/testing/excel-fake';
import { calculate, fakeWorkbook, recalculate, type CalcCell, type CalcWorkbook } from '../src/testing/calc';
import { ExcelRun, buildAnnexesInExcel, generatePlan } from '../src/workbook/operations';
import { buildPlanWorkbook } from '../src/core/book/template';
import { fullPlanSpec } from './plans';
import { fmtMs, median, table } from './harness';

const runOn = (fake: ExcelFake): ExcelRun => (batch) => fake.run(batch as never);
const RUNS = 5;

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

    const total: number[] = [];
    const read: number[] = [];
    const calc: number[] = [];
    let formulas = 0;
    let errors = 0;
    for (let i = 0; i < RUNS; i++) {
      const report = recalculate(fake);
      total.push(report.ms);
      formulas = report.formulas;
      errors = report.errors;

      const t0 = performance.now();
      const live = fakeWorkbook(fake);
      const cells: CalcCell[][] = live.sheets.map((s) => [...s.cells()]);
      read.push(performance.now() - t0);
      const inMemory: CalcWorkbook = { names: live.names, sheets: live.sheets.map((s, k) => ({ name: s.name, cells: () => cells[k] })) };
      calc.push(calculate(inMemory).ms);
    }
    rows.push([dataRows.toLocaleString('en-US'), formulas.toLocaleString('en-US'), errors, fmtMs(median(total)), fmtMs(median(read)), fmtMs(median(calc))]);
  }
  return [
    `### Recalculating a plan in the strict Excel fake (plan sheets + annexes), median of ${RUNS} runs`,
    '',
    table(['data rows', 'formulas', 'errors', 'recalculate: read + calculate + write (ms)', 'of which reading the fake (ms)', 'calculating from memory (ms)'], rows),
  ].join('\n');
}
