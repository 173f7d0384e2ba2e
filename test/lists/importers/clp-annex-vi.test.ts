import { expect } from 'chai';
import { cmrSubset, importListFile } from '../../../src/lists/importers/index.js';
import { parseClpHazardLines, parseSpecificLimits } from '../../../src/lists/importers/clp-hazards.js';
import type { ImportedList, ListEntry } from '../../../src/lists/list-entry.js';
import { buildClpAnnexViXlsx, type ListFixture } from '../../support/list-files/index.js';

function entry(list: ImportedList, key: string): ListEntry {
  const found = list.entries.find((e) => e.key === key);
  if (found === undefined) throw new Error(`no entry ${key} in ${list.entries.map((e) => e.key).join(', ')}`);
  return found;
}

describe('lists/importers/clp-annex-vi', () => {
  let fixture: ListFixture;
  let result: ImportedList;
  before(async () => {
    fixture = await buildClpAnnexViXlsx();
    result = await importListFile(fixture.bytes, fixture.fileName);
  });

  it('when the official Excel has its disclaimer on row 1 and header on row 3, then every entry is keyed by its index number', () => {
    expect(result).to.deep.include({ listId: 'clp-annex-vi', format: 'clp-annex-vi-xlsx', kind: 'classification', rowCount: 8 });
    expect(result.entries.map((e) => e.key)).to.deep.equal(fixture.expected.keys);
  });

  it('when the workbook has a History sheet (a name exceljs refuses), then it loads and the History rows are ignored', () => {
    expect(result.entries.some((e) => e.key === '001-002-00-4')).to.equal(false);
  });

  it('when one index entry lists several substances with [1] [2] markers, then each marker becomes a member', () => {
    const boricAcid = entry(result, '005-007-00-2');

    expect(boricAcid.name).to.equal('boric acid');
    expect(boricAcid.cas).to.deep.equal(['10043-35-3', '11113-50-1']);
    expect(boricAcid.ec).to.deep.equal(['233-139-2', '234-343-4']);
    expect(boricAcid.members).to.deep.equal([
      { name: 'boric acid', ec: '233-139-2', cas: '10043-35-3' },
      { name: 'boric acid', ec: '234-343-4', cas: '11113-50-1' },
    ]);
    expect(boricAcid.group).to.equal(false);
  });

  it('when classes carry minimum-classification asterisks, then the class and H code are kept without them', () => {
    const lead = entry(result, '082-001-00-6');

    expect(lead.hazardClasses).to.deep.equal(['Repr. 1A', 'Acute Tox. 4', 'STOT RE 2', 'Aquatic Acute 1', 'Aquatic Chronic 1']);
    expect(lead.hazardCodes).to.deep.equal(['H360Df', 'H332', 'H302', 'H373', 'H400', 'H410']);
  });

  it('when the name is "lead compounds with the exception of …", then the entry is a group with the element Pb', () => {
    expect(entry(result, '082-001-00-6')).to.deep.include({ group: true, element: 'Pb' });
  });

  it('when the M, SCL, ATE column gives specific limits, M-factors and E-notation, then the SCLs are parsed and the rest described', () => {
    const bromadiolone = entry(result, '607-716-00-8');

    expect(bromadiolone.specificLimits).to.deep.equal([
      { hazard: 'Repr. 1B; H360D', minPercent: 0.003, text: 'Repr. 1B; H360D: C ≥ 0.003%' },
      { hazard: 'STOT RE 1; H372', minPercent: 0.005, text: 'STOT RE 1; H372: C ≥ 0.005%' },
      { hazard: 'STOT RE 2; H373', minPercent: 0.0005, text: 'STOT RE 2; H373: 5.0E-4% ≤ C < 0.005%' },
    ]);
    expect(bromadiolone.description).to.contain('M-factors, ATE: M = 1; M = 1');
  });

  it('when rows apply from a later ATP than the one in application when the file was made, then they are upcoming', () => {
    expect(result.listDate).to.equal('2025-09-01');
    expect(result.entries.filter((e) => e.upcoming).map((e) => e.key)).to.deep.equal(fixture.expected.upcomingKeys);
    expect(entry(result, '005-005-00-1').appliesFrom).to.equal('2026-05-01');
    expect(entry(result, '006-015-00-9')).to.deep.include({ appliesFrom: '2025-09-01', upcoming: false });
  });

  it('when a CAS check digit is wrong, then the CAS is dropped, the entry kept and the row reported', () => {
    expect(entry(result, '007-031-00-9').cas).to.deep.equal([]);
    expect(result.warnings).to.deep.equal([{ row: 11, field: 'CAS No', message: 'CAS "10024-97-3" left out: CAS check digit is 3, the digits before it require 2' }]);
  });

  it('when the CMR subset is taken, then only Carc./Muta./Repr. 1A/1B entries remain under clp-annex-vi-cmr', () => {
    const cmr = cmrSubset(result);

    expect(cmr).to.deep.include({ listId: 'clp-annex-vi-cmr', listDate: result.listDate, format: 'clp-annex-vi-xlsx' });
    expect(cmr.entries.map((e) => e.key)).to.deep.equal(fixture.expected.cmrKeys);
  });

  it('when the file is imported with listId clp-annex-vi-cmr, then the CMR subset is the result', async () => {
    const cmr = await importListFile(fixture.bytes, fixture.fileName, { listId: 'clp-annex-vi-cmr' });

    expect(cmr.listId).to.equal('clp-annex-vi-cmr');
    expect(cmr.entries).to.have.length(fixture.expected.cmrKeys?.length ?? -1);
  });
});

