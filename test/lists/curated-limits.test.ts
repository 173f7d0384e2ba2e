import { expect } from 'chai';
import { parseCas } from '../../src/chemistry/identifiers.js';
import {
  applyCuratedLimits,
  CURATED_LIMITS,
  CuratedLimitOverride,
  curatedLimitFor,
  findCuratedLimit,
  normaliseEntryNumber,
  normaliseName,
} from '../../src/lists/curated-limits.js';
import { blankEntry, EntryLimit, ListEntry, type ImportedList } from '../../src/lists/list-entry.js';

function annexXviiEntry(entryNumber: string, name = `Entry ${entryNumber}`): ListEntry {
  return { ...blankEntry(`entry-${entryNumber}`, name), entryNumber, group: true };
}

function popsEntry(name: string, cas: string[] = []): ListEntry {
  return { ...blankEntry(cas[0] ?? name, name), cas, entryNumber: 'Annex I, part A' };
}

function listOf(listId: string, entries: ListEntry[]): ImportedList {
  return { listId, name: listId, kind: 'regulatory', format: 'echa-chem-xlsx', listDate: '2026-03-11', rowCount: entries.length, entries, warnings: [] };
}

const printedLimit: EntryLimit = { percent: 0.5, basis: 'article', scope: 'as printed in the file', source: 'list', reference: 'the file' };

const phthalateOverride = CuratedLimitOverride.parse({
  listId: 'reach-annex-xvii',
  entryNumber: '51',
  substance: 'DEHP, DBP, BBP and DIBP (region’s reading)',
  percent: 0.05,
  basis: 'article',
  inclusive: true,
  scope: 'Checked against the consolidated text by the region’s chemist',
  reference: 'REACH Annex XVII entry 51 para 3',
});

describe('curated limits table', () => {
  it('when the shipped rows are validated with the override schema, then every row passes and says where it comes from', () => {
    // Arrange
    const rows = CURATED_LIMITS;

    // Act
    const results = rows.map((row) => CuratedLimitOverride.safeParse(row));

    // Assert
    for (const [i, result] of results.entries()) {
      expect(result.success, rows[i]?.substance).to.equal(true);
      expect(rows[i]?.reference, rows[i]?.substance).to.match(/REACH Annex XVII entry|Reg\. \(EU\) 2019\/1021 Annex I/u);
      expect(rows[i]?.verified, rows[i]?.substance).to.match(/EUR-Lex/u);
    }
  });

  it('when the table lists Annex XVII rows, then each entry number appears once', () => {
    // Arrange
    const numbers = CURATED_LIMITS.filter((row) => row.listId === 'reach-annex-xvii').map((row) => normaliseEntryNumber(row.entryNumber ?? ''));

    // Act
    const unique = new Set(numbers);

    // Assert
    expect(unique.size).to.equal(numbers.length);
    expect(numbers).to.include.members(['23', '27', '51', '52', '63', '70', '79']);
  });

  it('when a row is unverified, then it carries no number to compare against: percent 0 and the believed value in the scope', () => {
    // Arrange
    const unverified = CURATED_LIMITS.filter((row) => row.confidence === 'unverified');

    // Act
    const percents = unverified.map((row) => row.percent);

    // Assert
    expect(unverified.length).to.be.greaterThan(0);
    expect(percents.every((p) => p === 0)).to.equal(true);
    for (const row of unverified) expect(row.scope, row.substance).to.match(/^UNVERIFIED/u);
  });

  it('when a row names CAS numbers, then every one has a valid check digit', () => {
    // Arrange
    const cas = CURATED_LIMITS.flatMap((row) => row.cas);

    // Act
    const invalid = cas.filter((c) => !parseCas(c).valid || parseCas(c).normalised !== c);

    // Assert
    expect(cas.length).to.be.greaterThan(10);
    expect(invalid).to.deep.equal([]);
  });
});

