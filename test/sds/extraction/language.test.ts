import { expect } from 'chai';
import { detectLanguage } from '../../../src/sds/extraction/language.js';
import { HEADINGS } from '../../../src/sds/extraction/headings.js';
import { SDS_LANGUAGES } from '../../../src/sds/extraction/facts.js';

// Real sheets repeat their section titles and add prose; the titles alone must already tell the language apart.
const sheetText = (language: (typeof SDS_LANGUAGES)[number]): string => {
  const h = HEADINGS[language];
  return [h.documentTitle, ...Object.values(h.sections).map((t, i) => `${h.sectionWord} ${i + 1}: ${t}`), ...Object.values(h.subsections)].join('\n');
};

describe('sds/extraction/language', () => {
  for (const language of SDS_LANGUAGES) {
    it(`when a sheet is written in ${language}, then ${language} is detected`, () => {
      expect(detectLanguage(sheetText(language)).language).to.equal(language);
    });
  }

  it('when Danish and Norwegian prose differ only in small words, then each is told apart', () => {
    const da = 'Stoffet skal opbevares efter anvisning af producenten og ikke blandes mellem andre produkter. ' + sheetText('da');
    const nb = 'Stoffet skal oppbevares etter anvisning av produsenten og ikke blandes mellom andre produkter. ' + sheetText('nb');
    expect(detectLanguage(da).language).to.equal('da');
    expect(detectLanguage(nb).language).to.equal('nb');
  });

  it('when there is too little text, then no language is claimed', () => {
    expect(detectLanguage('H225 H319 64-17-5').language).to.equal(null);
  });
});
