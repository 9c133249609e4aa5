import type { MessageKey } from './vi';

/** English messages: the same keys as vi.ts (the compiler enforces it). */
export const en: Record<MessageKey, string> = {
  'app.name': 'KH – Poverty-reduction plans',
  'app.tagline': 'Build, check and print the budget annexes of the poverty-reduction national target programme',

  'amount.empty': 'Empty cell: no amount',
  'amount.invalid': 'Cannot read the amount "{text}"',
  'amount.unknownUnit': 'Unknown unit "{unit}" (use đồng, nghìn, triệu, tỷ)',
  'amount.ambiguous': '"{text}" is ambiguous: it may be {a} or {b}. Write it unambiguously, e.g. "1.728" (one thousand seven hundred twenty-eight) or "1,728" with a unit',
  'amount.notFound': 'Did not find exactly one amount in "{text}"',
  'unit.unknown': 'Unknown unit "{unit}" (use đồng, nghìn, triệu, tỷ)',

  'words.notANumber': 'Not a valid amount: {text}',
  'words.tooLarge': 'Amount too large to write in words (must be below 10^27 đồng)',
  'words.unknownStyle': 'Unknown option "{style}" (use linh, lẻ, nghìn, ngàn, chẵn, không đồng)',

  'range.sizeMismatch': 'Both ranges must have the same number of rows: {what} has {a}, {other} has {b}',
  'range.notNumber': 'Row {row}, column {column} of the values is not a number: "{text}"',
  'range.empty': 'The range is empty',

  'rollup.malformedCode': 'Code "{code}" is malformed (valid: DA3, DA3.1, DA3.1.2)',
  'rollup.codeNotFound': 'No row belongs to code {code}',

  'sources.ok': '✓',
  'sources.totalGap': 'Total {stated} ≠ sources {computed} (difference {difference})',
  'sources.centralGap': 'Central {stated} ≠ investment + recurrent {computed} (difference {difference})',
  'sources.localGap': 'Local {stated} ≠ investment + recurrent {computed} (difference {difference})',
  'sources.tolerance': 'Invalid tolerance: "{text}"',
  'sources.totalNotNumber': 'Row {row}: the total is not a number: "{text}"',

  'catalog.codeUnknown': 'Code "{code}" is not in the {programme} catalogue',
  'catalog.nameUnknown': 'No project in the {programme} catalogue matches "{name}"',
  'catalog.nameAmbiguous': '"{name}" matches several items ({candidates}); be more specific',
  'programme.unknown': 'Unknown programme "{text}" (use 2021-2025 or 2026-2035)',

  'text.unknownEncoding': 'Unknown encoding "{text}" (use TCVN3 or VNI)',

  'counterpart.ok': '✓ Counterpart {ratio} ≥ minimum {minimum}',
  'counterpart.low': 'Local counterpart {ratio} < minimum {minimum}: {shortfall} more needed',
  'counterpart.noCentral': 'No central budget, so no counterpart ratio',
  'counterpart.badGroup': 'Invalid province group "{text}" (use 1, 2, 3 or a share such as "10%")',

  'plan.unknownCode': 'Code "{code}" is not in the {programme} catalogue',
  'plan.activityParentMissing': 'Activity "{name}" belongs to {code}, which is not selected',
  'plan.activityParentHasChildren': 'Activity "{name}" must belong to a sub-project of {code}, not to the project itself',
  'plan.duplicateItem': 'Code {code} is selected twice',
  'plan.empty': 'No project selected',
  'plan.badAmount': 'Invalid amount at {where}: {value}',
  'sheet.sourcesMismatch': 'Sources differ',
  'sheet.statedMismatch': 'Differs',
  'sheet.rollupMismatch': 'Roll-up differs',

  'refresh.typedOverFormula': 'Cell {cell} holds a typed number ({value}) instead of KH\'s formula: KH kept it, please check',
  'refresh.kindChanged': 'Row {code} (sheet {sheet}, row {row}) has typed amounts but now has sub-items (or the reverse): KH left the row alone, please review',

  'taskpane.welcome': 'Welcome to KH',
  'taskpane.intro': 'The KH.* functions are ready in Excel. Type =KH. in a cell to see them.',
  'taskpane.functionsTitle': 'Functions',
  'taskpane.language': 'Language',
  'fn.ROLLUP': 'KH.ROLLUP(codes, values, [code]) — roll up along the project tree',
  'fn.CHECK_SOURCES': 'KH.CHECK_SOURCES(total, sources, [tolerance]) — check each row\'s funding sources',
  'fn.BANGCHU': 'KH.BANGCHU(amount, [unit], [style]) — amount in Vietnamese words',
  'fn.SOTIEN': 'KH.SOTIEN(text, [unit]) — the number in "1.728 triệu đồng"',
  'fn.DOIDONVI': 'KH.DOIDONVI(value, from, to) — convert đồng / nghìn / triệu / tỷ',
  'fn.TENDA': 'KH.TENDA(code, [programme]) — official name from a code',
  'fn.MADA': 'KH.MADA(name, [programme]) — code from a project name',
  'fn.CHUYENMA': 'KH.CHUYENMA(text, [encoding]) — TCVN3 / VNI to Unicode',
  'fn.DOIUNG': 'KH.DOIUNG(local, central, [group]) — counterpart ratio',
  'taskpane.officeMissing': 'This page is running outside Excel: workbook actions are disabled.',
};
