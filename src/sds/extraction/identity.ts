// Identity facts: product name (Annex II 1.1), supplier and its country (1.3), revision date and version (the
// sheet's header or section 16; Annex II 0.2.5 requires the revision date, and a print date is not one).
import type { Evidence, TextFact } from './facts.js';
import { findDates, type DateOrder } from './dates.js';
import { findLabelled, labelPattern } from './labels.js';
import { foldSameLength, type Line } from './text.js';

const quote = (line: Line): Evidence => ({ page: line.page, quote: line.text.replace(/\t/g, ' ') });
const none = (): TextFact => ({ value: null, confidence: 0, evidence: null });

// Specific name labels first; the 1.1 heading words ("Product identifier") only when nothing better is printed.
const PRODUCT_LABELS = [
  'trade name', 'product name', 'name of the product', 'commercial name', 'material name', 'product trade name',
  'handelsnamn', 'produktnamn', 'varunamn', 'handelsnavn', 'produktnavn', 'kauppanimi', 'tuotenimi', 'tuotteen nimi', 'tuotteen kauppanimi',
  'handelsname', 'produktname', 'produktbezeichnung', 'nom du produit', 'nom commercial', 'handelsnaam', 'productnaam', 'naam van het product',
  'nombre del producto', 'nombre comercial', 'nome commerciale', 'nome del prodotto', 'denominazione commerciale', 'nazwa handlowa',
  'nazwa produktu', 'nome comercial', 'nome do produto',
];
const PRODUCT_HEADINGS = [
  'product identifier', 'produktbeteckning', 'produktidentifikator', 'tuotetunniste', 'identificateur de produit', 'productidentificatie',
  'productidentificator', 'identificador del producto', 'identificatore del prodotto', 'identyfikator produktu', 'identificador do produto',
];

const SUPPLIER_LABELS = [
  'company name of supplier', 'nombre de la empresa proveedora', 'nombre de la empresa', "supplier's details", 'manufacturer/supplier',
  'supplier', 'company name', 'company', 'manufacturer', 'distributor', 'importer',
  'leverantör', 'företagsnamn', 'företag', 'tillverkare', 'distributör', 'leverandør', 'firmanavn', 'firma', 'virksomhed', 'producent',
  'produsent', 'importør', 'toimittaja', 'yritys', 'valmistaja', 'maahantuoja', 'lieferant', 'hersteller', 'unternehmen', 'inverkehrbringer',
  'fournisseur', 'société', 'fabricant', 'entreprise', 'raison sociale', 'leverancier', 'fabrikant', 'bedrijf', 'proveedor', 'empresa',
  'fabricante', 'fornitore', 'società', 'produttore', 'ditta', 'azienda', 'dostawca', 'producent', 'nazwa firmy', 'fornecedor',
];
const SUPPLIER_LABEL_SET = new Set(SUPPLIER_LABELS);
const SUPPLIER_BLOCK_START = labelPattern([
  'details of the supplier', 'manufacturer or supplier', "supplier's details", 'närmare upplysningar om den som tillhandahåller',
  'nærmere oplysninger om leverandøren', 'opplysninger om leverandøren', 'käyttöturvallisuustiedotteen toimittajan', 'einzelheiten zum lieferanten',
  'renseignements concernant le fournisseur', 'details betreffende de verskaffer', 'datos del proveedor', 'informaciones sobre el fabricante',
  'informazioni sul fornitore', 'dane dotyczące dostawcy', 'identificação do fornecedor',
]);
const SUPPLIER_BLOCK_END = labelPattern([
  'emergency', 'telefonnummer för nödsituationer', 'nødtelefon', 'nødtelefonnummer', 'hätäpuhelinnumero', 'notrufnummer', "numéro d'appel d'urgence",
  'telefoonnummer voor noodgevallen', 'teléfono de emergencia', 'numero telefonico di emergenza', 'numer telefonu alarmowego', 'número de telefone de emergência',
]);

// Legal forms: a line with one is almost certainly the company name, and the name ends after it.
const LEGAL_FORM = /(?<![\p{L}])(?:AB|A\/S|ApS|AS|ASA|Oy|Oyj|GmbH(?:\s*&\s*Co\.?\s*KG)?|AG|KG|SE|B\.V\.?|BV|N\.V\.?|NV|Ltd\.?|Limited|Inc\.?|LLC|Corp\.?|Corporation|Company|Co\.|S\.A\.S?\.?|SAS|SA|S\.p\.A\.?|SpA|S\.r\.l\.?|Srl|S\.L\.?|SL|Sp\.\s*z\s*o\.\s*o\.?|Lda\.?|plc|PLC|\(Pty\)\s*Ltd\.?)(?![\p{L}])/u;

