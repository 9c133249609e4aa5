/**
 * Phụ lục chỉ tiêu: the plan's numeric targets (chỉ tiêu, đơn vị tính, thực hiện năm trước, kế hoạch
 * năm). Every row is the officer's; a percentage shows one decimal, counts none.
 */
import { PlanSpec } from '../../plan';
import { AnnexDocument, AnnexRow } from './document';
import { ANNEX_CODE, ANNEX_SHEET, ANNEX_TITLE, targetColumns } from './layout';
import { InputValues, inputCell } from './inputs';

function formatFor(unit: InputValues['unit'] | undefined): string {
  const u = typeof unit?.value === 'string' ? unit.value.trim() : '';
  return u === '%' || u.toLowerCase().startsWith('tỷ lệ') ? '#,##0.0' : '#,##0';
}

export function targetsDocument(spec: PlanSpec, targets: InputValues[], name?: string): AnnexDocument {
  const rows: AnnexRow[] = (targets.length > 0 ? targets : [{}]).map((values, n) => {
    const fmt = formatFor(values.unit);
    return {
      code: ANNEX_CODE.input,
      kind: 'input',
      cells: {
        stt: { value: n + 1, style: 'leaf', locked: true },
        content: inputCell(values.content, 'input'),
        unit: inputCell(values.unit, 'input'),
        previous: inputCell(values.previous, 'inputAmount', fmt),
        planned: inputCell(values.planned, 'inputAmount', fmt),
        note: inputCell(values.note, 'input'),
      },
    };
  });
  return {
    key: 'annexTargets',
    name: name ?? ANNEX_SHEET.annexTargets,
    spec,
    columns: targetColumns(spec),
    title: ANNEX_TITLE.annexTargets(spec),
    rows,
    words: null,
    orientation: 'portrait',
    moneyUnit: false,
  };
}
