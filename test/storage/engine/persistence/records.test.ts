import { expect } from 'chai';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Effect } from '../../../../src/storage/engine/catalog/catalog.js';
import { encodeRecord, readRecordFile, type ReadResult } from '../../../../src/storage/engine/persistence/records.js';

const put = (i: number): Effect => ({ o: 'put', db: 'd', c: 'c', doc: { _id: i, name: `doc-${i}` } });

describe('persistence records', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'chemreg-records-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  /** The bytes as a file, read back in blocks of `blockBytes` (the default, or a few bytes to cut records apart). */
  function replay(buf: Buffer, blockBytes?: number): { effects: Effect[]; result: Omit<ReadResult, 'size'> } {
    const path = join(dir, 'records.wal');
    writeFileSync(path, buf);
    const effects: Effect[] = [];
    const { size, ...result } = readRecordFile(path, (e) => effects.push(e), blockBytes);
    expect(size).to.equal(buf.length);
    return { effects, result };
  }

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

  it('when the file is read in blocks smaller than its records, then every effect still returns in order', () => {
    const buf = Buffer.concat([encodeRecord([put(1), put(2)]), encodeRecord([put(3)]), encodeRecord([put(4), put(5), put(6)])]);
    for (const blockBytes of [1, 7, 30, 100]) {
      const { effects, result } = replay(buf, blockBytes);
      expect(effects.map((e): unknown => (e.o === 'put' ? e.doc._id : null)), `blocks of ${blockBytes}`).to.deep.equal([1, 2, 3, 4, 5, 6]);
      expect(result).to.deep.equal({ validLength: buf.length, torn: false });
    }
  });

  it('when fewer bytes than a record header remain, then they are reported torn', () => {
    const first = encodeRecord([put(1)]);
    const { result } = replay(Buffer.concat([first, Buffer.from([1, 2, 3])]));
    expect(result).to.deep.equal({ validLength: first.length, torn: true });
  });
});
