/** Danh mục (the catalogue and the lists behind the drop-downs) and _kh (what KH generated). */
import { Catalog, CatalogEntry } from '../catalog';
import { PlanSpec } from '../plan';
import { quoteSheet } from './address';
import { SheetSpec, NameSpec } from './model';
import { KIND, LAYOUT_VERSION, NAMES, SHEET } from './layout';
import { a4, fitRowHeights, printArea } from './print';
import { text } from './cells';
import { grid, rectangular } from './sheet-grid';
import { STYLES } from './styles';

/** Common implementing units offered in the Đơn vị thực hiện list; users add their own. */
export const DEFAULT_UNITS = [
  'Phòng Lao động - Thương binh và Xã hội',
  'Phòng Tài chính - Kế hoạch',
  'Phòng Kinh tế',
  'Phòng Văn hóa - Xã hội',
  'Phòng Nông nghiệp và Phát triển nông thôn',
  'Trung tâm Y tế',
  'UBND xã',
];

/** How Danh mục names a catalogue entry's kind. */
export const KIND_LABEL: Readonly<Record<CatalogEntry['kind'], string>> = { project: 'dự án', subproject: 'tiểu dự án', content: 'nội dung thành phần', component: 'hợp phần' };

export function catalogSheet(spec: PlanSpec, catalog: Catalog, name: string, names: NameSpec[]): SheetSpec {
  const g = grid();
  ['Mã', 'Mã dòng', 'Tên chính thức', 'Loại', 'Đầu tư phát triển', 'Sự nghiệp', 'Chỉ vùng nghèo', '', 'Đơn vị thực hiện', 'Loại dòng'].forEach((t, c) => g.set(0, c, text(t || null, t ? 'header' : 'text')));
  catalog.entries.forEach((e, i) => {
    const r = i + 1;
    [e.code, e.outline, e.name, KIND_LABEL[e.kind], e.money.investment ? 'có' : 'không', e.money.recurrent ? 'có' : 'không', e.poorAreaOnly ? 'có' : 'không'].forEach((v, c) =>
      g.set(r, c, text(v, 'leaf', false)),
    );
  });
  const units = [...new Set([...spec.items.map((i) => i.unitName), ...spec.activities.map((a) => a.unitName)].filter((u): u is string => Boolean(u)).concat(DEFAULT_UNITS))];
  const slots = Math.max(units.length + 30, 60);
  for (let i = 0; i < slots; i++) g.set(i + 1, 8, text(units[i] ?? null, 'input', false));
  g.set(1, 9, text(KIND.leaf, 'leaf'));
  g.set(2, 9, text(KIND.group, 'leaf'));
  names.push({ name: NAMES.units, ref: `=${quoteSheet(name)}!$I$2:$I$${slots + 1}` });
  names.push({ name: NAMES.kinds, ref: `=${quoteSheet(name)}!$J$2:$J$3` });
  // what prints: the catalogue and the units named so far (the empty slots are for typing into;
  // the helper list of row kinds in J is for the drop-downs)
  const lastRow = Math.max(catalog.entries.length, units.length);
  const sheet: SheetSpec = {
    name,
    role: 'catalog',
    blocks: [{ row: 0, col: 0, cells: rectangular(g.cells) }],
    columns: [{ index: 0, width: 11 }, { index: 1, width: 9 }, { index: 2, width: 70 }, { index: 3, width: 13 }, { index: 4, width: 10 }, { index: 5, width: 10 }, { index: 6, width: 10 }, { index: 7, width: 3 }, { index: 8, width: 40 }, { index: 9, width: 10 }],
  };
  return {
    ...sheet,
    rowHeights: fitRowHeights(sheet, STYLES, Array.from({ length: lastRow + 1 }, (_, r) => r)),
    freeze: { rows: 1, columns: 0 },
    print: a4('landscape', printArea(lastRow, 8), '1:1'),
  };
}

/** _kh: what KH generated, so refreshes know what is theirs. Keys in A, values from B. */
export function metaSheet(spec: PlanSpec, sheets: Array<{ name: string; role: string; key: string }>): SheetSpec {
  const rows: (string | number | null)[][] = [
    ['kh_layout', LAYOUT_VERSION, null, null],
    ['programme', spec.programme, null, null],
    ['unit', spec.unit, null, null],
    ...sheets.map((s) => ['sheet', s.name, s.role, s.key]),
  ];
  return {
    name: SHEET.meta,
    role: 'meta',
    visibility: 'veryHidden',
    blocks: [{ row: 0, col: 0, cells: rows.map((r) => r.map((v) => text(v, 'meta'))) }],
  };
}
