import { expect } from 'chai';
import { Binary, BSON, BSONRegExp, Code, DBRef, Decimal128, Double, Int32, Long, MaxKey, MinKey, ObjectId, Timestamp } from 'bson';
import { deserializeDocument } from '../../../../src/storage/engine/wire/bson-decode.js';

function ref(collection: string, id: unknown, db?: string): DBRef {
  return new DBRef(collection, id as ObjectId, db);
}

const WIRE = { promoteBuffers: false, promoteValues: false, validation: { utf8: false } } as const;

describe('BSON decoding without DBRef promotion', () => {
  it('when a document has $ref and $id fields at any depth, then they stay plain documents in their original order', () => {
    // Arrange: every BSON type around the DBRef-shaped documents, so the scanner must step over each.
    const doc = {
      d: new Double(1.5),
      s: 'text with $ref\u0000 inside',
      o: { $id: 1, $ref: 'late', extra: true },
      a: [{ $ref: 'x', $id: new ObjectId('64b7f0000000000000000001') }, ref('y', 2, 'db')],
      bin: new Binary(Buffer.from('$ref\0')),
      u: undefined,
      oid: new ObjectId('64b7f0000000000000000002'),
      b: true,
      date: new Date(5),
      n: null,
      re: new BSONRegExp('$ref', 'i'),
      code: new Code('return $ref'),
      scoped: new Code('return x', { x: { $ref: 'scope', $id: 3 } }),
      i: new Int32(4),
      ts: new Timestamp({ t: 1, i: 2 }),
      l: Long.fromNumber(6),
      dec: Decimal128.fromString('7.5'),
      min: new MinKey(),
      max: new MaxKey(),
    };
    const bytes = BSON.serialize(doc, { ignoreUndefined: false });
    // Act
    const decoded = deserializeDocument(bytes, WIRE);
    // Assert
    expect(Object.keys(decoded)).to.deep.equal(Object.keys(doc));
    expect(Object.getPrototypeOf(decoded.o)).to.equal(Object.prototype);
    expect(Object.keys(decoded.o as object)).to.deep.equal(['$id', '$ref', 'extra']);
    const [first, second] = decoded.a as [Record<string, unknown>, Record<string, unknown>];
    expect(Object.keys(first)).to.deep.equal(['$ref', '$id']);
    expect(Object.keys(second)).to.deep.equal(['$ref', '$id', '$db']);
    expect(second).to.deep.equal({ $ref: 'y', $id: new Int32(2), $db: 'db' });
    expect((decoded.scoped as Code).scope).to.deep.equal({ x: { $ref: 'scope', $id: new Int32(3) } });
    expect(decoded.s).to.equal(doc.s);
    expect(Buffer.from((decoded.bin as Binary).buffer).toString()).to.equal('$ref\0');
    // Everything but the DBRef-shaped documents decodes exactly as the bson library decodes it.
    const plain = BSON.deserialize(bytes, WIRE);
    for (const k of ['d', 's', 'bin', 'oid', 'b', 'date', 'n', 're', 'code', 'i', 'ts', 'l', 'dec', 'min', 'max']) {
      expect(decoded[k], k).to.deep.equal(plain[k]);
    }
  });

  it('when a buffer is truncated, then decoding fails as the bson library fails', () => {
    // Arrange
    const bytes = BSON.serialize({ r: { $ref: 'x', $id: 1 } });
    const torn = bytes.subarray(0, bytes.length - 3);
    // Act / Assert
    expect(() => deserializeDocument(torn, WIRE)).to.throw();
  });

  it('when fields named like a masked $ref already exist, then they keep their names and the DBRef-shaped document stays plain', () => {
    // Arrange
    const bytes = BSON.serialize({ '\u0001ref': 1, '\u0002ref': 2, other: { $ref: 'x', $id: 1 } });
    // Act
    const decoded = deserializeDocument(bytes, WIRE);
    // Assert
    expect(Object.keys(decoded)).to.deep.equal(['\u0001ref', '\u0002ref', 'other']);
    expect(decoded.other).to.deep.equal({ $ref: 'x', $id: new Int32(1) });
    expect(Object.getPrototypeOf(decoded.other)).to.equal(Object.prototype);
  });
});