function looksLikeCompany(text: string): boolean {
  // Addresses, phone numbers, e-mail and web addresses start that way; a company line may run on into them.
  if (/^(?:\d|\+|tel|fax|phone|telefon|e-?mail|www\.|https?:)/i.test(text) || /^\S+@\S+$/.test(text)) return false;
  if (SUPPLIER_LABEL_SET.has(text.toLowerCase().replace(/[\s:]+$/, ''))) return false;
  return /\p{L}{2}/u.test(text) && text.length <= 120;
}

/** A company name without the address run-on that Markdown conversions glue to it. */
function trimCompany(text: string): string {
  const legal = LEGAL_FORM.exec(text);
  if (legal && legal.index + legal[0].length < text.length && legal.index < 100) {
    return text.slice(0, legal.index + legal[0].length).replace(/[\s,]+$/, '');
  }
  return text;
}

export function extractProductName(section1: readonly Line[], furniture: readonly Line[]): TextFact {
  const accept = (v: string): boolean => v.length >= 1 && v.length <= 200 && !/^(?:not applicable|n\/a|-)$/i.test(v);
  const labelled = findLabelled(section1, PRODUCT_LABELS, { accept });
  if (labelled) return { value: labelled.value, confidence: 0.95, evidence: quote(labelled.line) };
  const heading = findLabelled(section1, PRODUCT_HEADINGS, { accept });
  if (heading) return { value: heading.value, confidence: 0.7, evidence: quote(heading.line) };
  // Last resort: a repeated page header line that is not a document title or a page number.
  const header = furniture.find((l) => /\p{L}{3}/u.test(l.text) && !/safety|data|sheet|page|seite|sida|side|version|date|datum|regulation|according/i.test(l.text));
  return header ? { value: header.text.split('\t')[0] ?? header.text, confidence: 0.4, evidence: quote(header) } : none();
}

export function extractSupplier(section1: readonly Line[], firstPage: readonly Line[]): { name: TextFact; block: Line[] } {
  const startAt = section1.findIndex((l) => SUPPLIER_BLOCK_START.test(foldSameLength(l.text)));
  let block: Line[] = [];
  if (startAt >= 0) {
    const rest = section1.slice(startAt + 1);
    const end = rest.findIndex((l) => SUPPLIER_BLOCK_END.test(foldSameLength(l.text)) || /^1\.4\b/.test(l.text));
    block = rest.slice(0, end < 0 ? 14 : Math.min(end, 14));
  }
  const accept = (v: string): boolean => looksLikeCompany(trimCompany(v)) && !/^(?:details|information)/i.test(v);
  for (const [lines, confidence] of [[block, 0.95], [section1, 0.85], [firstPage, 0.7]] as const) {
    const labelled = findLabelled(lines, SUPPLIER_LABELS, { accept });
    if (labelled) {
      const value = trimCompany(labelled.value);
      const at = lines.indexOf(labelled.line);
      return { name: { value, confidence: LEGAL_FORM.test(value) ? confidence : confidence - 0.15, evidence: quote(labelled.line) }, block: block.length ? block : lines.slice(Math.max(at, 0), at + 8) };
    }
  }
  // An unlabelled block ("1.3 Details of the supplier …" then the company on the next line).
  const first = block.find((l) => looksLikeCompany(trimCompany(l.text)) && !/:\s*$/.test(l.text));
  if (first) {
    const value = trimCompany(first.text.split('\t')[0] ?? first.text);
    return { name: { value, confidence: LEGAL_FORM.test(value) ? 0.85 : 0.6, evidence: quote(first) }, block };
  }
  return { name: none(), block };
}

