import { expect } from 'chai';
import { decodeUtf8, parseDelimited } from '../../../src/lists/importers/csv.js';

describe('lists/importers/csv', () => {
  it('when fields are quoted with doubled quotes, a line break inside and a trailing tab, then each field is read as written', () => {
    const text = '"a ""quoted"" word"\t"two\nlines"\t\n"x"\t"y"\t\n';

    const records = parseDelimited(text, '\t');

    expect(records).to.deep.equal([
      { line: 1, fields: ['a "quoted" word', 'two\nlines', ''] },
      { line: 3, fields: ['x', 'y', ''] },
    ]);
  });

  it('when lines end in CRLF, then no carriage return is left in the fields', () => {
    expect(parseDelimited('name;cas\r\nBenzene;71-43-2\r\n', ';').map((r) => r.fields)).to.deep.equal([['name', 'cas'], ['Benzene', '71-43-2']]);
  });

  it('when bytes are not UTF-8, then decoding answers null instead of replacement characters', () => {
    expect(decodeUtf8(new Uint8Array([0x61, 0xff, 0x62]))).to.equal(null);
    expect(decodeUtf8(new TextEncoder().encode('\uFEFFname'))).to.equal('name');
  });
});