describe(curatedLimitFor.name, () => {
  it('when an Annex XVII entry 51 has no printed limit, then the curated 0.1 % plasticised-material limit is returned and marked curated', () => {
    // Arrange
    const entry = annexXviiEntry('51', 'Diisobutyl phthalate (DIBP); Dibutyl phthalate (DBP); Benzyl butyl phthalate (BBP); Bis(2-ethylhexyl) phthalate (DEHP)');

    // Act
    const limit = curatedLimitFor('reach-annex-xvii', entry);

    // Assert
    expect(EntryLimit.safeParse(limit).success).to.equal(true);
    expect(limit).to.include({ percent: 0.1, basis: 'homogeneous-material', source: 'curated' });
    expect(limit?.reference).to.match(/^REACH Annex XVII entry 51\b/u);
    expect(limit?.scope).to.match(/plasticised material/u).and.match(/at or above 0\.1 %/u);
  });

  it('when the entry number is zero-padded or upper-case, then it matches the same row ("01" = "1", "046A" = "46a")', () => {
    // Arrange
    const padded = annexXviiEntry('063');
    const lettered = annexXviiEntry('046A');

    // Act
    const lead = curatedLimitFor('reach-annex-xvii', padded);
    const npe = curatedLimitFor('reach-annex-xvii', lettered);

    // Assert
    expect(normaliseEntryNumber('01')).to.equal(normaliseEntryNumber('1'));
    expect(lead?.percent).to.equal(0.05);
    expect(npe?.percent).to.equal(0.01);
    expect(npe?.reference).to.match(/entry 46a/u);
  });

  it('when the entry is nickel (entry 27), then the limit is presence for review and the scope says it is a release limit', () => {
    // Arrange
    const entry = annexXviiEntry('27', 'Nickel and its compounds');

    // Act
    const limit = curatedLimitFor('reach-annex-xvii', entry);

    // Assert
    expect(limit?.percent).to.equal(0);
    expect(limit?.scope).to.match(/release limit/u).and.match(/0\.5 µg\/cm²\/week/u).and.match(/Presence is reported for review/u);
  });

  it('when a limit is given in mg/kg, then it is converted at 1 mg/kg = 0.0001 %', () => {
    // Arrange
    const azo = annexXviiEntry('43');
    const dmfu = annexXviiEntry('61');
    const pfoa = popsEntry('perfluorooctanoic acid (PFOA), its salts and PFOA-related substances');

    // Act
    const limits = [curatedLimitFor('reach-annex-xvii', azo), curatedLimitFor('reach-annex-xvii', dmfu), curatedLimitFor('eu-pops', pfoa)];

    // Assert
    expect(limits.map((l) => l?.percent)).to.deep.equal([0.003, 0.00001, 0.0000025]);
  });

  it('when a POPs entry has the CAS of a curated row, then that row applies', () => {
    // Arrange
    const sccp = popsEntry('Alkanes, C10-13, chloro', ['85535-84-8']);

    // Act
    const found = findCuratedLimit('eu-pops', sccp);

    // Assert
    expect(found?.origin).to.equal('shipped');
    expect(found?.row).to.include({ percent: 0.15, inclusive: true });
  });

  it('when a POPs entry has no CAS, then it matches by normalised name or by an acronym in the name', () => {
    // Arrange
    const pcp = popsEntry('PENTACHLOROPHENOL and its salts  and esters');
    const pfos = popsEntry('Perfluorooctane sulfonic acid (PFOS), its salts and PFOS-related compoundsC8F17SO2X (X = OH, Metal salt (O-M+ ), halide, amide, and other related compounds including polymers)');
    const dechlorane = popsEntry('1,6,7,8,9,14,15,16,17,17,18,18-Dodecachloropentacyclo[12.2.1.16,9.02,13.05,10]octadeca-7,15-diene (“Dechlorane Plus”™)');

    // Act
    const found = [pcp, pfos, dechlorane].map((e) => findCuratedLimit('eu-pops', e)?.row.substance);

    // Assert
    expect(normaliseName('Alkanes, C10-13, chloro')).to.equal('alkanes c10 13 chloro');
    expect(found).to.deep.equal(['Pentachlorophenol and its salts and esters', 'PFOS, its salts and PFOS-related compounds', 'Dechlorane Plus (syn- and anti-isomers)']);
  });

  it('when a POPs entry has no curated row (a pesticide without a trace limit), then there is no limit', () => {
    // Arrange
    const aldrin = popsEntry('Aldrin', ['309-00-2']);

    // Act
    const limit = curatedLimitFor('eu-pops', aldrin);

    // Assert
    expect(limit).to.equal(null);
  });

  it('when the list is not Annex XVII or POPs, then no curated limit is given even if the entry number matches', () => {
    // Arrange
    const entry = annexXviiEntry('51');

    // Act
    const limit = curatedLimitFor('echa-candidate-list', entry);

    // Assert
    expect(limit).to.equal(null);
  });
});

