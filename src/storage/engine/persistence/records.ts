// Record framing shared by the write-ahead log and snapshots:
//   [u32 payload length][u32 CRC-32 of payload][payload = one or more BSON documents back to back]
// A record is either wholly valid or detected as torn/corrupt by its length and checksum.
import { BSON } from 'bson';
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
}

/** Decode records from `buf`, calling `onEffect` for each effect of each valid record, in order. */
export function readRecords(buf: Buffer, onEffect: (e: Effect) => void): ReadResult {
  let offset = 0;
  while (offset < buf.length) {
    if (buf.length - offset < HEADER) return { validLength: offset, torn: true };
    const size = buf.readUInt32LE(offset);
    const sum = buf.readUInt32LE(offset + 4);
    const end = offset + HEADER + size;
    if (end > buf.length) return { validLength: offset, torn: true };
    const payload = buf.subarray(offset + HEADER, end);
    if (crc32(payload) !== sum) return { validLength: offset, torn: true };
    const effects: Effect[] = [];
    const mayHoldRef = mayHoldRefField(payload);
    let p = 0;
    while (p < payload.length) {
      const docSize = payload.readInt32LE(p);
      if (docSize < 5 || p + docSize > payload.length) return { validLength: offset, torn: true };
      effects.push(deserialize(payload.subarray(p, p + docSize), mayHoldRef) as Effect);
      p += docSize;
    }
    // Apply only after the whole record decoded: a record is all or nothing.
    for (const e of effects) onEffect(e);
    offset = end;
  }
  return { validLength: offset, torn: false };
}
