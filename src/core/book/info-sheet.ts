/** Thông tin: the plan's facts as named cells, the stated totals and the document's figures. */
import { translate } from '../i18n';
import { PlanSpec, LEVEL_LABEL } from '../plan';
import { UNIT_EXPONENT, UNIT_LABEL_VI } from '../units';
import { cellAddress, quoteSheet, rangeAddress } from './address';
import { SheetSpec, NameSpec } from './model';
import { INFO_FIELDS, INFO_ROWS, NAMES, ROWS, STATED_SOURCES, planColumns } from './layout';
import { sourceTaxonomy } from '../sources';
import { a4, fitRowHeights, printArea } from './print';
import { infoExtras, periodLabel, periodValue, statedInPlanUnit } from './document-fields';
import { formula, text } from './cells';
import { grid, rectangular } from './sheet-grid';
import { STYLES, amountFormat } from './styles';

/** The value each Thông tin field gets from the spec. */
export function infoValues(spec: PlanSpec): Record<string, string | number | null> {
  return {
    issuer: spec.issuer,
    level: LEVEL_LABEL[spec.level],
    area: spec.area,
    province: spec.province,
    programme: spec.programme,
    year: periodValue(spec),
    documentNumber: spec.documentNumber ?? null,
    documentDate: spec.documentDate ?? null,
    unit: UNIT_LABEL_VI[spec.unit],
    decimals: spec.decimals ?? (spec.unit === 'ty' ? 2 : 0),
    provinceGroup: spec.provinceGroup ?? null,
    poorDistrict: spec.poorDistrict ? 'có' : 'không',
    preparer: spec.preparer ?? null,
    signerAuthority: spec.signer?.authority ?? null,
    signerTitle: spec.signer?.title ?? null,
    signerName: spec.signer?.name ?? null,
    tolerance: 10 ** -UNIT_EXPONENT[spec.unit],
  };
}

export function infoSheet(spec: PlanSpec, name: string, summaryName: string, names: NameSpec[]): SheetSpec {
  const g = grid();
  const merges: string[] = [];
  const fmt = amountFormat(spec);
  g.set(INFO_ROWS.title, 0, text(`THÔNG TIN KẾ HOẠCH ${periodLabel(spec).toUpperCase()}`, 'title'));
  merges.push(rangeAddress(INFO_ROWS.title, 0, 1, 5));
  const values = infoValues(spec);
  INFO_FIELDS.forEach((f, i) => {
    const r = INFO_ROWS.firstField + i;
    g.set(r, 0, text(f.label, 'label'));
    const v = values[f.key];
    g.set(r, 1, { value: v, style: 'input', locked: false, numberFormat: f.key === 'tolerance' ? '0.#########' : typeof v === 'number' ? '0' : '@' });
    names.push({ name: f.name, ref: `=${quoteSheet(name)}!${cellAddress(r, 1, true)}` });
  });

  const h = INFO_ROWS.statedHeader;
  ['Tổng số trong văn bản kế hoạch', 'Số nêu trong văn bản', 'Số tính từ bảng', 'Kiểm tra', 'Chênh lệch'].forEach((t, c) => g.set(h, c, text(t, 'header')));
  const summaryCols = planColumns(spec.programme).summary;
  const taxonomy = sourceTaxonomy(spec.programme);
  STATED_SOURCES.forEach((source, i) => {
    const r = h + 1 + i;
    const x = r + 1;
    g.set(r, 0, text(taxonomy.find((t) => t.key === source)?.labelVi ?? source, 'leaf'));
    g.set(r, 1, { value: statedInPlanUnit(spec, source), style: 'inputAmount', numberFormat: fmt, locked: false });
    g.set(r, 2, formula(`=${quoteSheet(summaryName)}!${summaryCols.letter[source]}${ROWS.firstData + 1}`, 'leafAmount', fmt));
    g.set(r, 3, formula(`=IF(B${x}="","",IF(ABS(B${x}-C${x})<=${NAMES.tolerance},"✓","${translate('sheet.statedMismatch')}"))`, 'check'));
    g.set(r, 4, formula(`=IF(B${x}="","",B${x}-C${x})`, 'leafAmount', fmt));
    names.push({ name: `KH_SoNeu_${source}`, ref: `=${quoteSheet(name)}!${cellAddress(r, 1, true)}` });
  });
  for (const x of infoExtras(spec, name, summaryName, fmt, names)) g.set(x.row, x.col, x.cell);
  // the figures read from a plan document sit below the stated totals, and print with them
  const lastRow = Math.max(h + STATED_SOURCES.length, g.cells.length - 1);
  const sheet: SheetSpec = {
    name,
    role: 'info',
    blocks: [{ row: 0, col: 0, cells: rectangular(g.cells) }],
    merges,
    columns: [{ index: 0, width: 44 }, { index: 1, width: 34 }, { index: 2, width: 16 }, { index: 3, width: 12 }, { index: 4, width: 14 }, { index: 5, width: 24 }, { index: 6, hidden: true }],
  };
  return {
    ...sheet,
    rowHeights: fitRowHeights(sheet, STYLES, Array.from({ length: lastRow + 1 }, (_, r) => r)),
    print: a4('portrait', printArea(lastRow, g.cells.some((line) => line?.[5] != null) ? 5 : 4)),
    validations: INFO_FIELDS.map((f, i) => (f.options ? { range: cellAddress(INFO_ROWS.firstField + i, 1), list: f.options } : null)).filter((v): v is NonNullable<typeof v> => v !== null),
    protect: true,
  };
}
