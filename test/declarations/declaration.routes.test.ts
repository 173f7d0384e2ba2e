// Declarations end to end through the API: a supplier submits chemreg's JSON declaration for an article, it is stored
// as a revision with concentrations in %, screened per component article (Candidate List) and per homogeneous
// material (RoHS), versioned with a diff, and bad declarations are refused naming the element, with nothing stored.
import { expect } from 'chai';
import { blankEntry } from '../../src/lists/list-entry.js';
import { swedishOrgNumber } from '../support/fixtures.js';
import { chemregListForm } from '../support/list-files/index.js';
import { buildClassC, type CategorySpec } from '../support/declaration-files/ipc-1752a.js';
import { startTestApp, type Client, type Response, type TestApp } from '../support/test-app.js';

const show = (res: Response): string => `${res.status} ${JSON.stringify(res.body)}`;

const DEHP = '117-81-7';
const CADMIUM = '7440-43-9';

function fileForm(content: string | Uint8Array, name = 'declaration.json'): FormData {
  const body = new FormData();
  body.append('file', new Blob([typeof content === 'string' ? new TextEncoder().encode(content) : content]), name);
  return body;
}

/**
 * A charging cable (an electrical article): the cable component of 100 g has a PVC sheath of 10 g with DEHP at 0.5 %
 * of the sheath — 0.05 % of the cable, below the Candidate List's 0.1 % per article, but above RoHS's 0.1 % per
 * homogeneous material — and a plug whose solder holds 150 ppm cadmium (RoHS limit 0.01 % = 100 ppm).
 */
function cableDeclaration(overrides: { dehpPercent?: number; cadmium?: { value?: number; min?: number; max?: number; unit: string } } = {}): Record<string, unknown> {
  return {
    chemreg: 'declaration',
    version: 1,
    product: { name: 'Laddkabel USB-C 1 m', number: 'LK-100', mass: { value: 120, unit: 'g' } },
    declaredAt: '2026-10-01',
    scipNumbers: ['3fa85f64-5717-4562-b3fc-2c963f66afa6'],
    statements: [{ code: 'no-intentionally-added-pfas', text: 'Inga PFAS tillsatta avsiktligt.' }],
    declaredListVersions: [{ list: 'echa-candidate-list', version: '2026-01-21' }],
    components: [
      {
        name: 'Cable',
        mass: { value: 100, unit: 'g' },
        materials: [
          { name: 'PVC sheath', mass: { value: 10, unit: 'g' }, substances: [{ name: 'Bis(2-ethylhexyl) phthalate', cas: DEHP, concentration: { value: overrides.dehpPercent ?? 0.5, unit: '%' } }] },
          { name: 'Copper conductor', mass: { value: 90, unit: 'g' }, substances: [{ name: 'Copper', cas: '7440-50-8', concentration: { value: 99.9, unit: '%' } }] },
        ],
      },
      {
        name: 'Plug',
        mass: { value: 20, unit: 'g' },
        materials: [
          {
            name: 'Solder',
            mass: { value: 500, unit: 'mg' },
            substances: [
              { name: 'Cadmium', cas: CADMIUM, concentration: overrides.cadmium ?? { value: 150, unit: 'ppm' } },
              // A typo in the check digit: kept, flagged, not matched.
              { name: 'Tin', cas: '7440-31-6' },
            ],
          },
        ],
      },
    ],
  };
}