describe(applyCuratedLimits.name, () => {
  it('when an Annex XVII entry 51 has no printed limit, then the curated 0.1 % plasticised-material limit is filled in and marked curated', () => {
    // Arrange
    const list = listOf('reach-annex-xvii', [annexXviiEntry('51'), annexXviiEntry('02', 'Chloroethene')]);

    // Act
    const applied = applyCuratedLimits(list);

    // Assert
    const [phthalates, vinylChloride] = applied.entries;
    expect(phthalates?.limit).to.include({ percent: 0.1, basis: 'homogeneous-material', source: 'curated' });
    expect(vinylChloride?.limit).to.equal(null);
    for (const entry of applied.entries) expect(ListEntry.safeParse(entry).success, entry.key).to.equal(true);
  });

  it('when an admin override exists for an entry, then it wins over the shipped row', () => {
    // Arrange
    const list = listOf('reach-annex-xvii', [annexXviiEntry('51'), annexXviiEntry('63')]);

    // Act
    const applied = applyCuratedLimits(list, [phthalateOverride]);

    // Assert
    const [phthalates, lead] = applied.entries;
    expect(phthalates?.limit).to.include({ percent: 0.05, basis: 'article', source: 'curated', reference: 'REACH Annex XVII entry 51 para 3' });
    expect(phthalates?.limit?.scope).to.match(/^\[Set in this installation/u);
    expect(lead?.limit?.percent).to.equal(0.05);
    expect(lead?.limit?.scope).to.match(/^\[chemreg curated table/u);
  });

  it('when the list itself printed a limit, then the curated table does not overwrite it, not even with an override', () => {
    // Arrange
    const list = listOf('reach-annex-xvii', [{ ...annexXviiEntry('51'), limit: printedLimit }]);

    // Act
    const applied = applyCuratedLimits(list, [phthalateOverride]);

    // Assert
    expect(applied.entries[0]?.limit).to.deep.equal(printedLimit);
  });

  it('when a list already carries curated limits and an override is added, then the curated limit is recomputed', () => {
    // Arrange
    const once = applyCuratedLimits(listOf('reach-annex-xvii', [annexXviiEntry('51')]));

    // Act
    const again = applyCuratedLimits(once, [phthalateOverride]);

    // Assert
    expect(once.entries[0]?.limit?.percent).to.equal(0.1);
    expect(again.entries[0]?.limit?.percent).to.equal(0.05);
  });

  it('when a POPs entry matches an unverified row, then presence is reported for review and the list gets a warning', () => {
    // Arrange
    const list = listOf('eu-pops', [popsEntry('2-(2H-benzotriazol-2-yl)-4,6-di-tert-pentylphenol', ['25973-55-1']), popsEntry('Hexabromocyclododecane (HBCDD)')]);

    // Act
    const applied = applyCuratedLimits(list);

    // Assert
    const [uv328, hbcdd] = applied.entries;
    expect(uv328?.limit).to.include({ percent: 0, source: 'curated' });
    expect(uv328?.limit?.scope).to.match(/UNVERIFIED/u);
    expect(hbcdd?.limit?.percent).to.equal(0.0075);
    expect(applied.warnings).to.have.length(1);
    expect(applied.warnings[0]?.message).to.match(/^25973-55-1: .*unverified/u);
  });

  it('when a list is applied, then the input list is not changed', () => {
    // Arrange
    const list = listOf('reach-annex-xvii', [annexXviiEntry('51')]);
    const before = structuredClone(list);

    // Act
    applyCuratedLimits(list, [phthalateOverride]);

    // Assert
    expect(list).to.deep.equal(before);
  });

  it('when the list is neither Annex XVII nor POPs, then it is returned as it is', () => {
    // Arrange
    const list = listOf('echa-candidate-list', [annexXviiEntry('51')]);

    // Act
    const applied = applyCuratedLimits(list);

    // Assert
    expect(applied).to.equal(list);
  });
});

describe('CuratedLimitOverride', () => {
  it('when an Annex XVII override has no entry number, or a POPs override nothing to match by, then it is refused', () => {
    // Arrange
    const base = { substance: 'x', percent: 0.1, basis: 'article', inclusive: true, scope: 'x', reference: 'x' };

    // Act
    const annex = CuratedLimitOverride.safeParse({ ...base, listId: 'reach-annex-xvii' });
    const pops = CuratedLimitOverride.safeParse({ ...base, listId: 'eu-pops' });

    // Assert
    expect(annex.success).to.equal(false);
    expect(annex.error?.issues.map((i) => i.path.join('.'))).to.deep.equal(['entryNumber']);
    expect(pops.success).to.equal(false);
    expect(pops.error?.issues.map((i) => i.path.join('.'))).to.deep.equal(['cas']);
  });

  it('when an override has a CAS number with a wrong check digit, an unknown field or a percent above 100, then it is refused', () => {
    // Arrange
    const base = { listId: 'eu-pops', substance: 'x', basis: 'any', inclusive: false, scope: 'x', reference: 'x' };

    // Act
    const badCas = CuratedLimitOverride.safeParse({ ...base, cas: ['85535-84-9'], percent: 1 });
    const extra = CuratedLimitOverride.safeParse({ ...base, cas: ['85535-84-8'], percent: 1, unit: 'ppm' });
    const tooHigh = CuratedLimitOverride.safeParse({ ...base, cas: ['85535-84-8'], percent: 101 });

    // Assert
    expect([badCas.success, extra.success, tooHigh.success]).to.deep.equal([false, false, false]);
  });

  it('when an override leaves out the optional fields, then it defaults to curated confidence and a note that chemreg has not checked it', () => {
    // Arrange
    const input = { listId: 'eu-pops', cas: ['85535-84-8'], substance: 'SCCP', percent: 1, basis: 'mixture', inclusive: true, scope: 'mixtures', reference: 'Reg. (EU) 2019/1021 Annex I' };

    // Act
    const parsed = CuratedLimitOverride.parse(input);

    // Assert
    expect(parsed).to.include({ entryNumber: null, confidence: 'curated' });
    expect(parsed.names).to.deep.equal([]);
    expect(parsed.verified).to.match(/chemreg has not checked it/u);
  });
});
