/**
 * `npm run bench`: every benchmark, printed as markdown tables. Speed goals live here, never in
 * timed tests (shared machines make those flaky). `npm run bench -- rollup` runs one.
 */
import os from 'os';
import { runRollupBench } from './rollup.bench';
import { runWorkbookBench } from './workbook.bench';
import { runChecksBench } from './checks.bench';
import { runBatchBench } from './batch.bench';
import { runCalcBench } from './calc.bench';
import { runTaskpaneBench } from './taskpane.bench';
import { runImportBench } from './import.bench';
import { runConsolidateBench } from './consolidate.bench';
import { runRecogniseBench } from './recognise.bench';

const BENCHES: Record<string, () => string | Promise<string>> = {
  rollup: runRollupBench,
  workbook: runWorkbookBench,
  checks: runChecksBench,
  batch: runBatchBench,
  calc: runCalcBench,
  taskpane: runTaskpaneBench,
  import: runImportBench,
  consolidate: runConsolidateBench,
  recognise: runRecogniseBench,
};

const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const names = wanted.length > 0 ? wanted : Object.keys(BENCHES);
console.log(`KH benchmarks — node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${new Date().toISOString()}\n`);
async function main(): Promise<void> {
  for (const name of names) {
    const bench = BENCHES[name];
    if (!bench) {
      console.error(`unknown benchmark "${name}" (have: ${Object.keys(BENCHES).join(', ')})`);
      process.exitCode = 2;
      continue;
    }
    console.log(await bench());
    console.log();
  }
}

void main();
