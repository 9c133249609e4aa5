/**
 * Reading a plan document (the Kế hoạch, from .docx or text): blocks → reading → plan spec and
 * document findings. `src/document` turns files into blocks; everything here is pure.
 */
import { blocksFromText } from './text';
import { DocBlock } from './model';
import { DocumentReading, ReadOptions, readDocument } from './read';
import { checkDocument } from './rules';
import { specFromReading } from './spec';
import { DocFinding, sortFindings } from './findings';
import type { PlanSpec } from '../plan';

export interface DocumentImport {
  reading: DocumentReading;
  spec: PlanSpec;
  findings: DocFinding[];
}

export function importBlocks(blocks: DocBlock[], options: ReadOptions = {}): DocumentImport {
  const reading = readDocument(blocks, options);
  return { reading, spec: specFromReading(reading), findings: sortFindings(checkDocument(reading)) };
}

export function importText(text: string, options: ReadOptions = {}): DocumentImport {
  return importBlocks(blocksFromText(text), options);
}

export { blocksFromText } from './text';
export { parseFunding, allFigures, type Figure, type FundingStatement } from './funding';
export { renderDocFinding, renderDocMessage, placeOf, sortFindings, countFindings, type DocFinding, type DocRuleId, type RenderedDocFinding } from './findings';
export { DOC_RULES, checkDocument } from './rules';
export { readDocument, type DocumentReading, type ReadOptions } from './read';
export { specFromReading } from './spec';
export type { DocBlock, DocParagraph, DocTable, DocCell, Provenance } from './model';
