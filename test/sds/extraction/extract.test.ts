import { expect } from 'chai';
import { extractFromPages } from '../../../src/sds/extraction/extract.js';
import { extractSdsFromText } from '../../../src/sds/extraction/index.js';
import { HEADINGS } from '../../../src/sds/extraction/headings.js';

// A two-page Swedish sheet as text, with the header every page repeats (product, version, revision and print
// dates, page numbering): the shape pdf-parse gives for a real PDF.
function swedishSheet(): string[] {
  const h = HEADINGS.sv;
  const header = ['Säkerhetsdatablad enligt förordning (EG) nr 1907/2006', 'Golvrent Neutral', 'Version 3.1\tOmarbetad: 15.03.2024\tUtskriftsdatum: 02.05.2025'];
  const body = (from: number, to: number) =>
    Array.from({ length: to - from + 1 }, (_, i) => from + i).flatMap((n) => {
      const lines = [`AVSNITT ${n}: ${(h.sections[n] ?? '').toUpperCase()}`];
      if (n === 1) lines.push('1.1 Produktbeteckning', 'Handelsnamn: Golvrent Neutral', '1.3 Närmare upplysningar om den som tillhandahåller säkerhetsdatabladet', 'Leverantör: Städ & Hygien AB', 'Industrigatan 4', '411 04 Göteborg', 'Sverige', 'Telefon: +46 31 123 45 67');
      if (n === 2) lines.push('2.2 Märkningsuppgifter', 'Faropiktogram: GHS05, GHS07', 'Signalord: Fara', 'Faroangivelser:', 'H314 Orsakar allvarliga frätskador på hud och ögon.', 'H300+H310 Dödligt vid förtäring eller hudkontakt.', 'H360FD Kan skada fertiliteten.', 'EUH208 Innehåller 1,2-bensisotiazol-3(2H)-on.');
      if (n === 3) lines.push('3.2 Blandningar', 'Namn\tCAS-nr\tEG-nr\tHalt (%)\tKlassificering', 'Natriumhydroxid\t1310-73-2\t215-185-5\t1 – <5\tSkin Corr. 1A, H314', 'Etanol\t64-17-5\t200-578-6\t≥10 – <25\tFlam. Liq. 2, H225');
      lines.push('Allmän text om avsnittet.');
      return lines;
    });
  return [
    [...header, ...body(1, 8), 'Sida 1 av 2'].join('\n'),
    [...header, ...body(9, 16), 'Sida 2 av 2'].join('\n'),
  ];
}

describe('sds/extraction/extract', () => {
  it('when a Swedish EU sheet is read, then identity, dates, section 2 and section 3 facts come out with evidence', () => {
    const facts = extractFromPages(swedishSheet(), { paged: true });
    expect(facts).to.include({ textLayer: true, isSds: true, language: 'sv', format: 'EU-REACH-16', pageCount: 2 });
    expect(facts.sections.map((s) => s.number)).to.deep.equal(Array.from({ length: 16 }, (_, i) => i + 1));
    expect(facts.sections[8]?.page).to.equal(2);
    expect(facts.productName).to.deep.include({ value: 'Golvrent Neutral', evidence: { page: 1, quote: 'Handelsnamn: Golvrent Neutral' } });
    expect(facts.supplierName.value).to.equal('Städ & Hygien AB');
    expect(facts.supplierCountry.value).to.equal('SE');
    expect(facts.revisionDate.value, 'the revision date, not the print date').to.equal('2024-03-15');
    expect(facts.version.value).to.equal('3.1');
    expect(facts.signalWord).to.deep.include({ value: 'Danger', printed: 'Fara' });
    expect(facts.hazardStatements.map((c) => c.code)).to.deep.equal(['H314', 'H300', 'H310', 'H360FD']);
    expect(facts.euhStatements.map((c) => c.code)).to.deep.equal(['EUH208']);
    expect(facts.pictograms.map((p) => p.code)).to.deep.equal(['GHS05', 'GHS07']);
    expect(facts.substances.map((s) => [s.name, s.cas?.value, s.ec?.value, s.concentration?.text])).to.deep.equal([
      ['Natriumhydroxid', '1310-73-2', '215-185-5', '1 – <5'],
      ['Etanol', '64-17-5', '200-578-6', '≥10 – <25'],
    ]);
    expect(facts.needsReview).to.equal(false);
    for (const fact of [facts.productName, facts.supplierName, facts.revisionDate]) expect(fact.confidence).to.be.greaterThan(0.6);
  });

  it('when the revision date and supplier are missing, then the sheet needs review and says why', () => {
    const pages = swedishSheet().map((p) => p.replace(/Omarbetad: 15.03.2024\t/, '').replace(/Leverantör: Städ & Hygien AB\n/, ''));
    const facts = extractFromPages(pages, { paged: true });
    expect(facts.needsReview).to.equal(true);
    expect(facts.reasons.map((r) => r.code)).to.include.members(['revision-date-missing']);
    expect(facts.revisionDate.value).to.equal(null);
  });

  it('when pages carry no text (a scan), then nothing is invented and the reason is no-text-layer', () => {
    const facts = extractFromPages(['', '  12  '], { paged: true });
    expect(facts).to.include({ textLayer: false, isSds: false, needsReview: true });
    expect(facts.substances).to.deep.equal([]);
    expect(facts.productName.value).to.equal(null);
    expect(facts.reasons.map((r) => r.code)).to.deep.equal(['no-text-layer']);
  });

  it('when the text is an invoice, then it is not an SDS and no facts are read', () => {
    const facts = extractFromPages(['Faktura 2024-117\nAtt betala: 12 500 kr\nOrdernummer 4711, leverans vecka 12\nTack för ert köp. Betalningsvillkor 30 dagar netto. Dröjsmålsränta enligt räntelagen.'], { paged: true });
    expect(facts.isSds).to.equal(false);
    expect(facts.reasons.map((r) => r.code)).to.deep.equal(['not-an-sds']);
  });

  it('when the input is Markdown from a PDF converter, then its tables are read as rows and evidence has no page', () => {
    const h = HEADINGS.sv;
    const md = Array.from({ length: 16 }, (_, i) => i + 1)
      .map((n) => `## **AVSNITT ${n}: ${h.sections[n] ?? ''}**\n\n` + (n === 3 ? '| Namn | Produktbeteckning | % |\n|---|---|---|\n| Koldioxid (CO2) | CAS nr: 124-38-9 | 1 – 5 |\n' : 'Text för avsnittet och blandningen.\n'))
      .join('\n');
    const facts = extractSdsFromText(md);
    expect(facts.substances.map((s) => [s.name, s.cas?.value, s.concentration?.text, s.evidence?.page])).to.deep.equal([['Koldioxid (CO2)', '124-38-9', '1 – 5', null]]);
  });
});