describe('declarations API', function () {
  this.timeout(60_000);

  let t: TestApp;
  let admin: Client;
  let expert: Client;
  let supplierA: Client;
  let supplierB: Client;
  let productId: string;
  let first: Record<string, any>;

  async function findings(listId: string): Promise<Array<Record<string, any>>> {
    const res = await expert.get(`/api/v1/findings?productId=${productId}&listId=${listId}`);
    expect(res.status, show(res)).to.equal(200);
    return res.body.items as Array<Record<string, any>>;
  }

  async function revisionCount(): Promise<number> {
    return (await admin.get(`/api/v1/products/${productId}/declarations`)).body.total as number;
  }

  before(async () => {
    t = await startTestApp();
    admin = t.as(t.adminToken);
    expert = t.as((await t.issueToken('expert')).token);
    const dehp = { ...blankEntry(DEHP, 'Bis(2-ethylhexyl) phthalate (DEHP)'), cas: [DEHP] };
    const cadmium = { ...blankEntry(CADMIUM, 'Cadmium'), cas: [CADMIUM] };
    for (const [listId, entries] of [['echa-candidate-list', [dehp]], ['rohs-annex-ii', [dehp, cadmium]]] as const) {
      const res = await admin.post('/api/v1/lists/import', chemregListForm(listId, [...entries]));
      expect(res.status, show(res)).to.equal(201);
    }
    await t.services.jobs.whenIdle();
    const a = await admin.post<{ id: string }>('/api/v1/suppliers', { name: 'Kabel & Kontakt AB', orgNumber: swedishOrgNumber() });
    const b = await admin.post<{ id: string }>('/api/v1/suppliers', { name: 'Konkurrent AB', orgNumber: swedishOrgNumber() });
    supplierA = t.as((await t.issueToken('supplier', a.body.id)).token);
    supplierB = t.as((await t.issueToken('supplier', b.body.id)).token);
    const product = await admin.post<{ id: string }>('/api/v1/products', { supplierId: a.body.id, name: 'Laddkabel USB-C 1 m', kind: 'article', contractIds: [] });
    productId = product.body.id;
  });
  after(async () => {
    await t?.close();
  });

  it('when the supplier submits a JSON declaration, then it is revision 1 with concentrations in % and the flagged CAS kept', async () => {
    const res = await supplierA.post(`/api/v1/products/${productId}/declarations`, fileForm(JSON.stringify(cableDeclaration())));

    expect(res.status, show(res)).to.equal(201);
    first = res.body;
    expect(res.headers.get('location')).to.equal(`/api/v1/declarations/${first.id}`);
    expect(first).to.include({ productId, revisionNumber: 1, format: 'chemreg-json' });
    expect(first.summary).to.include({ productNumber: 'LK-100', components: 2, materials: 3, substances: 4, warnings: 1 });
    expect(first.summary.statements).to.deep.equal(['no-intentionally-added-pfas']);
    const solder = first.content.components[1].materials[0];
    expect(solder.massMg).to.equal(500);
    expect(solder.substances[0].concentration).to.include({ text: '150 ppm', min: 0.015, max: 0.015, unit: '%' });
    expect(solder.substances[1].cas).to.include({ printed: '7440-31-6', valid: false });
    expect(first.content.warnings[0].path).to.equal('components[1].materials[0].substances[1].cas');
  });

  it('when a declared substance is below the Candidate List limit per article but above RoHS per homogeneous material, then each list tests its own basis', async () => {
    const candidate = await findings('echa-candidate-list');
    const rohs = await findings('rohs-annex-ii');

    // 0.5 % of a 10 g sheath in a 100 g cable: 0.05 % of the component article.
    expect(candidate).to.have.length(1);
    const [dehp] = candidate as [Record<string, any>];
    expect(dehp).to.include({ concentrationTest: 'below', severity: 'info' });
    expect(dehp.evidence).to.include({ source: 'declaration', documentId: first.id, page: null });
    expect(dehp.evidence.quote).to.include('Cable / PVC sheath');
    const byCas = new Map(rohs.map((f) => [f.substance.cas as string, f]));
    expect(byCas.get(DEHP)).to.include({ concentrationTest: 'exceeds', severity: 'red' });
    // 150 ppm cadmium in the solder against RoHS's 0.01 % (100 ppm).
    expect(byCas.get(CADMIUM)).to.include({ concentrationTest: 'exceeds', severity: 'red' });
    expect(byCas.get(CADMIUM)?.limit).to.include({ percent: 0.01 });
  });

  it('when the same file is submitted again, then the existing revision answers 200', async () => {
    const res = await supplierA.post(`/api/v1/products/${productId}/declarations`, fileForm(JSON.stringify(cableDeclaration())));

    expect(res.status, show(res)).to.equal(200);
    expect(res.body.id).to.equal(first.id);
    expect(await revisionCount()).to.equal(1);
  });

  it('when the original is downloaded, then it is byte for byte what was submitted', async () => {
    const res = await admin.bytes(`/api/v1/declarations/${first.id}/file`);

    expect(res.status).to.equal(200);
    expect(res.body.toString('utf8')).to.equal(JSON.stringify(cableDeclaration()));
  });

  it('when a new declaration raises the DEHP content, then it is revision 2, the diff shows the change, and the Candidate List finding now exceeds', async () => {
    const res = await supplierA.post(`/api/v1/products/${productId}/declarations`, fileForm(JSON.stringify(cableDeclaration({ dehpPercent: 5 }))));
    expect(res.status, show(res)).to.equal(201);
    expect(res.body.revisionNumber).to.equal(2);

    const diff = await procurementDiff(first.id, res.body.id);
    expect(diff.substances.changed).to.deep.equal([{ where: 'Cable / PVC sheath', name: 'Bis(2-ethylhexyl) phthalate', cas: DEHP, before: '0.5 %', after: '5 %' }]);
    expect(diff.substances.added).to.deep.equal([]);
    // 5 % of 10 g in 100 g: 0.5 % of the cable, above 0.1 %.
    const [candidate] = await findings('echa-candidate-list');
    expect(candidate).to.include({ concentrationTest: 'exceeds', severity: 'orange' });
  });

  async function procurementDiff(from: string, to: string): Promise<Record<string, any>> {
    const procurement = t.as((await t.issueToken('procurement')).token);
    const res = await procurement.get(`/api/v1/declarations/${from}/diff/${to}`);
    expect(res.status, show(res)).to.equal(200);
    return res.body as Record<string, any>;
  }

  const BAD: Array<[string, string, string, string]> = [
    ['malformed JSON', '{"chemreg": "declaration", ', 'DECLARATION_FORMAT_UNKNOWN', 'body.file'],
    ['neither JSON nor XML', 'product;cas\nkabel;117-81-7', 'DECLARATION_FORMAT_UNKNOWN', 'body.file'],
    ['an unknown unit', JSON.stringify(cableDeclaration({ cadmium: { value: 150, unit: 'g/l' } })), 'DECLARATION_INVALID', 'body.file.components[1].materials[0].substances[0].concentration.unit'],
    ['more than 100 %', JSON.stringify(cableDeclaration({ dehpPercent: 120 })), 'DECLARATION_INVALID', 'body.file.components[0].materials[0].substances[0].concentration'],
    ['min above max', JSON.stringify(cableDeclaration({ cadmium: { min: 200, max: 100, unit: 'ppm' } })), 'DECLARATION_INVALID', 'body.file.components[1].materials[0].substances[0].concentration'],
    ['a substance without name or identifier', JSON.stringify({ chemreg: 'declaration', version: 1, substances: [{ concentration: { value: 1, unit: '%' } }] }), 'DECLARATION_INVALID', 'body.file.substances[0].name'],
  ];
  for (const [what, content, code, path] of BAD) {
    it(`when a declaration has ${what}, then 400 ${code} names ${path} and nothing is stored`, async () => {
      const before = await revisionCount();

      const res = await supplierA.post(`/api/v1/products/${productId}/declarations`, fileForm(content));

      expect(res.status, show(res)).to.equal(400);
      expect(res.body.code).to.equal(code);
      expect(res.body.issues.map((i: { path: string }) => i.path)).to.include(path);
      expect(await revisionCount()).to.equal(before);
    });
  }

  it('when another supplier submits to or reads the product\'s declarations, then 404 as if they did not exist', async () => {
    const submit = await supplierB.post(`/api/v1/products/${productId}/declarations`, fileForm(JSON.stringify(cableDeclaration({ dehpPercent: 1 }))));
    const read = await supplierB.get(`/api/v1/declarations/${first.id}`);
    const list = await supplierB.get(`/api/v1/products/${productId}/declarations`);

    for (const res of [submit, read, list]) expect(res.status, show(res)).to.equal(404);
    expect(await revisionCount()).to.equal(2);
  });

  it('when an admin deletes a product with declarations, then 409 IN_USE and the product stays', async () => {
    const res = await admin.delete(`/api/v1/products/${productId}`);

    expect(res.status, show(res)).to.equal(409);
    expect(res.body.code).to.equal('IN_USE');
    expect((await admin.get(`/api/v1/products/${productId}`)).status).to.equal(200);
  });

  it('when an IPC-1752A class C declaration answers yes for RoHS without naming the substance, then an orange finding asks which, and a later no resolves it', async () => {
    const glove = await admin.post<{ id: string }>('/api/v1/products', { supplierId: (await admin.get(`/api/v1/products/${productId}`)).body.supplierId, name: 'Handske', kind: 'article', contractIds: [] });
    const cadmium = (overThreshold: boolean): CategorySpec => ({ name: 'Cadmium/Cadmium Compounds', overThreshold, threshold: '0.01 mass% of homogeneous material' });
    const dehp: CategorySpec = {
      name: 'DEHP', overThreshold: true, threshold: '0.1 mass% of article',
      substances: [{ name: 'Bis(2-ethylhexyl) phthalate', cas: DEHP, ec: '204-211-0', amount: { value: 0.15, uom: 'massPercent' } }],
    };
    const classC = (cadmiumPresent: boolean) => buildClassC({
      lists: [{ identity: 'EUROHS-1907', categories: [cadmium(cadmiumPresent)] }, { identity: 'EUREACH-0624', categories: [dehp] }],
    });
    const byList = async (): Promise<Map<string, Array<Record<string, any>>>> => {
      const res = await expert.get(`/api/v1/findings?productId=${glove.body.id}`);
      const out = new Map<string, Array<Record<string, any>>>();
      for (const f of res.body.items as Array<Record<string, any>>) out.set(f.list.id as string, [...(out.get(f.list.id as string) ?? []), f]);
      return out;
    };

    const yes = await supplierA.post(`/api/v1/products/${glove.body.id}/declarations`, fileForm(classC(true).bytes, 'glove.xml'));
    expect(yes.status, show(yes)).to.equal(201);
    const raised = await byList();

    // RoHS: DEHP, named under the Candidate List answer, has its own finding; the cadmium yes names nothing.
    const rohsFindings = new Map((raised.get('rohs-annex-ii') ?? []).map((f) => [f.matchType as string, f]));
    expect([...rohsFindings.keys()].sort()).to.deep.equal(['cas', 'declared-answer']);
    const rohs = rohsFindings.get('declared-answer')!;
    expect(rohs).to.include({ matchType: 'declared-answer', severity: 'orange', status: 'open' });
    expect(rohs.substance).to.include({ name: 'unnamed substance of EUROHS-1907 / Cadmium/Cadmium Compounds', cas: null });
    expect(rohs.evidence).to.include({ source: 'declaration', documentId: yes.body.id });
    // The Candidate List yes names DEHP: that substance's own finding, and no unnamed one beside it.
    expect(raised.get('echa-candidate-list')?.map((f) => f.matchType as string)).to.deep.equal(['cas']);

    const no = await supplierA.post(`/api/v1/products/${glove.body.id}/declarations`, fileForm(classC(false).bytes, 'glove-2.xml'));
    expect(no.status, show(no)).to.equal(201);
    const after = (await byList()).get('rohs-annex-ii')?.find((f) => f.id === rohs.id);
    expect(after).to.include({ status: 'resolved' });
  });
});
