import type { documentLinesVi } from './document-lines.vi';

/** English for the activity lines and the policies section of a plan document: the same keys as document-lines.vi.ts. */
export const documentLinesEn: Record<keyof typeof documentLinesVi, string> = {
  'doc.rule.DOC_PARTS_SUM.activities': '{code}: {count} activity lines add up to {computed} {unit} ({source}), not the {stated} {unit} stated for the item (difference {difference})',
  'doc.hint.DOC_PARTS_SUM.activities': 'The workbook takes the activity lines and adds them up into the item’s row; correct the item’s figure or the activity lines in the document so that they agree.',
  'doc.rule.DOC_SOURCE_UNKNOWN.activity': '{code}: the activity line "{name}" ({amount} {unit}) does not say its funding source, and the item has several',
  'doc.hint.DOC_SOURCE_UNKNOWN.activity': 'KH leaves this item’s activity lines out of the workbook (the item keeps its own money): type each line into the project’s sheet, in the right source column.',
  'doc.rule.DOC_POLICY_DIMENSION': 'The policy "{name}" ({amount} {unit}) does not say which dimension of poverty it addresses (education, health, housing, water, information, employment)',
  'doc.hint.DOC_POLICY_DIMENSION': 'KH leaves this policy out of Biểu 02; if it belongs to a dimension, type it into Biểu 02 in that group.',
  'doc.rule.DOC_PARTS_SUM.policies': 'The policies listed in the section add up to {computed} {unit}, not the policy total it states, {stated} {unit} (difference {difference})',
  'doc.rule.DOC_ACTIVITY_UNPLACED': '{code}: the activity line "{name}" ({amount} {unit}) is written under the project, outside its sub-projects ({children})',
  'doc.hint.DOC_ACTIVITY_UNPLACED': 'KH leaves this line out of the workbook because the document does not say which sub-project it belongs to: move it into that sub-project’s section of the document, or type it into the project’s sheet under the right sub-project.',
  'doc.rule.DOC_POLICY_SOURCE': 'The policy "{name}" ({amount} {unit}) does not say its funding source',
  'doc.hint.DOC_POLICY_SOURCE': 'Biểu 02 leaves the "Nguồn vốn" cell of this row empty: name the source (central budget, local budget, integrated, policy credit, mobilised) in the document or choose it in Biểu 02.',
  'doc.rule.DOC_PARTS_SUM.policiesSource': 'The policies listed add up to {computed} {unit} of {source}, not the policy total stated for that source, {stated} {unit} (difference {difference})',
  'doc.pane.activities': 'Activity lines of {code} ({count})',
  'doc.pane.policies': 'Policies (Biểu 02), {unit}',
  'doc.pane.noSource': 'source not stated',
  'doc.pane.beneficiaries': 'Beneficiaries: {count} {unit}',
  'doc.rule.DOC_SOURCE_INFERRED.table': 'The table does not split the central budget into investment and recurrent money; the catalogue allows {codes} {source} only, so KH puts those rows\' central budget in that column',
  'doc.cli.policiesTitle': 'Policies (Biểu 02), {unit}:',
  'doc.cli.dimension.education': 'Education',
  'doc.cli.dimension.health': 'Health',
  'doc.cli.dimension.housing': 'Housing',
  'doc.cli.dimension.water': 'Water',
  'doc.cli.dimension.information': 'Information',
  'doc.cli.dimension.employment': 'Employment',
};
