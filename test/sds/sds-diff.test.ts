import { expect } from 'chai';
import { SdsFactsDiff } from '../../src/sds/sds.schema.js';
import { codeChanges, diffSdsFacts, normaliseName } from '../../src/sds/sds-diff.js';
import { facts } from '../support/sds-facts.js';

const ethanol = { name: 'Etanol', cas: '64-17-5', ec: '200-578-6', concentration: '10-25 %', hazardCodes: ['H225', 'H319'] };
const isopropanol = { name: 'Propan-2-ol', cas: '67-63-0', ec: '200-661-7', concentration: '1-5 %', hazardCodes: ['H225', 'H319', 'H336'] };
const butoxyethanol = { name: '2-Butoxietanol', cas: '111-76-2', concentration: '< 1 %', hazardCodes: ['H302'] };

describe(diffSdsFacts.name, () => {
  it('when both revisions state the same facts, then nothing is changed and every component counts as unchanged', () => {
    // Arrange
    const a = facts({ substances: [ethanol, isopropanol] });
    const b = facts({ substances: [ethanol, isopropanol] });

    // Act
    const diff = diffSdsFacts(a, b);

    // Assert
    expect(diff).to.deep.equal({
      changed: false,
      identity: {},
      hazardStatements: { added: [], removed: [] },
      euhStatements: { added: [], removed: [] },
      pictograms: { added: [], removed: [] },
      substances: { added: [], removed: [], changed: [], unchanged: 2 },
      warnings: [],
    });
    expect(SdsFactsDiff.safeParse(diff).success, 'the diff matches its documented schema').to.equal(true);
  });

  it('when identity fields change, then exactly those are reported from/to, and case or spacing alone is no change', () => {
    // Arrange
    const a = facts({ productName: 'Golvrent Neutral', supplierName: 'Städ & Hygien AB', revisionDate: '2021-02-01', version: '1.0', signalWord: 'Warning' });
    const b = facts({ productName: 'GOLVRENT  neutral', supplierName: 'Städ och Hygien AB', revisionDate: '2024-05-17', version: '2.0', signalWord: 'Danger' });

    // Act
    const diff = diffSdsFacts(a, b);

    // Assert
    expect(diff.changed).to.equal(true);
    expect(diff.identity).to.deep.equal({
      supplierName: { from: 'Städ & Hygien AB', to: 'Städ och Hygien AB' },
      revisionDate: { from: '2021-02-01', to: '2024-05-17' },
      version: { from: '1.0', to: '2.0' },
      signalWord: { from: 'Warning', to: 'Danger' },
    });
  });

  it('when a fact appears or disappears, then it is a change from or to null', () => {
    // Act
    const diff = diffSdsFacts(facts({ version: null, supplierCountry: 'SE' }), facts({ version: '3', supplierCountry: null }));

    // Assert
    expect(diff.identity).to.deep.equal({ version: { from: null, to: '3' }, supplierCountry: { from: 'SE', to: null } });
  });

  it('when H codes, EUH codes and pictograms are added and removed, then each list says which, in code order, suffixes and combined codes kept', () => {
    // Arrange
    const a = facts({ hazardStatements: ['H319', 'H315', 'H360D'], euhStatements: ['EUH208'], pictograms: ['GHS07'] });
    const b = facts({ hazardStatements: ['H318', 'H315', 'H360FD', 'H300+H310'], euhStatements: ['EUH066', 'EUH208'], pictograms: ['GHS05', 'GHS08'] });

    // Act
    const diff = diffSdsFacts(a, b);

    // Assert
    expect(diff.hazardStatements).to.deep.equal({ added: ['H300+H310', 'H318', 'H360FD'], removed: ['H319', 'H360D'] });
    expect(diff.euhStatements).to.deep.equal({ added: ['EUH066'], removed: [] });
    expect(diff.pictograms).to.deep.equal({ added: ['GHS05', 'GHS08'], removed: ['GHS07'] });
  });

  it('when a component is added and another removed, then both are listed with their identifiers and concentration', () => {
    // Act
    const diff = diffSdsFacts(facts({ substances: [ethanol, butoxyethanol] }), facts({ substances: [ethanol, isopropanol] }));

    // Assert
    expect(diff.substances.unchanged).to.equal(1);
    expect(diff.substances.changed).to.deep.equal([]);
    expect(diff.substances.added).to.have.length(1);
    expect(diff.substances.added[0]).to.deep.include({ name: 'Propan-2-ol', cas: '67-63-0', ec: '200-661-7' });
    expect(diff.substances.added[0]!.concentration).to.deep.include({ text: '1-5 %', min: 1, max: 5, unit: '%' });
    expect(diff.substances.removed).to.have.length(1);
    expect(diff.substances.removed[0]).to.deep.include({ name: '2-Butoxietanol', cas: '111-76-2', ec: null });
  });

  it('when a component keeps its CAS number but its concentration range changes, then the change shows both parsed ranges', () => {
    // Act
    const diff = diffSdsFacts(facts({ substances: [ethanol] }), facts({ substances: [{ ...ethanol, concentration: '≥25 – <50 %' }] }));

    // Assert
    expect(diff.substances.changed).to.have.length(1);
    const change = diff.substances.changed[0]!;
    expect(change.matchedBy).to.equal('cas');
    expect(change.concentration).to.deep.equal({
      from: { text: '10-25 %', min: 10, max: 25, minInclusive: true, maxInclusive: true, unit: '%' },
      to: { text: '≥25 – <50 %', min: 25, max: 50, minInclusive: true, maxInclusive: false, unit: '%' },
    });
    expect(change).to.not.have.any.keys('name', 'cas', 'ec', 'hazardCodes');
  });

  it('when the same range is printed differently (decimal comma, spacing, % only in the header), then it is not a change', () => {
    // Arrange
    const a = facts({ substances: [{ ...ethanol, concentration: '0,1-1 %' }] });
    const b = facts({ substances: [{ ...ethanol, concentration: '0.1 – 1' }] });

    // Act
    const diff = diffSdsFacts(a, b);

    // Assert
    expect(diff.substances).to.deep.equal({ added: [], removed: [], changed: [], unchanged: 1 });
    expect(diff.changed).to.equal(false);
  });

  it('when only a bound\'s inclusiveness changes (10–25 % to ≥10 – <25 %), then it is a change', () => {
    // Act
    const diff = diffSdsFacts(facts({ substances: [ethanol] }), facts({ substances: [{ ...ethanol, concentration: '≥10 – <25 %' }] }));

    // Assert
    expect(diff.substances.changed[0]?.concentration?.to).to.deep.include({ minInclusive: true, maxInclusive: false });
  });

  it('when a component\'s classification changes, then its added and removed codes are listed', () => {
    // Act
    const diff = diffSdsFacts(facts({ substances: [ethanol] }), facts({ substances: [{ ...ethanol, hazardCodes: ['H225', 'H318', 'H360FD'] }] }));

    // Assert
    expect(diff.substances.changed[0]!.hazardCodes).to.deep.equal({ added: ['H318', 'H360FD'], removed: ['H319'] });
  });

  it('when a component has no CAS number in one revision, then it is matched by EC number and the CAS appears as a change', () => {
    // Arrange
    const { cas: _cas, ...withoutCas } = isopropanol;

    // Act
    const diff = diffSdsFacts(facts({ substances: [withoutCas] }), facts({ substances: [isopropanol] }));

    // Assert
    expect(diff.substances.changed).to.have.length(1);
    expect(diff.substances.changed[0]).to.deep.include({ matchedBy: 'ec', cas: { from: null, to: '67-63-0' } });
    expect(diff.substances.added).to.deep.equal([]);
  });

  it('when a component has neither CAS nor EC, then it is matched by its normalised name (case, accents, hyphens ignored) and a renaming of case is no change', () => {
    // Arrange
    const a = facts({ substances: [{ name: 'Parfym (Citrus-olja)', concentration: '< 0,1 %' }] });
    const b = facts({ substances: [{ name: 'PARFYM (citrusolja)', concentration: '< 1 %' }] });

    // Act
    const diff = diffSdsFacts(a, b);

    // Assert
    expect(diff.substances.changed).to.have.length(1);
    expect(diff.substances.changed[0]).to.deep.include({ matchedBy: 'name' });
    expect(diff.substances.changed[0]).to.not.have.property('name');
    expect(diff.substances.changed[0]!.concentration?.from).to.deep.include({ max: 0.1 });
    expect(diff.substances.changed[0]!.concentration?.to).to.deep.include({ max: 1 });
  });

  it('when two rows share a name but have different valid CAS numbers, then they are different components, not a change', () => {
    // Arrange
    const a = facts({ substances: [{ name: 'Alkoholetoxilat', cas: '68439-46-3', concentration: '1-5 %' }] });
    const b = facts({ substances: [{ name: 'Alkoholetoxilat', cas: '68131-39-5', concentration: '1-5 %' }] });

    // Act
    const diff = diffSdsFacts(a, b);

    // Assert
    expect(diff.substances.changed).to.deep.equal([]);
    expect(diff.substances.added.map((s) => s.cas)).to.deep.equal(['68131-39-5']);
    expect(diff.substances.removed.map((s) => s.cas)).to.deep.equal(['68439-46-3']);
  });

  it('when a CAS number with a wrong check digit is corrected, then the rows pair by name and the CAS shows as changed', () => {
    // Arrange: 64-17-6 fails the CAS check digit (ethanol is 64-17-5)
    const a = facts({ substances: [{ name: 'Etanol', cas: '64-17-6', concentration: '10-25 %' }] });
    const b = facts({ substances: [{ name: 'Etanol', cas: '64-17-5', concentration: '10-25 %' }] });

    // Act
    const diff = diffSdsFacts(a, b);

    // Assert
    expect(diff.substances.changed).to.have.length(1);
    expect(diff.substances.changed[0]).to.deep.include({ matchedBy: 'name', cas: { from: '64-17-6', to: '64-17-5' } });
  });

  it('when a CAS number is listed twice (duplicate rows), then the rows pair one to one in order and the extra row is added', () => {
    // Act
    const diff = diffSdsFacts(facts({ substances: [ethanol] }), facts({ substances: [ethanol, { ...ethanol, concentration: '1-5 %' }] }));

    // Assert
    expect(diff.substances.unchanged).to.equal(1);
    expect(diff.substances.added).to.have.length(1);
    expect(diff.substances.added[0]!.concentration).to.deep.include({ text: '1-5 %' });
  });

  it('when one revision is a scan without text layer, then the diff warns that it cannot show what the scan states', () => {
    // Act
    const diff = diffSdsFacts(facts(), facts({ textLayer: false, substances: [], hazardStatements: [], productName: null }));

    // Assert
    expect(diff.warnings).to.have.length(1);
    expect(diff.warnings[0]).to.match(/"to" revision has no text layer/);
  });

  it('when the "from" revision is dated after the "to" revision, then the diff warns that it runs backwards', () => {
    // Act
    const diff = diffSdsFacts(facts({ revisionDate: '2025-01-01' }), facts({ revisionDate: '2023-01-01' }));

    // Assert
    expect(diff.warnings.join(' ')).to.match(/runs backwards/);
  });
});

describe(codeChanges.name, () => {
  it('when codes differ only in case or spacing, then they are the same code', () => {
    expect(codeChanges(['h315', 'EUH 066'], ['H315', 'EUH066'])).to.deep.equal({ added: [], removed: [] });
  });
});

describe(normaliseName.name, () => {
  it('when names differ in case, accents, spaces or punctuation, then they normalise alike', () => {
    expect(normaliseName('2-Propanol')).to.equal(normaliseName('2 propanol'));
    expect(normaliseName('Natriumhydroxid')).to.equal(normaliseName('NATRIUMHYDROXID'));
    expect(normaliseName('Ätzend-Öl')).to.equal('atzendol');
    expect(normaliseName('Propan-1-ol')).to.not.equal(normaliseName('Propan-2-ol'));
  });
});