describe('lists/importers/clp-hazards', () => {
  it('when an SCL is written with a decimal comma, "Repr. 1B; H360F: C ≥ 0,3 %", then 0.3 % is read', () => {
    expect(parseSpecificLimits('Repr. 1B; H360F: C ≥ 0,3 %').limits).to.deep.equal([{ hazard: 'Repr. 1B; H360F', minPercent: 0.3, text: 'Repr. 1B; H360F: C ≥ 0,3 %' }]);
  });

  it('when an SCL is a range, an upper bound only, an EUH code or carries note asterisks, then the lower bound is its minimum', () => {
    const parsed = parseSpecificLimits('Eye Irrit. 2; H319: 14.0% ≤ C < 22.0%\nSTOT SE 3; H335: C < 10.0%\nEUH031: C ≥ 1.0%\nOx. Liq. 1; H271: C ≥ 70.0% ****');

    expect(parsed.limits.map((l) => [l.hazard, l.minPercent])).to.deep.equal([
      ['Eye Irrit. 2; H319', 14],
      ['STOT SE 3; H335', 0],
      ['EUH031', 1],
      ['Ox. Liq. 1; H271', 70],
    ]);
    expect(parsed.problems).to.deep.equal([]);
  });

  it('when the cell holds ATEs, M-factors and a bare asterisk, then they are kept as other text, not as limits', () => {
    const parsed = parseSpecificLimits('oral: ATE = 890.0 mg/kg bw\nM = 10\n*');

    expect(parsed).to.deep.equal({ limits: [], other: ['oral: ATE = 890.0 mg/kg bw', 'M = 10', '*'], problems: [] });
  });

  it('when an SCL line cannot be read, then it is a problem, not a made-up limit', () => {
    expect(parseSpecificLimits('Skin Irrit. 2; H315: C ≥ lots').problems).to.have.length(1);
  });

  it('when ECHA CHEM merges class and code per line ("Carc. 1B, H350"), then both are separated', () => {
    expect(parseClpHazardLines('Carc. 1B, H350\nAcute Tox. 4*, H312\nPress. Gas')).to.deep.equal({ classes: ['Carc. 1B', 'Acute Tox. 4', 'Press. Gas'], codes: ['H350', 'H312'] });
  });
});
