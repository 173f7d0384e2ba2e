import { expect } from 'chai';
import { parseConcentration } from '../../src/chemistry/concentration.js';
import { readScreeningForm, screenedSubstanceOf, screeningFormOf } from '../../src/sds/screening-form.js';
import type { SdsRevision } from '../../src/sds/sds.schema.js';

type SubstanceFact = SdsRevision['facts']['substances'][number];

const identifier = (value: string, valid = true) => ({ printed: ` ${value} `, value, valid, ...(valid ? {} : { problem: 'check digit' }) });

/** Section 3 rows covering what the form has to keep apart: valid and invalid identifiers, absent values, a problem. */
const rows: SubstanceFact[] = [
  {
    name: 'Etanol', cas: identifier('64-17-5'), ec: { ...identifier('200-578-6'), kind: 'ec' }, indexNumber: identifier('603-002-00-5'),
    reachRegistration: identifier('01-2119457610-43'), concentration: parseConcentration('≥10 – <25 %'), hazardCodes: ['H225', 'H319'],
    confidence: 0.9, evidence: { page: 2, quote: 'Etanol 64-17-5 200-578-6 ≥10 – <25 % H225, H319' },
  },
  {
    name: null, cas: identifier('64-17-6', false), ec: null, indexNumber: null, reachRegistration: null,
    concentration: parseConcentration('40 – 30 %'), hazardCodes: [], confidence: 0.4, evidence: { page: null, quote: '64-17-6 40 – 30 %' },
  },
  { name: 'Hemlig komponent', cas: null, ec: null, indexNumber: null, reachRegistration: null, concentration: null, hazardCodes: ['H317'], confidence: 0.5, evidence: null },
];

/** How revisions stored the form before it was positional: one object per substance. */
const objectForm = (substances: SubstanceFact[]): string => JSON.stringify(substances.map((s) => ({
  name: s.name, concentration: s.concentration, hazardCodes: s.hazardCodes, evidence: s.evidence,
  cas: s.cas ? { value: s.cas.value, valid: s.cas.valid } : null,
  ec: s.ec ? { value: s.ec.value, valid: s.ec.valid } : null,
  indexNumber: s.indexNumber ? { value: s.indexNumber.value, valid: s.indexNumber.valid } : null,
})));

/** What screening reads from the full facts of revision `rev1`. */
const fromFacts = (substances: SubstanceFact[]) => substances.map((fact, row) => screenedSubstanceOf('rev1', row, fact));

describe('screening form', () => {
  it('when section 3 is stored in the screening form, then screening reads exactly what it reads from the full facts', () => {
    // Act
    const fromForm = readScreeningForm('rev1', screeningFormOf(rows));

    // Assert
    expect(fromForm).to.deep.equal(fromFacts(rows));
    expect(fromForm.map((s) => s.ref)).to.deep.equal(['sds:rev1:0', 'sds:rev1:1', 'sds:rev1:2']);
    expect(fromForm[1]!.cas, 'an identifier whose check digit fails is never matched on').to.equal(null);
    expect(fromForm[1]!.concentration).to.deep.equal(rows[1]!.concentration);
    expect(fromForm[1]!.concentration).to.have.property('problem');
    expect(fromForm[1]!.evidence).to.deep.include({ page: null, quote: '64-17-6 40 – 30 %' });
    expect(fromForm[2]!.evidence).to.equal(null);
  });

  it('when a revision was stored with the earlier form of one object per substance, then screening reads the same substances from it', () => {
    // Act
    const fromOldForm = readScreeningForm('rev1', objectForm(rows));

    // Assert
    expect(fromOldForm).to.deep.equal(readScreeningForm('rev1', screeningFormOf(rows)));
  });
});
