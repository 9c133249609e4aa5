/** Plans in the fake for the pane's tests: the Lai Châu 2024 sheets, with or without its amounts typed. */
import { ExcelFake } from '../../src/testing/excel-fake';
import { generatePlan } from '../../src/workbook/operations';
import { LAI_CHAU_2024 } from '../../src/core/examples/lai-chau-2024';
import { PlanSpec } from '../../src/core/plan';

/** The seven amounts as an officer types them: sheet, the SN cell of the item's row, amount. */
export const LAI_CHAU_AMOUNTS: ReadonlyArray<[string, string, number]> = [
  ['DA2', 530],
  ['DA3.TDA2', 342],
  ['DA4.TDA1', 685],
  ['DA4.TDA3', 81],
  ['DA6.TDA2', 17],
  ['DA7.TDA1', 51],
  ['DA7.TDA2', 22],
].map(([code, amount]) => [String(code).split('.')[0], String(code), Number(amount)] as [string, string, number]);

/** The row (1-based) of a code on a project sheet (the code column is O). */
export function rowOf(fake: ExcelFake, sheet: string, code: string): number {
  const canonical = code.replace(/\.TDA(\d+)$/, '.$1');
  const r = fake.sheet(sheet).values().findIndex((line) => line[14] === canonical);
  if (r < 0) throw new Error(`no row ${code} on ${sheet}`);
  return r + 1;
}

export async function laiChauInFake(options: { amounts: boolean; api?: string } = { amounts: true }): Promise<ExcelFake> {
  const fake = new ExcelFake({ supportedApi: options.api ?? '1.17' });
  const spec: PlanSpec = { ...LAI_CHAU_2024, items: LAI_CHAU_2024.items.map((i) => ({ ...i, amounts: undefined })) };
  const out = await generatePlan((b) => fake.run(b as never), spec, fake);
  if (!out.ok) throw new Error(JSON.stringify(out.errors));
  if (options.amounts) for (const [sheet, code, amount] of LAI_CHAU_AMOUNTS) fake.userEdit(sheet, `H${rowOf(fake, sheet, code)}`, amount);
  await fake.settled();
  fake.resetCounters();
  return fake;
}
