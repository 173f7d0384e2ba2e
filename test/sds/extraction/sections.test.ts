import { expect } from 'chai';
import { HEADINGS } from '../../../src/sds/extraction/headings.js';
import { SDS_LANGUAGES } from '../../../src/sds/extraction/facts.js';
import { findSections } from '../../../src/sds/extraction/sections.js';
import { detectFormat } from '../../../src/sds/extraction/format.js';
import type { Line } from '../../../src/sds/extraction/text.js';

const toLines = (texts: string[]): Line[] => texts.map((text, index) => ({ text, page: 1, index }));

// A sheet's skeleton: each heading followed by a line of body text, headings styled as real sheets print them.
function skeleton(language: (typeof SDS_LANGUAGES)[number], style: (n: number, word: string, title: string) => string): Line[] {
  const h = HEADINGS[language];
  const lines: string[] = [];
  for (let n = 1; n <= 16; n++) {
    lines.push(style(n, h.sectionWord, h.sections[n] ?? ''));
    lines.push(`${n}.1 ${n === 3 ? 'Ethanol 64-17-5 10-25 %' : 'body text 42'}`);
  }
  return toLines(lines);
}

describe('sds/extraction/sections', () => {
  for (const language of SDS_LANGUAGES) {
    it(`when a ${language} sheet prints its 16 official headings, then all 16 are found in order with their bodies`, () => {
      const sections = findSections(skeleton(language, (n, word, title) => `${word} ${n}: ${title.toUpperCase()}`));
      expect(sections.map((s) => s.number)).to.deep.equal(Array.from({ length: 16 }, (_, i) => i + 1));
      expect(sections.every((s) => s.role === s.number)).to.equal(true);
      expect(sections[2]?.lines.map((l) => l.text)).to.deep.equal(['3.1 Ethanol 64-17-5 10-25 %']);
    });
  }

  it('when headings have no section word ("1. Title", "SECTION 2 - Title"), then they are still found', () => {
    const sections = findSections(skeleton('de', (n, _word, title) => (n % 2 === 0 ? `${n}. ${title}` : `SECTION ${n} - ${title}`)));
    expect(sections).to.have.length(16);
  });

  it('when body lines start with numbers ("2 Skin Irrit. 2 H315", "3.2 Mixtures", "8 hours"), then they are not taken for headings', () => {
    const lines = skeleton('en', (n, word, title) => `${word} ${n}: ${title}`);
    const noisy = toLines([...lines.map((l) => l.text).slice(0, 4), '2 Skin Irrit. 2 H315', '3.2 Mixtures', '8 hours at 20 °C', ...lines.map((l) => l.text).slice(4)]);
    expect(findSections(noisy).map((s) => s.number)).to.deep.equal(Array.from({ length: 16 }, (_, i) => i + 1));
  });

  it('when sections 2 and 3 are swapped (ISO 11014-1), then their roles follow their titles and the format is "other"', () => {
    const titles: Record<number, string> = { 2: 'COMPOSITION/INFORMATION ON COMPONENTS', 3: 'HAZARDS IDENTIFICATION' };
    const sections = findSections(skeleton('en', (n, _w, title) => `Section ${n} - ${titles[n] ?? title}`));
    expect(sections.find((s) => s.number === 2)?.role).to.equal(3);
    expect(sections.find((s) => s.number === 3)?.role).to.equal(2);
    expect(detectFormat('Regulation (EC) No 1907/2006', sections)).to.equal('other');
  });

  it('when the sheet names its legislation, then REACH gives EU-REACH-16 and OSHA gives US-OSHA-16 (by majority)', () => {
    const sections = findSections(skeleton('en', (n, word, title) => `${word} ${n}: ${title}`));
    expect(detectFormat('according to Regulation (EC) No 1907/2006 (REACH)', sections)).to.equal('EU-REACH-16');
    expect(detectFormat('OSHA Hazard Communication Standard (29 CFR 1910.1200). Not REACH registered.', sections)).to.equal('US-OSHA-16');
    expect(detectFormat('according to Regulation (EC) No 1907/2006', sections.slice(0, 5))).to.equal('other');
  });
});