// Country names (English, the native name, and the Swedish name) → ISO 3166-1 alpha-2.
const COUNTRIES: ReadonlyArray<readonly [string, string]> = [
  ['SE', 'sweden|sverige|schweden|suède|suecia|svezia|szwecja|ruotsi|sverige'],
  ['DK', 'denmark|danmark|dänemark|danemark|dinamarca|danimarca|dania|tanska'],
  ['NO', 'norway|norge|noreg|norwegen|norvège|noruega|norvegia|norwegia|norja'],
  ['FI', 'finland|suomi|finnland|finlande|finlandia'],
  ['DE', 'germany|deutschland|tyskland|allemagne|alemania|germania|niemcy|saksa|duitsland'],
  ['FR', 'france|frankrike|frankreich|francia|francja|ranska|frankrijk|frança'],
  ['NL', 'netherlands|the netherlands|nederland|nederländerna|niederlande|pays-bas|países bajos|paesi bassi|holandia|alankomaat|holland'],
  ['BE', 'belgium|belgië|belgique|belgien|bélgica|belgio|belgia|belgia'],
  ['ES', 'spain|españa|spanien|espagne|spagna|hiszpania|espanja|spanje'],
  ['IT', 'italy|italia|italien|italie|włochy|italië'],
  ['PL', 'poland|polska|polen|pologne|polonia|puola'],
  ['PT', 'portugal|portogallo|portugalia'],
  ['AT', 'austria|österreich|österrike|autriche|itävalta|oostenrijk'],
  ['CH', 'switzerland|schweiz|suisse|svizzera|suiza|szwajcaria|sveitsi|zwitserland'],
  ['GB', 'united kingdom|great britain|storbritannien|england|scotland|vereinigtes königreich|royaume-uni|reino unido|regno unito|wielka brytania|uk'],
  ['IE', 'ireland|irland|irlande|irlanda|irlandia|éire'],
  ['US', 'united states of america|united states|usa|u\\.s\\.a\\.|vereinigte staaten|états-unis|estados unidos'],
  ['CA', 'canada|kanada'],
  ['IN', 'india|indien|inde'],
  ['ZA', 'south africa|sydafrika|südafrika|afrique du sud|sudáfrica'],
  ['CN', 'china|kina|chine'],
  ['JP', 'japan|japon|japón|giappone'],
  ['EE', 'estonia|eesti|estland'],
  ['LV', 'latvia|latvija|lettland'],
  ['LT', 'lithuania|lietuva|litauen'],
  ['CZ', 'czech republic|czechia|česká republika|tjeckien|tschechien'],
  ['IS', 'iceland|ísland|island'],
  ['LU', 'luxembourg|luxemburg'],
  ['HU', 'hungary|magyarország|ungern|ungarn'],
];
const COUNTRY_PATTERNS = COUNTRIES.map(([code, names]) => [code, new RegExp(`(?<![\\p{L}])(?:${names})(?![\\p{L}])`, 'iu')] as const);
// All names at once: most lines of a supplier block name no country, and one pass tells so.
const ANY_COUNTRY = new RegExp(`(?<![\\p{L}])(?:${COUNTRIES.map(([, names]) => names).join('|')})(?![\\p{L}])`, 'iu');
// Postcode prefixes: "SE-411 04", "D-84032", "DK-2100", "FI-00100".
const POSTCODE_PREFIX: Readonly<Record<string, string>> = { S: 'SE', SE: 'SE', DK: 'DK', N: 'NO', NO: 'NO', FI: 'FI', SF: 'FI', D: 'DE', DE: 'DE', F: 'FR', NL: 'NL', B: 'BE', E: 'ES', I: 'IT', PL: 'PL', P: 'PT', A: 'AT', CH: 'CH' };

export function extractCountry(block: readonly Line[]): TextFact {
  for (const line of block) {
    if (/@|https?:|www\./i.test(line.text)) continue;
    if (ANY_COUNTRY.test(line.text)) for (const [code, pattern] of COUNTRY_PATTERNS) {
      if (pattern.test(line.text)) return { value: code, confidence: 0.85, evidence: quote(line) };
    }
    const postcode = /(?<![\p{L}])([A-Z]{1,2})-\s?\d{3,5}\b/u.exec(line.text);
    const prefix = postcode?.[1];
    const fromPostcode = prefix ? POSTCODE_PREFIX[prefix] : undefined;
    if (fromPostcode) return { value: fromPostcode, confidence: 0.7, evidence: quote(line) };
  }
  return none();
}

