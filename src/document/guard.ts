/**
 * What a plan document file is, and whether KH may open it, decided from its bytes before any
 * unzipping: a .docx is a zip whose central directory is read here (entry count, declared sizes,
 * compression ratio of the parts KH reads). Works on Uint8Array, so the task pane (browser) and
 * the command (Node) refuse the same files with the same sentence. The workbook pre-flight
 * (src/workbook/preflight.ts) does this for .xlsx with Node's zlib; a document needs only three
 * XML parts, so this guard is smaller and has its own limits.
 */
import type { Message, MessageKey, MessageParams } from '../core/i18n';

export interface DocumentLimits {
  maxFileBytes: number;
  maxEntries: number;
  /** One XML part KH reads, inflated. */
  maxPartBytes: number;
  /** Inflated ÷ stored size of a part KH reads, above `ratioFloorBytes`. */
  maxRatio: number;
  ratioFloorBytes: number;
  /** A .txt plan. */
  maxTextBytes: number;
}

const MB = 1024 * 1024;

export const DOCUMENT_LIMITS: Readonly<DocumentLimits> = {
  maxFileBytes: 100 * MB,
  maxEntries: 5_000,
  maxPartBytes: 64 * MB,
  maxRatio: 100,
  ratioFloorBytes: 4 * MB,
  maxTextBytes: 32 * MB,
};

/** Why a document cannot be read, as a catalogue message; the caller adds {file}. */
export class DocumentReadError extends Error {
  constructor(readonly problem: Message) {
    super(problem.key);
    this.name = 'DocumentReadError';
  }
}

export function refuse(key: MessageKey, params: MessageParams = {}): never {
  throw new DocumentReadError({ key, params });
}

export interface ZipEntry {
  name: string;
  method: number;
  compressed: number;
  size: number;
  /** Where its local header starts. */
  localOffset: number;
}

export type DocumentKind = 'docx' | 'text';

const u16 = (b: Uint8Array, at: number): number => b[at] | (b[at + 1] << 8);
const u32 = (b: Uint8Array, at: number): number => (b[at] | (b[at + 1] << 8) | (b[at + 2] << 16)) + b[at + 3] * 0x1000000;
const startsWith = (b: Uint8Array, bytes: number[]): boolean => bytes.every((x, i) => b[i] === x);

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const EMPTY_ZIP = [0x50, 0x4b, 0x05, 0x06];
const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d];

/** The ASCII of a compound file's directory names, searched as UTF-16 ("EncryptedPackage", "WordDocument"). */
function compoundNames(b: Uint8Array): string {
  let out = '';
  const end = Math.min(b.length - 1, 8 * MB);
  for (let i = 0; i < end; i += 2) out += b[i] >= 0x20 && b[i] < 0x7f && b[i + 1] === 0 ? String.fromCharCode(b[i]) : ' ';
  return out.toLowerCase();
}

/** Text or zip; anything else is refused with its own sentence. */
export function classify(bytes: Uint8Array, limits: DocumentLimits = DOCUMENT_LIMITS): DocumentKind {
  if (bytes.length === 0) refuse('doc.input.empty');
  if (bytes.length > limits.maxFileBytes) refuse('doc.input.tooLarge', { size: Math.ceil(bytes.length / MB), limit: limits.maxFileBytes / MB });
  if (startsWith(bytes, ZIP) || startsWith(bytes, EMPTY_ZIP)) return 'docx';
  if (startsWith(bytes, CFB)) {
    const names = compoundNames(bytes);
    if (names.includes('encryptedpackage') || names.includes('encryptioninfo')) refuse('doc.input.encrypted');
    if (names.includes('workbook')) refuse('doc.input.workbook');
    if (names.includes('worddocument')) refuse('doc.input.doc');
    refuse('doc.input.notDocx');
  }
  if (startsWith(bytes, PDF)) refuse('doc.input.pdf');
  // text: no NUL bytes in its first 64 KB (UTF-16 and binaries have them)
  const head = bytes.subarray(0, 64 * 1024);
  if (head.includes(0)) refuse('doc.input.notDocx');
  if (bytes.length > limits.maxTextBytes) refuse('doc.input.tooLarge', { size: Math.ceil(bytes.length / MB), limit: limits.maxTextBytes / MB });
  return 'text';
}

/** The entries of a zip from its central directory; refusals for a truncated, damaged or crowded file. */
export function zipEntries(bytes: Uint8Array, limits: DocumentLimits = DOCUMENT_LIMITS): ZipEntry[] {
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (u32(bytes, i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) refuse('doc.input.truncated');
  const count = u16(bytes, eocd + 10);
  const cdSize = u32(bytes, eocd + 12);
  const cdOffset = u32(bytes, eocd + 16);
  // a document never needs zip64 (4 GB parts or 65 535 entries): such a file is refused, not parsed
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) refuse('doc.input.entries', { count: '65535+', limit: limits.maxEntries });
  if (count > limits.maxEntries) refuse('doc.input.entries', { count, limit: limits.maxEntries });
  if (cdOffset + cdSize > bytes.length) refuse('doc.input.truncated');
  const entries: ZipEntry[] = [];
  let p = cdOffset;
  const decoder = new TextDecoder('utf-8');
  for (let i = 0; i < count; i++) {
    if (p + 46 > bytes.length || u32(bytes, p) !== 0x02014b50) refuse('doc.input.damaged');
    const nameLength = u16(bytes, p + 28);
    const extra = u16(bytes, p + 30);
    const comment = u16(bytes, p + 32);
    if (p + 46 + nameLength > bytes.length) refuse('doc.input.truncated');
    entries.push({
      name: decoder.decode(bytes.subarray(p + 46, p + 46 + nameLength)).replace(/^\//, ''),
      method: u16(bytes, p + 10),
      compressed: u32(bytes, p + 20),
      size: u32(bytes, p + 24),
      localOffset: u32(bytes, p + 42),
    });
    p += 46 + nameLength + extra + comment;
  }
  return entries;
}

/** The stored (compressed) bytes of an entry, from its local header. */
export function entryData(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const at = entry.localOffset;
  if (at + 30 > bytes.length) refuse('doc.input.truncated');
  if (u32(bytes, at) !== 0x04034b50) refuse('doc.input.damaged');
  const start = at + 30 + u16(bytes, at + 26) + u16(bytes, at + 28);
  if (start + entry.compressed > bytes.length) refuse('doc.input.truncated');
  return bytes.subarray(start, start + entry.compressed);
}

/** The parts KH reads must be small enough and not compressed like a bomb. */
export function checkPart(entry: ZipEntry, limits: DocumentLimits = DOCUMENT_LIMITS): void {
  if (entry.size > limits.maxPartBytes) refuse('doc.input.partTooLarge', { part: entry.name, size: Math.ceil(entry.size / MB), limit: limits.maxPartBytes / MB });
  if (entry.size > limits.ratioFloorBytes && entry.compressed > 0 && entry.size / entry.compressed > limits.maxRatio) {
    refuse('doc.input.ratio', { part: entry.name, ratio: Math.round(entry.size / entry.compressed), limit: limits.maxRatio });
  }
}
