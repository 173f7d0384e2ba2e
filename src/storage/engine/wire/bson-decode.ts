// BSON decoding without the bson library's DBRef promotion.
//
// The bson library turns every embedded document holding `$ref` and `$id` into a DBRef object,
// which re-serializes its fields as $ref, $id, $db, then the rest: field order is lost, and the
// engine's matching, indexes and sorting would see a class instead of the document MongoDB sees
// (MongoDB treats a DBRef as an ordinary embedded document: `{ 'r.$id': 1 }` queries it, a unique
// index compares it by content). So before decoding, the name of each `$ref` field is masked (its
// `$` replaced by an ASCII control character no field of the buffer starts a `?ref` name with)
// and restored in the decoded result, order intact.
import { BSON, Code, type Document } from 'bson';

const REF_FIELD = Buffer.from('$ref\0', 'latin1');
const DOLLAR = 0x24;

/** Thrown when the buffer is not well-formed BSON; the caller lets the bson library report it. */
class Malformed extends Error {}

function need(buf: Buffer, end: number, limit: number): void {
  if (end > limit || end > buf.length) throw new Malformed();
}

/** The int32 length at `p`, which must be at least `min`. */
function lengthAt(buf: Buffer, p: number, end: number, min: number): number {
  need(buf, p + 4, end);
  const n = buf.readInt32LE(p);
  if (n < min) throw new Malformed();
  return n;
}

interface Scan {
  /** Offsets of the `$` of every `$ref` field name. */
  refs: number[];
  /** First bytes of all four-byte field names ending in `ref`: a mask must differ from each. */
  used: Set<number>;
}

/** Find the `$ref` field names in the document at `start`, recursing into embedded documents. Returns its end. */
function scanDocument(buf: Buffer, start: number, isArray: boolean, scan: Scan): number {
  need(buf, start + 4, buf.length);
  const size = buf.readInt32LE(start);
  const end = start + size;
  if (size < 5) throw new Malformed();
  need(buf, end, buf.length);
  let p = start + 4;
  while (p < end - 1) {
    const type = buf[p]!;
    const nameStart = p + 1;
    const nameEnd = buf.indexOf(0, nameStart);
    if (nameEnd < 0 || nameEnd >= end) throw new Malformed();
    if (!isArray && nameEnd - nameStart === 4 && buf[nameStart + 1] === 0x72 && buf[nameStart + 2] === 0x65 && buf[nameStart + 3] === 0x66) {
      if (buf[nameStart] === DOLLAR) scan.refs.push(nameStart);
      else scan.used.add(buf[nameStart]!);
    }
    p = nameEnd + 1;
    switch (type) {
      case 0x01: // double
      case 0x09: // date
      case 0x11: // timestamp
      case 0x12: // int64
        p += 8;
        break;
      case 0x02: // string
      case 0x0d: // JavaScript code
      case 0x0e: // symbol
        p += 4 + lengthAt(buf, p, end, 1);
        break;
      case 0x03: // document
      case 0x04: // array
        p = scanDocument(buf, p, type === 0x04, scan);
        break;
      case 0x05: // binary
        p += 5 + lengthAt(buf, p, end, 0);
        break;
      case 0x06: // undefined
      case 0x0a: // null
      case 0x7f: // max key
      case 0xff: // min key
        break;
      case 0x07: // ObjectId
        p += 12;
        break;
      case 0x08: // boolean
        p += 1;
        break;
      case 0x0b: {
        // regex: two C strings
        const a = buf.indexOf(0, p);
        if (a < 0 || a >= end) throw new Malformed();
        const b = buf.indexOf(0, a + 1);
        if (b < 0 || b >= end) throw new Malformed();
        p = b + 1;
        break;
      }
      case 0x0c: // DBPointer: string + ObjectId
        p += 4 + lengthAt(buf, p, end, 1) + 12;
        break;
      case 0x0f: {
        // code with scope: int32 total, string, scope document
        const total = lengthAt(buf, p, end, 14);
        const scopeStart = p + 8 + lengthAt(buf, p + 4, end, 1);
        if (scanDocument(buf, scopeStart, false, scan) > p + total) throw new Malformed();
        p += total;
        break;
      }
      case 0x10: // int32
        p += 4;
        break;
      case 0x13: // decimal128
        p += 16;
        break;
      default:
        throw new Malformed();
    }
    need(buf, p, end);
  }
  return end;
}

/** Put `$ref` back as the name of fields called `masked`, keeping every field in its place. */
function unmask(v: unknown, masked: string): unknown {
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) v[i] = unmask(v[i], masked);
    return v;
  }
  if (v instanceof Code) {
    if (v.scope) v.scope = unmask(v.scope, masked) as Document;
    return v;
  }
  if (v === null || typeof v !== 'object') return v;
  const proto = Object.getPrototypeOf(v) as unknown;
  if (proto !== Object.prototype && proto !== null) return v;
  const doc = v as Document;
  if (!Object.prototype.hasOwnProperty.call(doc, masked)) {
    for (const k of Object.keys(doc)) doc[k] = unmask(doc[k], masked);
    return doc;
  }
  const out: Document = {};
  for (const k of Object.keys(doc)) {
    // defineProperty, as the bson library does, so that a field named __proto__ stays a field.
    Object.defineProperty(out, k === masked ? '$ref' : k, { value: unmask(doc[k], masked), writable: true, enumerable: true, configurable: true });
  }
  return out;
}

function asBuffer(buf: Uint8Array): Buffer {
  return Buffer.isBuffer(buf) ? buf : Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
}

/**
 * Whether BSON in `buf` may hold a `$ref` field. Callers decoding many documents from one buffer
 * ask once and pass the answer to `deserializeDocument`.
 */
export function mayHoldRefField(buf: Uint8Array): boolean {
  return asBuffer(buf).indexOf(REF_FIELD) >= 0;
}

/**
 * `BSON.deserialize`, except that documents with `$ref` and `$id` fields stay plain documents in
 * their original field order. (A DBRef object still comes out of a BSON DBPointer value.)
 * `mayHoldRef` false (from `mayHoldRefField` on an enclosing buffer) skips the search.
 */
export function deserializeDocument(buf: Uint8Array, options: BSON.DeserializeOptions, mayHoldRef?: boolean): Document {
  const bytes = asBuffer(buf);
  if (!(mayHoldRef ?? mayHoldRefField(bytes))) return BSON.deserialize(bytes, options);
  const scan: Scan = { refs: [], used: new Set() };
  try {
    scanDocument(bytes, 0, false, scan);
  } catch {
    // Malformed (or absurdly deep): decode as the library does, which reports any corruption.
    return BSON.deserialize(bytes, options);
  }
  if (scan.refs.length === 0) return BSON.deserialize(bytes, options);
  // ASCII decodes to itself whatever the UTF-8 handling, so the masked name is unambiguous.
  let mask = 0x01;
  while (mask === DOLLAR || scan.used.has(mask)) mask++;
  // Only a buffer with a hundred-odd distinct `?ref` field names exhausts ASCII; bson then builds DBRefs.
  if (mask > 0x7f) return BSON.deserialize(bytes, options);
  const copy = Buffer.from(bytes);
  for (const at of scan.refs) copy[at] = mask;
  const decoded = BSON.deserialize(copy, options);
  try {
    return unmask(decoded, `${String.fromCharCode(mask)}ref`) as Document;
  } catch {
    return BSON.deserialize(bytes, options);
  }
}
