/**
 * A small writer of OLE compound files (CFB, the container of .xls and of password-protected
 * .xlsx): enough for the pre-flight to tell them apart in tests without committing binaries.
 * Version 3, 512-byte sectors; every stream is padded to the mini-stream cut-off (4096 bytes) so
 * all data lives in regular sectors and no mini FAT is needed.
 */
const FREE = 0xffffffff;
const END = 0xfffffffe;
const FAT_SECT = 0xfffffffd;
const NO_STREAM = 0xffffffff;
const SECTOR = 512;

export interface CfbNode {
  name: string;
  /** A stream's bytes; absent for a storage. */
  data?: Buffer;
  children?: CfbNode[];
}

interface Flat {
  node: CfbNode;
  type: 1 | 2 | 5;
  child: number;
  right: number;
  start: number;
  size: number;
}

/** The tree of storages and streams as a compound file. */
export function writeCfb(children: CfbNode[]): Buffer {
  const flat: Flat[] = [{ node: { name: 'Root Entry', children }, type: 5, child: NO_STREAM, right: NO_STREAM, start: END, size: 0 }];
  // siblings are chained through their right pointers: a degenerate but valid red-black tree
  const add = (nodes: CfbNode[]): number => {
    const ids = nodes.map((node) => {
      flat.push({ node, type: node.data ? 2 : 1, child: NO_STREAM, right: NO_STREAM, start: END, size: 0 });
      return flat.length - 1;
    });
    ids.forEach((id, i) => {
      flat[id].right = ids[i + 1] ?? NO_STREAM;
      if (nodes[i].children) flat[id].child = add(nodes[i].children ?? []);
    });
    return ids[0] ?? NO_STREAM;
  };
  flat[0].child = add(children);

  const dirSectors = Math.ceil(flat.length / 4);
  const streams = flat.filter((f) => f.type === 2);
  const dataSectors = streams.reduce((n, f) => n + Math.ceil(Math.max(f.node.data?.length ?? 0, 4096) / SECTOR), 0);
  let fatSectors = 1;
  while (fatSectors * 128 < fatSectors + dirSectors + dataSectors) fatSectors++;
  if (fatSectors > 109) throw new RangeError('test CFB too large');
  const total = fatSectors + dirSectors + dataSectors;
  const fat = new Array<number>(fatSectors * 128).fill(FREE);
  for (let i = 0; i < fatSectors; i++) fat[i] = FAT_SECT;
  const chain = (first: number, count: number): void => {
    for (let i = 0; i < count; i++) fat[first + i] = i === count - 1 ? END : first + i + 1;
  };
  chain(fatSectors, dirSectors);
  let next = fatSectors + dirSectors;
  const body = Buffer.alloc(total * SECTOR);
  for (const f of streams) {
    const data = f.node.data ?? Buffer.alloc(0);
    const size = Math.max(data.length, 4096);
    const count = Math.ceil(size / SECTOR);
    f.start = next;
    f.size = size;
    chain(next, count);
    data.copy(body, next * SECTOR);
    next += count;
  }
  fat.forEach((v, i) => body.writeUInt32LE(v >>> 0, i * 4));
  flat.forEach((f, i) => {
    const o = (fatSectors * 128 + i * 32) * 4;
    const name = Buffer.from(`${f.node.name}\0`, 'utf16le');
    name.copy(body, o, 0, Math.min(name.length, 64));
    body.writeUInt16LE(Math.min(name.length, 64), o + 0x40);
    body.writeUInt8(f.type, o + 0x42);
    body.writeUInt8(1, o + 0x43); // black
    body.writeUInt32LE(NO_STREAM, o + 0x44);
    body.writeUInt32LE(f.right >>> 0, o + 0x48);
    body.writeUInt32LE(f.child >>> 0, o + 0x4c);
    body.writeUInt32LE(f.start >>> 0, o + 0x74);
    body.writeUInt32LE(f.size, o + 0x78);
  });
  // unused directory slots are empty entries whose pointers say "none"
  for (let i = flat.length; i < dirSectors * 4; i++) {
    const o = (fatSectors * 128 + i * 32) * 4;
    body.writeUInt32LE(NO_STREAM, o + 0x44);
    body.writeUInt32LE(NO_STREAM, o + 0x48);
    body.writeUInt32LE(NO_STREAM, o + 0x4c);
  }

  const header = Buffer.alloc(SECTOR);
  Buffer.from('d0cf11e0a1b11ae1', 'hex').copy(header, 0);
  header.writeUInt16LE(0x003e, 0x18);
  header.writeUInt16LE(0x0003, 0x1a);
  header.writeUInt16LE(0xfffe, 0x1c);
  header.writeUInt16LE(9, 0x1e);
  header.writeUInt16LE(6, 0x20);
  header.writeUInt32LE(fatSectors, 0x2c);
  header.writeUInt32LE(fatSectors, 0x30);
  header.writeUInt32LE(4096, 0x38);
  header.writeUInt32LE(END, 0x3c);
  header.writeUInt32LE(END, 0x44);
  for (let i = 0; i < 109; i++) header.writeUInt32LE(i < fatSectors ? i : FREE, 0x4c + i * 4);
  return Buffer.concat([header, body]);
}

/** What Excel writes for a workbook with a password to open: the package encrypted inside a CFB. */
export function encryptedWorkbook(): Buffer {
  const info = Buffer.alloc(1024);
  info.writeUInt16LE(4, 0); // agile encryption, version 4.4
  info.writeUInt16LE(4, 2);
  Buffer.from('<?xml version="1.0"?><encryption xmlns="http://schemas.microsoft.com/office/2006/encryption"/>', 'utf8').copy(info, 8);
  return writeCfb([
    { name: '\u0006DataSpaces', children: [{ name: 'Version', data: Buffer.alloc(64) }, { name: 'DataSpaceMap', data: Buffer.alloc(64) }] },
    { name: 'EncryptionInfo', data: info },
    { name: 'EncryptedPackage', data: Buffer.alloc(8192, 0x5a) },
  ]);
}

/** An Excel 97–2003 workbook's container: a BIFF8 "Workbook" stream (BIFF5 says "Book"). */
export function xlsWorkbook(stream: 'Workbook' | 'Book' = 'Workbook'): Buffer {
  const bof = Buffer.from([0x09, 0x08, 0x10, 0x00, 0x00, 0x06, 0x05, 0x00]); // BOF record, BIFF8, workbook globals
  return writeCfb([
    { name: stream, data: Buffer.concat([bof, Buffer.alloc(4096)]) },
    { name: '\u0005SummaryInformation', data: Buffer.alloc(256) },
  ]);
}

/** A Word 97–2003 document: a compound file that is not a workbook. */
export function wordDocument(): Buffer {
  return writeCfb([{ name: 'WordDocument', data: Buffer.alloc(4096) }, { name: '1Table', data: Buffer.alloc(4096) }]);
}

/** The macro storage of an .xlsm (vbaProject.bin): VBA/dir, VBA/Module1, PROJECT. */
export function vbaProject(): Buffer {
  return writeCfb([
    { name: 'VBA', children: [{ name: 'dir', data: Buffer.alloc(512) }, { name: 'Module1', data: Buffer.from("Sub Auto_Open()\r\n  Shell \"calc.exe\"\r\nEnd Sub\r\n", 'latin1') }] },
    { name: 'PROJECT', data: Buffer.from('ID="{00000000-0000-0000-0000-000000000000}"\r\nModule=Module1\r\n', 'latin1') },
  ]);
}
