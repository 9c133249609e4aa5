/**
 * ExcelApi requirement sets of the members the fake implements (from @types/office-js). A member
 * not listed is ExcelApi 1.1. Calling a member above `fake.supportedApi` throws ApiNotFound.
 */
export const REQUIREMENTS: Readonly<Record<string, string>> = {
  'WorksheetCollection.getItemOrNullObject': '1.4',
  'WorksheetCollection.getCount': '1.4',
  'WorksheetCollection.getFirst': '1.5',
  'WorksheetCollection.getLast': '1.5',
  'Worksheet.visibility(set)': '1.2',
  'Worksheet.tabColor': '1.7',
  'Worksheet.showGridlines': '1.8',
  'Worksheet.getRangeByIndexes': '1.7',
  'Worksheet.getUsedRange(valuesOnly)': '1.2',
  'Worksheet.getUsedRangeOrNullObject': '1.4',
  'Worksheet.freezePanes': '1.7',
  'Worksheet.protection': '1.2',
  'Worksheet.pageLayout': '1.9',
  'Worksheet.names': '1.4',
  'WorksheetProtection.protect(password)': '1.7',
  'WorksheetProtection.unprotect(password)': '1.7',
  'Range.merge': '1.2',
  'Range.unmerge': '1.2',
  'Range.rowHidden': '1.2',
  'Range.columnHidden': '1.2',
  'Range.getResizedRange': '1.2',
  'Range.getUsedRange(valuesOnly)': '1.2',
  'Range.getUsedRangeOrNullObject': '1.4',
  'Range.getIntersectionOrNullObject': '1.4',
  'Range.numberFormatLocal': '1.7',
  'Range.isEntireRow': '1.7',
  'Range.isEntireColumn': '1.7',
  'Range.dataValidation': '1.8',
  'RangeFormat.columnWidth': '1.2',
  'RangeFormat.rowHeight': '1.2',
  'RangeFormat.protection': '1.2',
  'RangeFormat.autofitColumns': '1.2',
  'RangeFormat.autofitRows': '1.2',
  'RangeFont.strikethrough': '1.9',
  'NamedItemCollection.add': '1.4',
  'NamedItemCollection.getItemOrNullObject': '1.4',
  'NamedItemCollection.getCount': '1.4',
  'NamedItem.formula': '1.7',
  'NamedItem.comment': '1.4',
  'NamedItem.scope': '1.4',
  'NamedItem.delete': '1.4',
  'NamedItem.getRangeOrNullObject': '1.4',
  'Application.suspendApiCalculationUntilNextSync': '1.6',
  'Application.calculationMode(set)': '1.8',
  'Application.suspendScreenUpdatingUntilNextSync': '1.9',
  'Workbook.getActiveCell': '1.7',
  'Worksheet.onChanged': '1.7',
  'Range.getCellProperties': '1.9',
  'Range.getMergedAreasOrNullObject': '1.13',
  'WorksheetCollection.onChanged': '1.9',
  'ChartCollection.getItemOrNullObject': '1.4',
  'Chart.chartType': '1.7',
  'ChartSeriesCollection.add': '1.7',
  'ChartSeries.setValues': '1.7',
  'ChartSeries.setXAxisValues': '1.7',
  'ChartSeries.delete': '1.7',
};

export function requiredVersion(api: string): string {
  return REQUIREMENTS[api] ?? '1.1';
}

/** Compares dotted versions numerically: "1.10" > "1.9". */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}
