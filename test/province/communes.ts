/** A province's folder of commune plans for the tests: 30 (or n) KH plans, amounts varied per commune. */
import { writeFileSync } from 'fs';
import { join } from 'path';
import { PlanSpec } from '../../src/core/plan';
import { buildPlanWorkbook } from '../../src/core/book/template';
import { stampFingerprint } from '../../src/core/province/stamp';
import { descriptionToXlsx } from '../../src/workbook/exceljs';

export const communeName = (i: number): string => `Xã Bản ${String(i).padStart(2, '0')}`;
export const communeFile = (i: number): string => `xa-ban-${String(i).padStart(2, '0')}.xlsx`;

/** Commune i's plan: Dự án 2, 4 and 7 with amounts that differ from commune to commune (triệu). */
export function communePlan(i: number, extra: PlanSpec['items'] = []): PlanSpec {
  return {
    programme: '2021-2025',
    level: 'xa',
    issuer: `UBND ${communeName(i).toLowerCase()}`,
    area: communeName(i),
    province: 'Lai Châu',
    year: 2025,
    unit: 'trieu',
    poorDistrict: false,
    items: [
      { code: 'DA2', unitName: 'UBND xã', amounts: { centralRecurrent: 500 + 10 * i } },
      { code: 'DA4.TDA1', unitName: 'UBND xã', amounts: { centralRecurrent: 300 + i, local: 15 } },
      { code: 'DA7.TDA2', unitName: 'UBND xã', amounts: { centralRecurrent: 20 + (i % 5) + 0.5 } },
      ...extra,
    ],
    activities: [],
  };
}

export async function writeCommune(dir: string, i: number, spec: PlanSpec = communePlan(i)): Promise<string> {
  const built = buildPlanWorkbook(spec);
  if (!built.ok) throw new Error(JSON.stringify(built.errors));
  const file = join(dir, communeFile(i));
  writeFileSync(file, await descriptionToXlsx(stampFingerprint(built.description).description));
  return file;
}
