// WOFF 1.0 → SFNT (https://www.w3.org/TR/WOFF/). The format is a table directory plus
// zlib-compressed tables; rebuilding the SFNT is a few lines of byte copying, and no maintained
// npm package does only this.
import zlib from 'node:zlib';

export function woffToSfnt(woff: Uint8Array): Buffer {
  const src = Buffer.from(woff.buffer, woff.byteOffset, woff.byteLength);
  if (src.readUInt32BE(0) !== 0x774f4646) throw new Error('not a WOFF 1.0 file');
  const flavor = src.readUInt32BE(4);
  const numTables = src.readUInt16BE(12);
  const tables = [];
  for (let i = 0; i < numTables; i++) {
    const at = 44 + i * 20;
    tables.push({
      tag: src.readUInt32BE(at),
      offset: src.readUInt32BE(at + 4),
      compLength: src.readUInt32BE(at + 8),
      origLength: src.readUInt32BE(at + 12),
      checksum: src.readUInt32BE(at + 16),
    });
  }
  let searchRange = 1,
    entrySelector = 0;
  while (searchRange * 2 <= numTables) {
    searchRange *= 2;
    entrySelector++;
  }
  searchRange *= 16;
  const header = Buffer.alloc(12 + 16 * numTables);
  header.writeUInt32BE(flavor, 0);
  header.writeUInt16BE(numTables, 4);
  header.writeUInt16BE(searchRange, 6);
  header.writeUInt16BE(entrySelector, 8);
  header.writeUInt16BE(numTables * 16 - searchRange, 10);
  const bodies: Buffer[] = [];
  let offset = header.length;
  tables.forEach((t, i) => {
    const raw = src.subarray(t.offset, t.offset + t.compLength);
    const data = t.compLength < t.origLength ? zlib.inflateSync(raw) : raw;
    if (data.length !== t.origLength) throw new Error('corrupt WOFF table');
    const at = 12 + i * 16;
    header.writeUInt32BE(t.tag, at);
    header.writeUInt32BE(t.checksum, at + 4);
    header.writeUInt32BE(offset, at + 8);
    header.writeUInt32BE(t.origLength, at + 12);
    const padded = Buffer.alloc((data.length + 3) & ~3);
    data.copy(padded);
    bodies.push(padded);
    offset += padded.length;
  });
  return Buffer.concat([header, ...bodies]);
}