// Revision labels per language. "Date of issue/Date of revision" counts; print, creation and previous dates never.
const REVISION_LABELS = [
  'revision date', 'date of revision', 'date revised', 'revised on', 'last revised', 'revised', 'revision',
  'omarbetningsdatum', 'omarbetning datum', 'omarbetad', 'reviderat den', 'reviderad den', 'reviderat', 'reviderad', 'revisionsdatum', 'revideringsdatum', 'ändringsdatum', 'bearbetad', 'uppdaterad',
  'revisionsdato', 'revideret den', 'revideret', 'revideringsdato', 'revidert dato', 'revisjonsdato', 'revidert', 'endringsdato', 'muutospäivämäärä', 'muutettu', 'tarkistettu', 'päivitetty',
  'überarbeitet am', 'überarbeitungsdatum', 'überarbeitet', 'datum der überarbeitung', 'date de révision', 'date de mise à jour', 'mise à jour', 'révision',
  'herzieningsdatum', 'datum van herziening', 'herzien op', 'herziening', 'revisiedatum', 'datum herziening', 'fecha de revisión', 'revisión', 'data di revisione', 'data revisione', 'revisione',
  'data aktualizacji', 'aktualizacja', 'data weryfikacji', 'data de revisão', 'revisão',
];
const ISSUE_LABELS = [
  'date of compilation', 'date of issue', 'issue date', 'issued', 'version date', 'sds date', 'date', 'utfärdandedatum', 'utfärdad', 'datum',
  'udstedelsesdato', 'utstedelsesdato', 'laatimispäivä', 'päiväys', 'data opracowania', 'ausgabedatum', 'erstellt am', "date d'émission", 'date', 'uitgiftedatum', 'fecha de emisión', 'fecha',
  'data di emissione', 'data emissione', 'data wydania', 'data de emissão',
];
// Masked before the labels are searched: these dates are never the revision date.
const NOT_REVISION = new RegExp(
  [
    'print(?:ing)?\\s*date', 'date\\s*printed', 'printed', 'creation\\s*date', 'date\\s*of\\s*previous\\s*(?:issue|revision)', 'previous\\s*(?:revision|version|issue)(?:\\s*date)?',
    'supersedes(?:\\s*date)?', 'replaces(?:\\s*date)?', 'first\\s*(?:issue|edition)(?:\\s*date)?', 'date\\s*of\\s*first\\s*issue', 'utskriftsdatum', 'utskrivet', 'ersatter(?:\\s*version\\s*av)?',
    'publiceringsdatum', 'udskrivningsdato', 'udskrevet', 'utskriftsdato', 'tulostuspaiva', 'druckdatum', 'gedruckt', 'ersetzt', 'date\\s*d.impression', 'imprime',
    'afdrukdatum', 'vervangt', 'fecha\\s*de\\s*(?:la\\s*)?(?:ultima\\s*revision|impresion|primera\\s*emision)', 'ultima\\s*revision', 'data\\s*di\\s*stampa', 'sostituisce',
    'data\\s*druku', 'zastepuje', 'data\\s*de\\s*impressao', 'substitui',
  ].join('|'),
  'g',
);

function dateAfter(lines: readonly Line[], labels: readonly string[], order: DateOrder): { iso: string; line: Line } | null {
  const patterns = labels.map((l) => labelPattern([l], true));
  // Folded once per line (not once per label and line): this runs over the whole document.
  const folded = lines.map((line) => foldSameLength(line.text).replace(NOT_REVISION, (m) => '#'.repeat(m.length)));
  const any = labelPattern(labels, true);
  const candidates = lines.map((_, i) => i).filter((i) => any.test(folded[i] ?? ''));
  for (const pattern of patterns) {
    for (const i of candidates) {
      const line = lines[i];
      if (!line) continue;
      const match = pattern.exec(folded[i] ?? '');
      if (!match) continue;
      const after = line.text.slice(match.index + match[0].length);
      // The date follows the label directly (same line, within a few words) or on the next line.
      const same = findDates(after.slice(0, 60), order)[0];
      if (same && /^[\s:.\-–\t]*(?:\p{L}+\s?){0,2}[\s:.\t]*$/u.test(after.slice(0, same.offset))) return { iso: same.iso, line };
      if (after.trim() === '' || /^[\s:.]*$/.test(after)) {
        const next = lines[i + 1];
        const below = next ? findDates(next.text, order)[0] : undefined;
        if (next && below && below.offset < 3) return { iso: below.iso, line: next };
      }
    }
  }
  return null;
}

export function extractRevisionDate(lines: readonly Line[], order: DateOrder): TextFact {
  const revision = dateAfter(lines, REVISION_LABELS, order);
  if (revision) return { value: revision.iso, confidence: 0.95, evidence: quote(revision.line) };
  const issue = dateAfter(lines, ISSUE_LABELS, order);
  if (issue) return { value: issue.iso, confidence: 0.7, evidence: quote(issue.line) };
  return none();
}

const VERSION_LABELS = [
  'version number', 'version no', 'revision number', 'versionsnummer', 'version nr', 'version', 'versjon', 'versio', 'versione', 'versión', 'versão', 'wersja', 'versie', 'rev. no', 'rev.',
];

export function extractVersion(lines: readonly Line[]): TextFact {
  const pattern = labelPattern(VERSION_LABELS, true);
  for (const line of lines) {
    const match = pattern.exec(foldSameLength(line.text));
    if (!match) continue;
    const after = line.text.slice(match.index + match[0].length);
    const version = /^(?:[:#]\s*)?(?:GHS\s+)?(\d{1,3}(?:[.,]\d{1,3}){0,3}[a-z]?)(?![\d/.-]\d)/i.exec(after.trim());
    if (version?.[1]) return { value: version[1].replace(',', '.'), confidence: 0.9, evidence: quote(line) };
  }
  return none();
}
