// A small registry for the browser tests, seeded through the API as users would: two suppliers, a contract with a
// region's own phase-out list in its requirement profile, products in two categories, an SDS (generated, Swedish)
// whose section 3 hits that list, a declaration that hits the Candidate List, and a token per role.
import { expect } from 'chai';
import { blankEntry, type ListEntry } from '../../src/lists/list-entry.js';
import { swedishOrgNumber } from './fixtures.js';
import { declarationForm, sdsForm } from './forms.js';
import { chemregListForm } from './list-files/index.js';
import { buildSdsPdf, defaultSpec, type SdsTruth } from './sds-pdf/index.js';
import type { Client, TestApp } from './test-app.js';

export const DEHP = '117-81-7';
/** 2-(2-butoxyethoxy)ethanol: in the generated Swedish SDS's section 3, and on the region's own list below. */
export const BUTOXYETHOXYETHANOL = '112-34-5';
export const REGION_LIST = 'region-stockholm-utfasning';

export interface WebRegistry {
  suppliers: { cleaning: { id: string; name: string }; gloves: { id: string; name: string } };
  contract: { id: string; number: string; title: string };
  products: {
    /** Golvrent Neutral (cleaning, on the contract): an SDS revision whose section 3 hits the region's list. */
    floor: string;
    /** Allrent Plus (cleaning, on the contract): no documents, no findings. */
    allPurpose: string;
    /** Vinylhandske (gloves, on the contract): a declaration with 12 % DEHP, a Candidate List finding. */
    vinyl: string;
    /** Nitrilhandske Blå (gloves, on the contract): a clean declaration. */
    nitrile: string;
  };
  sds: { revisionId: string; truth: SdsTruth; bytes: Uint8Array };
  tokens: { admin: string; expert: string; procurement: string; supplierCleaning: string; supplierGloves: string };
}

export async function seedWebRegistry(t: TestApp): Promise<WebRegistry> {
  const admin = t.as(t.adminToken);
  const created = async (client: Client, path: string, body: unknown): Promise<string> => {
    const res = await client.post<{ id: string }>(path, body);
    expect(res.status, `${path}: ${res.status} ${JSON.stringify(res.body)}`).to.equal(201);
    return res.body.id;
  };
  const cleaning = { id: await created(admin, '/api/v1/suppliers', { name: 'Städ & Hygien AB', orgNumber: swedishOrgNumber() }), name: 'Städ & Hygien AB' };
  const gloves = { id: await created(admin, '/api/v1/suppliers', { name: 'Plastprodukter Norden AB', orgNumber: swedishOrgNumber() }), name: 'Plastprodukter Norden AB' };

  // The region's own phase-out list, and the Candidate List (which applies by law).
  const regionEntries: ListEntry[] = [
    { ...blankEntry(BUTOXYETHOXYETHANOL, '2-(2-Butoxietoxi)etanol'), cas: [BUTOXYETHOXYETHANOL], ec: ['203-961-6'], reasons: ['Region Stockholms utfasningsämne'] },
  ];
  const regionList = await admin.post('/api/v1/lists/import', chemregListForm(REGION_LIST, regionEntries, '2026-03-01', { kind: 'custom', name: 'Region Stockholms utfasningslista' }));
  expect(regionList.status, JSON.stringify(regionList.body)).to.equal(201);
  const candidate: ListEntry[] = [{ ...blankEntry(DEHP, 'Bis(2-ethylhexyl) phthalate'), cas: [DEHP], ec: ['204-211-0'], reasons: ['Toxic for reproduction (Article 57c)'] }];
  const candidateList = await admin.post('/api/v1/lists/import', chemregListForm('echa-candidate-list', candidate, '2026-01-21', { name: 'REACH Candidate List of SVHC' }));
  expect(candidateList.status, JSON.stringify(candidateList.body)).to.equal(201);
  await t.services.jobs.whenIdle();

  const contract = { number: 'RS-2026-0107', title: 'Städkemikalier och engångshandskar' };
  const contractId = await created(admin, '/api/v1/contracts', {
    ...contract, buyer: 'Region Stockholm', supplierIds: [cleaning.id, gloves.id], validFrom: '2026-01-01', validTo: '2029-12-31', category: 'cleaning chemicals',
    requirementProfile: { lists: [{ list: REGION_LIST, severity: 'orange' }], clauses: [] },
  });
  const product = (supplierId: string, name: string, kind: string, category: string, extra: Record<string, unknown> = {}) =>
    created(admin, '/api/v1/products', { supplierId, name, kind, category, contractIds: [contractId], ...extra });
  const floor = await product(cleaning.id, 'Golvrent Neutral', 'mixture', 'cleaning chemicals', { supplierArticleNumbers: ['GR-1001'] });
  const allPurpose = await product(cleaning.id, 'Allrent Plus', 'mixture', 'cleaning chemicals', { supplierArticleNumbers: ['AR-2002'] });
  const vinyl = await product(gloves.id, 'Vinylhandske', 'article', 'disposable gloves', { supplierArticleNumbers: ['VH-300'] });
  const nitrile = await product(gloves.id, 'Nitrilhandske Blå', 'article', 'disposable gloves', { supplierArticleNumbers: ['NH-200'] });

  const { bytes, truth } = buildSdsPdf(defaultSpec('sv'));
  const uploaded = await admin.post<{ id: string }>(`/api/v1/products/${floor}/sds`, sdsForm(bytes, 'sdb-golvrent.pdf'));
  expect(uploaded.status, JSON.stringify(uploaded.body)).to.equal(201);
  for (const [productId, substances] of [
    [vinyl, [{ name: 'Dietylhexylftalat', cas: DEHP, percent: 12 }]],
    [nitrile, [{ name: 'Nitrile butadiene rubber', cas: '9003-18-3', percent: 95 }]],
  ] as const) {
    const res = await admin.post(`/api/v1/products/${productId}/declarations`, declarationForm(substances));
    expect(res.status, JSON.stringify(res.body)).to.equal(201);
  }
  await t.services.jobs.whenIdle();

  const [expert, procurement, supplierCleaning, supplierGloves] = await Promise.all([
    t.issueToken('expert'), t.issueToken('procurement'), t.issueToken('supplier', cleaning.id), t.issueToken('supplier', gloves.id),
  ]);
  return {
    suppliers: { cleaning, gloves },
    contract: { id: contractId, ...contract },
    products: { floor, allPurpose, vinyl, nitrile },
    sds: { revisionId: uploaded.body.id, truth, bytes },
    tokens: { admin: t.adminToken, expert: expert.token, procurement: procurement.token, supplierCleaning: supplierCleaning.token, supplierGloves: supplierGloves.token },
  };
}
