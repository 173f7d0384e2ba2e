// Record framing shared by the write-ahead log and snapshots:
//   [u32 payload length][u32 CRC-32 of payload][payload = one or more BSON documents back to back]
// A record is either wholly valid or detected as torn/corrupt by its length and checksum.
import { BSON } from 'bson';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { crc32 } from 'node:zlib';
import type { Effect } from '../catalog/catalog.js';
import { mayHoldRefField } from '../wire/bson-decode.js';
import { deserialize } from '../wire/protocol.js';

const HEADER = 8;

export function encodeRecord(effects: readonly Effect[]): Buffer {
  return frameRecord(effects.map(encodeEffect));
}

/** One effect as the BSON document a record holds. */
export function encodeEffect(effect: Effect): Uint8Array {
  return BSON.serialize(effect);
}

/** A record of effects already encoded (encodeEffect), in order. */
export function frameRecord(parts: readonly Uint8Array[]): Buffer {
  let size = 0;
  for (const p of parts) size += p.length;
  const out = Buffer.allocUnsafe(HEADER + size);
  let offset = HEADER;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  const payload = out.subarray(HEADER);
  out.writeUInt32LE(size, 0);
  out.writeUInt32LE(crc32(payload), 4);
  return out;
}

export interface ReadResult {
  /** Offset just past the last whole, valid record. */
  validLength: number;
  /** True when bytes after `validLength` were torn or corrupt. */
  torn: boolean;
  /** The file's size. */
  size: number;
}

/** Bytes read from the file at a time; a record larger than this is read whole on its own. */
const BLOCK_BYTES = 16 * 1024 * 1024;

/**
 * Decode the records of the file at `path`, calling `onEffect` for each effect of each valid record, in order. The
 * file is read a block at a time, never whole: a snapshot holds the whole database, GridFS files included, and
 * Node reads no more than 2 GiB in one call (ERR_FS_FILE_TOO_LARGE), so a database past that size could otherwise
 * not be opened again.
 */
export function readRecordFile(path: string, onEffect: (e: Effect) => void, blockBytes = BLOCK_BYTES): ReadResult {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    let block = Buffer.alloc(0);
    let blockStart = 0;
    /** The file's bytes [offset, offset + length), or null when the file ends first. */
    const bytesAt = (offset: number, length: number): Buffer | null => {
      if (offset + length > size) return null;
      if (offset < blockStart || offset + length > blockStart + block.length) {
        block = Buffer.allocUnsafe(Math.min(Math.max(length, blockBytes), size - offset));
        for (let read = 0; read < block.length; ) {
          const n = readSync(fd, block, read, block.length - read, offset + read);
          // The data directory is locked, so nothing else shortens the file; should it happen, fail rather than spin.
          if (n === 0) throw new Error(`${path} ended at byte ${offset + read} while being read (${size} bytes when opened)`);
          read += n;
        }
        blockStart = offset;
      }
      return block.subarray(offset - blockStart, offset - blockStart + length);
    };
    let offset = 0;
    while (offset < size) {
      const header = bytesAt(offset, HEADER);
      if (header === null) return { validLength: offset, torn: true, size };
      const length = header.readUInt32LE(0);
      const sum = header.readUInt32LE(4);
      const payload = bytesAt(offset + HEADER, length);
      if (payload === null || crc32(payload) !== sum) return { validLength: offset, torn: true, size };
      const effects = decodePayload(payload);
      if (effects === null) return { validLength: offset, torn: true, size };
      // Apply only after the whole record decoded: a record is all or nothing.
      for (const e of effects) onEffect(e);
      offset += HEADER + length;
    }
    return { validLength: offset, torn: false, size };
  } finally {
    closeSync(fd);
  }
}

/** The effects of one record's payload, or null when its documents do not fill it exactly. */
function decodePayload(payload: Buffer): Effect[] | null {
  const effects: Effect[] = [];
  const mayHoldRef = mayHoldRefField(payload);
  let p = 0;
  while (p < payload.length) {
    const docSize = payload.readInt32LE(p);
    if (docSize < 5 || p + docSize > payload.length) return null;
    effects.push(deserialize(payload.subarray(p, p + docSize), mayHoldRef) as Effect);
    p += docSize;
  }
  return effects;
}
