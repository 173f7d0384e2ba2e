import { expect } from 'chai';
import type { Effect } from '../../../../src/storage/engine/catalog/catalog.js';
import { encodeRecord, readRecords } from '../../../../src/storage/engine/persistence/records.js';

const put = (i: number): Effect => ({ o: 'put', db: 'd', c: 'c', doc: { _id: i, name: `doc-${i}` } });

function replay(buf: Buffer): { effects: Effect[]; result: ReturnType<typeof readRecords> } {
  const effects: Effect[] = [];
  const result = readRecords(buf, (e) => effects.push(e));
  return { effects, result };
}

describe('persistence records', () => {
  it('when records are read back, then every effect returns in order and nothing is torn', () => {
    const buf = Buffer.concat([encodeRecord([put(1), put(2)]), encodeRecord([put(3)])]);
    const { effects, result } = replay(buf);
    expect(effects.map((e): unknown => (e.o === 'put' ? e.doc._id : null))).to.deep.equal([1, 2, 3]);
    expect(result).to.deep.equal({ validLength: buf.length, torn: false });
  });

  it('when the last record is cut short, then the records before it are applied and the tail is reported torn', () => {
    const first = encodeRecord([put(1)]);
    const second = encodeRecord([put(2), put(3)]);
    const buf = Buffer.concat([first, second.subarray(0, second.length - 5)]);
    const { effects, result } = replay(buf);
    expect(effects).to.have.length(1);
    expect(result).to.deep.equal({ validLength: first.length, torn: true });
  });

  it('when a byte of the last record is flipped, then its checksum rejects the whole record', () => {
    const first = encodeRecord([put(1)]);
    const second = Buffer.from(encodeRecord([put(2), put(3)]));
    second[second.length - 3]! ^= 0xff;
    const { effects, result } = replay(Buffer.concat([first, second]));
    expect(effects).to.have.length(1);
    expect(result.torn).to.equal(true);
    expect(result.validLength).to.equal(first.length);
  });

  it('when fewer bytes than a record header remain, then they are reported torn', () => {
    const first = encodeRecord([put(1)]);
    const { result } = replay(Buffer.concat([first, Buffer.from([1, 2, 3])]));
    expect(result).to.deep.equal({ validLength: first.length, torn: true });
  });
});
