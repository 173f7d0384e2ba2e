import { expect } from 'chai';
import { diffListEntries } from '../../src/lists/list-diff.js';
import { blankEntry, type ListEntry } from '../../src/lists/list-entry.js';

const entry = (key: string, name: string, facts: Partial<ListEntry> = {}): ListEntry => ({ ...blankEntry(key, name), ...facts });

describe(diffListEntries.name, () => {
  it('when a version adds, drops and amends entries, then each is reported once under its key, with the changed fields', () => {
    const v1 = [
      entry('117-81-7', 'Bis(2-ethylhexyl) phthalate (DEHP)', { cas: ['117-81-7'], reasons: ['Toxic for reproduction (Article 57c)'] }),
      entry('80-05-7', 'Bisphenol A', { cas: ['80-05-7'] }),
      entry('85-68-7', 'Benzyl butyl phthalate (BBP)', { cas: ['85-68-7'] }),
    ];
    const v2 = [
      entry('117-81-7', 'Bis(2-ethylhexyl) phthalate (DEHP)', { cas: ['117-81-7'], reasons: ['Toxic for reproduction (Article 57c)', 'Endocrine disrupting properties (Article 57(f) - environment)'] }),
      entry('80-05-7', 'Bisphenol A', { cas: ['80-05-7'] }),
      entry('1163-19-5', 'Bis(pentabromophenyl) ether (decaBDE)', { cas: ['1163-19-5'] }),
    ];

    const diff = diffListEntries('echa-candidate-list', { version: 1, entries: v1 }, { version: 2, entries: v2 });

    expect(diff).to.include({ listId: 'echa-candidate-list', from: 1, to: 2 });
    expect(diff.added).to.deep.equal([{ key: '1163-19-5', name: 'Bis(pentabromophenyl) ether (decaBDE)' }]);
    expect(diff.removed).to.deep.equal([{ key: '85-68-7', name: 'Benzyl butyl phthalate (BBP)' }]);
    expect(diff.changed).to.have.length(1);
    expect(diff.changed[0]?.key).to.equal('117-81-7');
    expect(diff.changed[0]?.fields.map((f) => f.field)).to.deep.equal(['reasons']);
    expect(diff.changed[0]?.fields[0]?.after).to.have.length(2);
  });

  it('when two versions hold the same entries in another order, then nothing is reported', () => {
    const a = [entry('a', 'A'), entry('b', 'B')];
    const diff = diffListEntries('custom', { version: 1, entries: a }, { version: 2, entries: [...a].reverse() });
    expect(diff.added).to.deep.equal([]);
    expect(diff.removed).to.deep.equal([]);
    expect(diff.changed).to.deep.equal([]);
  });
});
