/** The annexes as printed: a plan wide enough to test page width, and the annexes alone as a PDF. */
import { writeFileSync } from 'fs';
import { join } from 'path';
import { buildPlanWithAnnexes } from '../../src/core/book/annex/generate';
import { ANNEX_SHEET } from '../../src/core/book/annex/layout';
import { descriptionToXlsx, readXlsx } from '../../src/workbook/exceljs';
import { LAI_CHAU_2024 } from '../../src/core/examples/lai-chau-2024';
import { PlanSpec } from '../../src/core/plan';
import { getCatalog, childrenOf } from '../../src/core/catalog';
import { toPdf } from './libreoffice';

/** A plan with all seven Dự án and every sub-project, two activities each: the widest Biểu 01. */
export function fullPlan(): PlanSpec {
  const catalog = getCatalog('2021-2025');
  const leaves = catalog.entries.filter((e) => childrenOf(catalog, e.code).length === 0);
  return {
    ...LAI_CHAU_2024,
    poorDistrict: true,
    items: leaves.map((e) => ({ code: e.code, unitName: 'Phòng Lao động - Thương binh và Xã hội' })),
    activities: leaves.flatMap((e, i) => [
      { parent: e.code, name: `Hoạt động ${i + 1}.1: hỗ trợ trực tiếp cho người dân`, amounts: { centralRecurrent: 100 + i } },
      { parent: e.code, name: `Hoạt động ${i + 1}.2: tập huấn, tuyên truyền`, amounts: { centralRecurrent: 50, local: 5 } },
    ]),
  };
}

/** The annexes alone as a PDF: the other sheets hidden, Biểu 01 the active one. */
export async function annexPdf(spec: PlanSpec, dir: string): Promise<string> {
  const built = buildPlanWithAnnexes(spec);
  if (!built.ok) throw new Error('build');
  // read as KH reads a file: print areas stay absolute when written back
  const { workbook: wb } = await readXlsx(await descriptionToXlsx(built.description));
  const annexes = new Set(Object.values(ANNEX_SHEET));
  wb.views = [{ activeTab: wb.worksheets.findIndex((w) => w.name === 'Biểu 01'), firstSheet: 0, x: 0, y: 0, width: 20000, height: 20000, visibility: 'visible' }] as never;
  for (const ws of wb.worksheets) {
    if (annexes.has(ws.name)) continue;
    ws.state = 'hidden';
    // LibreOffice's PDF export prints the print area of a hidden sheet too
    ws.pageSetup.printArea = undefined;
  }
  const file = join(dir, 'bieu.xlsx');
  writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
  return toPdf(file, dir);
}

