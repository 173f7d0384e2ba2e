// The access matrix (product issue: "A supplier token sees and changes only its own supplier's records: another
// supplier's record answers 404, never 403 or data. Procurement reads; experts review; admins manage. A test
// matrix checks every route against every role (and no token, and a revoked token).")
//
// Three tables drive the cases:
//  - MATRIX: every route of every registry × every caller, with the expected answer written out by hand;
//  - CROSS_TENANT: every `/api/v1` route with `:id`, called by supplier A on supplier B's record;
//  - the tenancy cases below them: lists and references a supplier must not see through.
// Guards fail when a route exists without a row (so a new route cannot ship without its access rules), and
// every answer is checked against the route's documented response schema or the one error wire shape.
import { expect } from 'chai';
import { Types } from 'mongoose';
import { z } from 'zod';
import type { Role } from '../../src/shared/actor.js';
import { ErrorCatalogue, type ErrorCode } from '../../src/shared/errors.js';
import type { Method, RouteSpec } from '../../src/shared/http/route.js';
import { blankEntry } from '../../src/lists/list-entry.js';
import { buildSdsPdf, defaultSpec } from '../support/sds-pdf/index.js';
import { startTestApp, type Response as ApiResponse, type TestApp } from '../support/test-app.js';

// ---------------------------------------------------------------------------------------------------------
// Callers and outcomes

type Caller = 'none' | 'revoked' | 'admin' | 'expert' | 'procurement' | 'supplierA';
const CALLERS: readonly Caller[] = ['none', 'revoked', 'admin', 'expert', 'procurement', 'supplierA'];

const CALLER_LABEL: Record<Caller, string> = {
  none: 'a caller without a token',
  revoked: 'a caller with a revoked admin token',
  admin: 'an admin',
  expert: 'an expert',
  procurement: 'procurement',
  supplierA: 'supplier A',
};

/** The role a caller's token has; undefined when there is no valid token. */
const ROLE_OF: Record<Caller, Role | undefined> = {
  none: undefined,
  revoked: undefined,
  admin: 'admin',
  expert: 'expert',
  procurement: 'procurement',
  supplierA: 'supplier',
};

type Success = 200 | 201 | 204;
type Outcome = Success | Extract<ErrorCode, 'UNAUTHENTICATED' | 'INVALID_TOKEN' | 'FORBIDDEN' | 'NOT_FOUND' | 'INVALID_REFERENCE'>;

const STATUS_TEXT: Record<Success, string> = { 200: 'OK', 201: 'Created', 204: 'No Content' };
const describeOutcome = (o: Outcome): string => (typeof o === 'number' ? `${o} ${STATUS_TEXT[o]}` : `${ErrorCatalogue[o].status} ${o}`);
const isSuccess = (o: Outcome): o is Success => typeof o === 'number';

// The wire shape of every error answer, written here independently of the app's own schema.
const WireError = z.strictObject({
  statusCode: z.number().int(),
  code: z.string(),
  error: z.string(),
  message: z.string(),
  issues: z.array(z.strictObject({ path: z.string(), message: z.string() })).optional(),
});

// ---------------------------------------------------------------------------------------------------------
// Fixtures

/** A Swedish organisation number NNNNNN-NNNN with a valid Luhn check digit, unique within this run. */
let orgSequence = 0;
function nextOrgNumber(): string {
  orgSequence += 1;
  const payload = `55${String(Date.now() % 10_000).padStart(4, '0')}${String(orgSequence).padStart(3, '0')}`;
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    // Ten digits, check digit last: counted from the left, the 1st, 3rd, … digits are doubled.
    let d = Number(payload[i]) * (i % 2 === 0 ? 2 : 1);
    if (d > 9) d -= 9;
    sum += d;
  }
  return `${payload.slice(0, 6)}-${payload.slice(6)}${(10 - (sum % 10)) % 10}`;
}

let sequence = 0;
// Bracketed, so that no name is a prefix of another ("RA [3]" is not inside "RA [31]").
const unique = (prefix: string): string => `${prefix} [${++sequence}]`;

/** A record as the API answers it: an id, and loosely typed fields. */
type Rec = { id: string } & Record<string, any>;

interface Fixtures {
  supplierA: Rec;
  supplierB: Rec;
  /** Lists both A and B. */
  shared: Rec;
  /** Lists only B. */
  bOnly: Rec;
  /** A's product, on the shared contract. */
  productA: Rec;
  /** B's product, on the shared and the B-only contract. */
  productB: Rec;
  /** Two SDS revisions of A's product (1 and 2), one of B's. */
  revisionA1: Rec;
  revisionA2: Rec;
  revisionB: Rec;
  /** A regulatory list in chemreg's JSON format, imported twice (versions 1 and 2), listing a substance every SDS declares. */
  list: { id: string; rescreenJobId: string };
  /** The findings that list raised on A's and on B's product. */
  findingA: Rec;
  findingB: Rec;
  /** Two declaration revisions of A's product (1 and 2), one of B's. */
  declarationA1: Rec;
  declarationA2: Rec;
  declarationB: Rec;
  /** Open declaration requests for A's and for B's product. */
  requestA: Rec;
  requestB: Rec;
  /** A curated-limit override on the POPs list (imported with PFOS as its one entry). */
  override: Rec;
  /** SDS PDFs: two different Swedish ones, and another for upload calls. */
  pdfs: { first: Uint8Array; second: Uint8Array; third: Uint8Array };
  tokens: Record<Caller, string | undefined>;
  supplierBToken: { id: string; token: string };
  /** Every secret issued in this file: none may ever appear in an answer. */
  secrets: string[];
}

let t: TestApp;
let fx: Fixtures;

const admin = () => t.as(t.adminToken);

function created(res: ApiResponse, what: string): Rec {
  expect(res.status, `${what}: ${JSON.stringify(res.body)}`).to.equal(201);
  return res.body as Rec;
}

const newSupplier = async (name = unique('Leverantör')): Promise<Rec> =>
  created(await admin().post('/api/v1/suppliers', { name, orgNumber: nextOrgNumber() }), 'create supplier');

const contractBody = (supplierIds: string[]) => ({
  number: unique('RA-2025'),
  title: unique('Städkemikalier'),
  buyer: 'Region Exempel',
  supplierIds,
  validFrom: '2025-01-01',
  validTo: '2027-12-31',
  category: 'cleaning chemicals',
});
const newContract = async (supplierIds: string[]): Promise<Rec> => created(await admin().post('/api/v1/contracts', contractBody(supplierIds)), 'create contract');

const newProduct = async (supplierId: string, contractIds: string[] = []): Promise<Rec> =>
  created(await admin().post('/api/v1/products', { supplierId, name: unique('Produkt'), kind: 'mixture', contractIds }), 'create product');

// Section 3 substances of the generated SDSs (each language uses its own recipes): every fixture PDF declares at
// least one of them, so the list raises a finding on every product with an SDS.
const LISTED_CAS = ['1310-73-2', '112-34-5', '64-17-5', '67-63-0', '7681-52-9', '108-88-3', '111-76-2'];
/** PFOS, the one entry of the POPs fixture list that curated-limit overrides are set for. */
const PFOS = '1763-23-1';

/** A list file in chemreg's own JSON format: the one format every list route can be exercised with. */
function listForm(listId: string, cas: string[], listDate = '2026-02-04'): FormData {
  const entries = cas.map((c) => ({ ...blankEntry(c, `substance ${c}`), cas: [c], reasons: ['access matrix test'] }));
  const json = JSON.stringify({ chemreg: 'list', version: 1, listId, name: `List ${listId}`, kind: 'regulatory', listDate, entries });
  const form = new FormData();
  form.append('file', new Blob([json], { type: 'application/json' }), `${listId}.json`);
  return form;
}

/** A curated-limit override for the POPs fixture list's one entry (PFOS); `tag` makes it recognisable. */
function popsOverride(tag: string): Record<string, unknown> {
  return {
    listId: 'eu-pops', substance: `PFOS (${tag})`, cas: [PFOS], percent: 0.001, basis: 'mixture', inclusive: false,
    scope: 'access matrix test', reference: 'Reg. (EU) 2019/1021 Annex I Part A',
  };
}

/** The overrides' substances, as everyone signed in reads them. */
async function overrideSubstances(): Promise<string[]> {
  const res = await admin().get('/api/v1/curated-limits');
  expect(res.status, show(res)).to.equal(200);
  return (res.body.overrides as Rec[]).map((o) => o.substance as string);
}

/** The open findings on a product (screening runs when its SDS is stored). */
async function findingsOf(productId: string): Promise<Rec[]> {
  const res = await admin().get(`/api/v1/findings?productId=${productId}`);
  expect(res.status, JSON.stringify(res.body)).to.equal(200);
  return res.body.items as Rec[];
}

/** A fresh product of A's on the shared contract, with an SDS, and the finding the list raised on it. */
async function freshFindingOfA(): Promise<Rec> {
  const product = await newProduct(fx.supplierA.id, [fx.shared.id]);
  await uploadSds(product.id, fx.pdfs.third);
  const [finding] = await findingsOf(product.id);
  expect(finding, 'the upload raised a finding').to.not.equal(undefined);
  return finding!;
}

/** A multipart upload body, as a supplier's browser sends it. */
function sdsForm(bytes: Uint8Array, fileName = 'säkerhetsdatablad.pdf'): FormData {
  const form = new FormData();
  form.append('file', new Blob([bytes], { type: 'application/pdf' }), fileName);
  return form;
}

/** chemreg's JSON declaration of one substance; `percent` makes each one different bytes. */
function declarationForm(percent: number): FormData {
  const json = JSON.stringify({ chemreg: 'declaration', version: 1, substances: [{ name: 'substance 1310-73-2', cas: '1310-73-2', concentration: { value: percent, unit: '%' } }] });
  const form = new FormData();
  form.append('file', new Blob([json], { type: 'application/json' }), 'deklaration.json');
  return form;
}

async function submitDeclaration(productId: string, percent: number): Promise<Rec> {
  return created(await admin().post(`/api/v1/products/${productId}/declarations`, declarationForm(percent)), 'submit declaration');
}

/** A one-row bulk declaration sheet creating product `number`. */
function bulkForm(number: string): FormData {
  const body = new FormData();
  body.append('file', new Blob([`product_number,product_name,cas,concentration\r\n${number},Bulk ${number},1310-73-2,2 %\r\n`]), 'bulk.csv');
  return body;
}
let bulkNumber = 0;

const dueInAMonth = (): string => new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);

/** An open declaration request for `productId`, made by an admin. */
async function newRequest(productId: string): Promise<Rec> {
  const res = await admin().post('/api/v1/declaration-requests', { productId, dueDate: dueInAMonth() });
  return (created(res, 'request declaration').items as Rec[])[0]!;
}

/** B's product still has exactly its one declaration. */
async function expectDeclarationsOfB(as: string = t.adminToken): Promise<void> {
  const res = await t.as(as).get(`/api/v1/products/${fx.productB.id}/declarations`);
  expect(res.status, show(res)).to.equal(200);
  expect(ids(res.body)).to.deep.equal([fx.declarationB.id]);
}

async function uploadSds(productId: string, bytes: Uint8Array): Promise<Rec> {
  return created(await admin().post(`/api/v1/products/${productId}/sds`, sdsForm(bytes)), 'upload SDS');
}

async function issue(role: Role, supplierId?: string): Promise<{ id: string; token: string }> {
  const token = await t.issueToken(role, supplierId);
  fx.secrets.push(token.token);
  return token;
}

const randomId = (): string => new Types.ObjectId().toHexString();

async function send(caller: Caller, method: Method, path: string, body?: unknown): Promise<ApiResponse> {
  const client = t.as(fx.tokens[caller]);
  switch (method) {
    case 'get':
      return client.get(path);
    case 'post':
      return client.post(path, body);
    case 'patch':
      return client.patch(path, body);
    case 'delete':
      return client.delete(path);
    case 'put':
      return client.raw('PUT', path, { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
  }
}

// ---------------------------------------------------------------------------------------------------------
// Checking answers

/** The route declaration for `method` + full express path, from the running app's registries. */
function specFor(method: Method, path: string): RouteSpec {
  for (const api of t.app.apis) {
    for (const spec of api.routes) if (spec.method === method && `${api.basePath}${spec.path}` === path) return spec;
  }
  throw new Error(`no route ${method.toUpperCase()} ${path} in the app`);
}

const show = (res: ApiResponse): string => `answer ${res.status}: ${typeof res.body === 'string' ? res.body : JSON.stringify(res.body)}`;

function expectErrorShape(res: ApiResponse): void {
  expect(res.headers.get('content-type') ?? '', show(res)).to.match(/^application\/json/);
  const parsed = WireError.safeParse(res.body);
  expect(parsed.success, `error body off the wire shape: ${show(res)}`).to.equal(true);
  expect(res.body.statusCode, show(res)).to.equal(res.status);
  const entry = (ErrorCatalogue as Record<string, { status: number; error: string }>)[res.body.code];
  expect(entry, `unknown error code: ${show(res)}`).to.not.equal(undefined);
  expect(res.body.error, show(res)).to.equal(entry!.error);
}

/** The answer is the expected one, and its body is what the route documents (or the error wire shape). */
function expectOutcome(res: ApiResponse, outcome: Outcome, spec: RouteSpec): void {
  if (isSuccess(outcome)) {
    expect(res.status, show(res)).to.equal(outcome);
    const documented = spec.responses[outcome];
    expect(documented, `${spec.method.toUpperCase()} ${spec.path} answers ${outcome}, which it does not document`).to.not.equal(undefined);
    if (documented!.schema) {
      const parsed = documented!.schema.safeParse(res.body);
      expect(parsed.success, `body does not match the documented ${outcome} schema: ${parsed.error?.message}\n${show(res)}`).to.equal(true);
      // Parsing drops fields the schema does not know: any difference is an undocumented field.
      expect(parsed.data, 'the body has fields its documented schema does not describe').to.deep.equal(res.body);
    } else if (documented!.contentType) {
      expect(res.headers.get('content-type') ?? '').to.include(documented!.contentType);
    } else {
      expect(res.body, `${outcome} is documented without a body, but one came: ${show(res)}`).to.equal('');
    }
    return;
  }
  expect(res.status, show(res)).to.equal(ErrorCatalogue[outcome].status);
  expectErrorShape(res);
  expect(res.body.code, show(res)).to.equal(outcome);
}

// ---------------------------------------------------------------------------------------------------------
// The matrix: every route × every caller

interface Call {
  path: string;
  body?: unknown;
  /** After the status and shape checks: what the call did (ok) or did not do (denied). */
  verify?: (res: ApiResponse, ok: boolean) => Promise<void> | void;
}

interface Row {
  method: Method;
  /** Full express path, base path included. */
  path: string;
  expect: Record<Caller, Outcome>;
  /** Builds one caller's request; creates fresh records whenever the call changes or deletes one. */
  call: (caller: Caller) => Call | Promise<Call>;
}

const ids = (page: any): string[] => (page.items as Rec[]).map((item) => item.id);

async function stillWorks(token: string): Promise<void> {
  expect((await t.as(token).get('/api/v1/suppliers')).status).to.equal(200);
}

const MATRIX: Row[] = [
  // -- system (public) ---------------------------------------------------------------------------------
  {
    method: 'get', path: '/health',
    expect: { none: 200, revoked: 200, admin: 200, expert: 200, procurement: 200, supplierA: 200 },
    call: () => ({ path: '/health', verify: (res) => void expect(res.body).to.deep.equal({ status: 'ok' }) }),
  },
  {
    method: 'get', path: '/ready',
    expect: { none: 200, revoked: 200, admin: 200, expert: 200, procurement: 200, supplierA: 200 },
    call: () => ({ path: '/ready', verify: (res) => void expect(res.body).to.deep.equal({ status: 'ready' }) }),
  },

  // -- tokens: admins manage --------------------------------------------------------------------------
  {
    method: 'get', path: '/api/v1/me',
    expect: { none: 'UNAUTHENTICATED', revoked: 'INVALID_TOKEN', admin: 200, expert: 200, procurement: 200, supplierA: 200 },
    call: (caller) => ({
      path: '/api/v1/me',
      verify: (res, ok) => {
        if (!ok) return;
        const role = caller === 'supplierA' ? 'supplier' : caller;
        expect(res.body).to.include({ role, supplierId: caller === 'supplierA' ? fx.supplierA.id : null });
      },
    }),
  },
  {
    method: 'post', path: '/api/v1/tokens',
    expect: { none: 'UNAUTHENTICATED', revoked: 'INVALID_TOKEN', admin: 201, expert: 'FORBIDDEN', procurement: 'FORBIDDEN', supplierA: 'FORBIDDEN' },
    call: (caller) => {
      const name = unique(`token by ${caller}`);
      return {
        path: '/api/v1/tokens',
        body: { name, role: 'procurement' },
        verify: async (res, ok) => {
          if (ok) {
            fx.secrets.push(res.body.token);
            expect(res.body).to.include({ name, role: 'procurement' });
            await stillWorks(res.body.token);
          } else {
            const list = await admin().get('/api/v1/tokens?limit=200');
            expect((list.body.items as Rec[]).map((tk) => tk.name as string)).to.not.include(name);
          }
        },
      };
    },
  },
  {
    method: 'get', path: '/api/v1/tokens',
    expect: { none: 'UNAUTHENTICATED', revoked: 'INVALID_TOKEN', admin: 200, expert: 'FORBIDDEN', procurement: 'FORBIDDEN', supplierA: 'FORBIDDEN' },
    call: () => ({
      path: '/api/v1/tokens?limit=200',
      verify: (res, ok) => {
        if (!ok) return;
        expect(ids(res.body)).to.include(fx.supplierBToken.id);
        const text = JSON.stringify(res.body);
        for (const secret of fx.secrets) expect(text).to.not.include(secret);
        for (const token of res.body.items) expect(token).to.not.have.any.keys('hash', 'token');
      },
    }),
  },
  {
    method: 'delete', path: '/api/v1/tokens/:id',
    expect: { none: 'UNAUTHENTICATED', revoked: 'INVALID_TOKEN', admin: 200, expert: 'FORBIDDEN', procurement: 'FORBIDDEN', supplierA: 'FORBIDDEN' },
    call: async () => {
      const victim = await issue('procurement');
      return {
        path: `/api/v1/tokens/${victim.id}`,
        verify: async (res, ok) => {
          if (ok) {
            expect(res.body.id).to.equal(victim.id);
            expect(res.body.revokedAt).to.be.a('string');
            const after = await t.as(victim.token).get('/api/v1/suppliers');
            expectOutcome(after, 'INVALID_TOKEN', specFor('get', '/api/v1/suppliers'));
          } else {
            await stillWorks(victim.token);
          }
        },
      };
    },
  },

  // -- suppliers: everyone reads (a supplier only itself), admins manage, a supplier edits itself -----------
  {
    method: 'get', path: '/api/v1/suppliers',
    expect: { none: 'UNAUTHENTICATED', revoked: 'INVALID_TOKEN', admin: 200, expert: 200, procurement: 200, supplierA: 200 },
    call: (caller) => ({
      path: '/api/v1/suppliers?limit=200',
      verify: (res, ok) => {
        if (!ok) return;
        if (caller === 'supplierA') expect(ids(res.body)).to.deep.equal([fx.supplierA.id]);
        else expect(ids(res.body)).to.include.members([fx.supplierA.id, fx.supplierB.id]);
      },
    }),
  },
  {
    method: 'post', path: '/api/v1/suppliers',
    expect: { none: 'UNAUTHENTICATED', revoked: 'INVALID_TOKEN', admin: 201, expert: 'FORBIDDEN', procurement: 'FORBIDDEN', supplierA: 'FORBIDDEN' },
    call: (caller) => {
      const orgNumber = nextOrgNumber();
      return {
        path: '/api/v1/suppliers',
        body: { name: unique(`Leverantör via ${caller}`), orgNumber },
        verify: async (res, ok) => {
          if (ok) expect(res.body.orgNumber).to.equal(orgNumber);
          else expect((await admin().get(`/api/v1/suppliers?orgNumber=${orgNumber}`)).body.total).to.equal(0);
        },
      };
    },
  },
  {
    method: 'get', path: '/api/v1/suppliers/:id',
    expect: { none: 'UNAUTHENTICATED', revoked: 'INVALID_TOKEN', admin: 200, expert: 200, procurement: 200, supplierA: 200 },
    call: () => ({
      path: `/api/v1/suppliers/${fx.supplierA.id}`,
      verify: (res, ok) => {
        if (ok) expect(res.body).to.include({ id: fx.supplierA.id, name: fx.supplierA.name, orgNumber: fx.supplierA.orgNumber });
      },
    }),
  },
  {
    method: 'patch', path: '/api/v1/suppliers/:id',
    expect: { none: 'UNAUTHENTICATED', revoked: 'INVALID_TOKEN', admin: 200, expert: 'FORBIDDEN', procurement: 'FORBIDDEN', supplierA: 200 },
    // Supplier A may only change itself, so every caller targets A; each sets a contact no other case uses.
    call: (caller) => {
      const contacts = [{ name: unique(`Kontakt via ${caller}`), email: 'kemi@example.se' }];
      return {
        path: `/api/v1/suppliers/${fx.supplierA.id}`,
        body: { contacts },
        verify: async (res, ok) => {
          if (ok) expect(res.body.contacts).to.deep.equal(contacts);
          else expect((await admin().get(`/api/v1/suppliers/${fx.supplierA.id}`)).body.contacts).to.not.deep.equal(contacts);
        },
      };
    },
  },
  {
    method: 'delete', path: '/api/v1/suppliers/:id',
    expect: { none: 'UNAUTHENTICATED', revoked: 'INVALID_TOKEN', admin: 204, expert: 'FORBIDDEN', procurement: 'FORBIDDEN', supplierA: 'FORBIDDEN' },
    call: async () => {
      const victim = await newSupplier();
      return {
        path: `/api/v1/suppliers/${victim.id}`,
        verify: async (_res, ok) => {
          expect((await admin().get(`/api/v1/suppliers/${victim.id}`)).status).to.equal(ok ? 404 : 200);
        },
      };
    },
  },

  // -- contracts: everyone reads (a supplier only its own, seeing only itself as party), admins manage -----
  {
    method: 'get', path: '/api/v1/contracts',
    expect: { none: 'UNAUTHENTICATED', revoked: 'INVALID_TOKEN', admin: 200, expert: 200, procurement: 200, supplierA: 200 },
    call: (caller) => ({
      path: '/api/v1/contracts?limit=200',
      verify: (res, ok) => {
        if (!ok) return;
        if (caller === 'supplierA') {
          expect(ids(res.body)).to.include(fx.shared.id).and.not.include(fx.bOnly.id);
          for (const contract of res.body.items) expect(contract.supplierIds).to.deep.equal([fx.supplierA.id]);
        } else {
          expect(ids(res.body)).to.include.members([fx.shared.id, fx.bOnly.id]);
        }
      },
    }),
  },
  {
    method: 'post', path: '/api/v1/contracts',
    expect: { none: 'UNAUTHENTICATED', revoked: 'INVALID_TOKEN', admin: 201, expert: 'FORBIDDEN', procurement: 'FORBIDDEN', supplierA: 'FORBIDDEN' },
    call: () => {
      const body = contractBody([fx.supplierA.id]);
      return {
        path: '/api/v1/contracts',
        body,
        verify: async (res, ok) => {
          if (ok) expect(res.body).to.include({ number: body.number, title: body.title });
          else expect((await admin().get(`/api/v1/contracts?q=${encodeURIComponent(body.number)}`)).body.total).to.equal(0);
        },
      };
    },
  },
  {
    method: 'get', path: '/api/v1/contracts/:id',
    expect: { none: 'UNAUTHENTICATED', revoked: 'INVALID_TOKEN', admin: 200, expert: 200, procurement: 200, supplierA: 200 },
    call: (caller) => ({
      path: `/api/v1/contracts/${fx.shared.id}`,
      verify: (res, ok) => {
        if (!ok) return;
        expect(res.body.id).to.equal(fx.shared.id);
        const parties = caller === 'supplierA' ? [fx.supplierA.id] : [fx.supplierA.id, fx.supplierB.id];
        expect(res.body.supplierIds).to.deep.equal(parties);
      },
    }),
  },
  {
    method: 'patch', path: '/api/v1/contracts/:id',
    expect: { none: 'UNAUTHENTICATED', revoked: 'INVALID_TOKEN', admin: 200, expert: 'FORBIDDEN', procurement: 'FORBIDDEN', supplierA: 'FORBIDDEN' },
    call: async (caller) => {
      const contract = await newContract([fx.supplierA.id]);
      const title = unique(`Omdöpt av ${caller}`);
      return {
        path: `/api/v1/contracts/${contract.id}`,
        body: { title },
        verify: async (res, ok) => {
          if (ok) expect(res.body.title).to.equal(title);
          else expect((await admin().get(`/api/v1/contracts/${contract.id}`)).body).to.deep.equal(contract);
        },
      };
    },
  },
  {
    method: 'delete', path: '/api/v1/contracts/:id',
    expect: { none: 'UNAUTHENTICATED', revoked: 'INVALID_TOKEN', admin: 204, expert: 'FORBIDDEN', procurement: 'FORBIDDEN', supplierA: 'FORBIDDEN' },
    call: async () => {
      const contract = await newContract([fx.supplierA.id]);
      return {
        path: `/api/v1/contracts/${contract.id}`,
        verify: async (_res, ok) => {
          expect((await admin().get(`/api/v1/contracts/${contract.id}`)).status).to.equal(ok ? 404 : 200);
        },
      };
    },
  },

  // -- products: everyone reads (a supplier only its own), suppliers and admins manage ------------------
  {
    method: 'get', path: '/api/v1/products',
    expect: { none: 'UNAUTHENTICATED', revoked: 'INVALID_TOKEN', admin: 200, expert: 200, procurement: 200, supplierA: 200 },
    call: (caller) => ({
      path: '/api/v1/products?limit=200',
      verify: (res, ok) => {
        if (!ok) return;
        if (caller === 'supplierA') {
          expect(ids(res.body)).to.include(fx.productA.id).and.not.include(fx.productB.id);
          for (const product of res.body.items) expect(product.supplierId).to.equal(fx.supplierA.id);
        } else {
          expect(ids(res.body)).to.include.members([fx.productA.id, fx.productB.id]);
        }
      },
    }),
  },
  {
    method: 'post', path: '/api/v1/products',
    expect: { none: 'UNAUTHENTICATED', revoked: 'INVALID_TOKEN', admin: 201, expert: 'FORBIDDEN', procurement: 'FORBIDDEN', supplierA: 201 },
    call: (caller) => {
      const name = unique(`Produkt via ${caller}`);
      // A supplier token creates for its own supplier without naming it; everyone else must name one.
      const owner = caller === 'supplierA' ? {} : { supplierId: fx.supplierA.id };
      return {
        path: '/api/v1/products',
        body: { ...owner, name, kind: 'article', contractIds: [fx.shared.id] },
        verify: async (res, ok) => {
          if (ok) expect(res.body).to.include({ name, supplierId: fx.supplierA.id });
          else expect((await admin().get(`/api/v1/products?q=${encodeURIComponent(name)}`)).body.total).to.equal(0);
        },
      };
    },
  },
  {
    method: 'get', path: '/api/v1/products/:id',
    expect: { none: 'UNAUTHENTICATED', revoked: 'INVALID_TOKEN', admin: 200, expert: 200, procurement: 200, supplierA: 200 },
    call: () => ({
      path: `/api/v1/products/${fx.productA.id}`,
      verify: (res, ok) => {
        if (ok) expect(res.body).to.deep.equal(fx.productA);
      },
    }),
  },
  {
    method: 'patch', path: '/api/v1/products/:id',
    expect: { none: 'UNAUTHENTICATED', revoked: 'INVALID_TOKEN', admin: 200, expert: 'FORBIDDEN', procurement: 'FORBIDDEN', supplierA: 200 },
    call: async (caller) => {
      const product = await newProduct(fx.supplierA.id);
      const name = unique(`Omdöpt av ${caller}`);
      return {
        path: `/api/v1/products/${product.id}`,
        body: { name },
        verify: async (res, ok) => {
          if (ok) expect(res.body).to.include({ id: product.id, name });
          else expect((await admin().get(`/api/v1/products/${product.id}`)).body).to.deep.equal(product);
        },
      };
    },
  },
  {
    method: 'delete', path: '/api/v1/products/:id',
    expect: { none: 'UNAUTHENTICATED', revoked: 'INVALID_TOKEN', admin: 204, expert: 'FORBIDDEN', procurement: 'FORBIDDEN', supplierA: 204 },
    call: async () => {
      const product = await newProduct(fx.supplierA.id);
      return {
        path: `/api/v1/products/${product.id}`,
        verify: async (_res, ok) => {
          expect((await admin().get(`/api/v1/products/${product.id}`)).status).to.equal(ok ? 404 : 200);
        },
      };
    },
  },

  // -- SDS revisions: the product's supplier, admins and experts upload; everyone reads (a supplier its own) --
  {
    method: 'post', path: '/api/v1/products/:id/sds',
    expect: { none: 'UNAUTHENTICATED', revoked: 'INVALID_TOKEN', admin: 201, expert: 201, procurement: 'FORBIDDEN', supplierA: 201 },
    // Each caller uploads to a fresh product of A's, so every allowed upload is a first revision.
    call: async () => {
      const product = await newProduct(fx.supplierA.id);
      return {
        path: `/api/v1/products/${product.id}/sds`,
        body: sdsForm(fx.pdfs.third),
        verify: async (res, ok) => {
          if (ok) expect(res.body).to.include({ productId: product.id, supplierId: fx.supplierA.id, revisionNumber: 1 });
          expect((await admin().get(`/api/v1/products/${product.id}/sds`)).body.total).to.equal(ok ? 1 : 0);
        },
      };
    },
  },
  {
    method: 'get', path: '/api/v1/products/:id/sds',
    expect: { none: 'UNAUTHENTICATED', revoked: 'INVALID_TOKEN', admin: 200, expert: 200, procurement: 200, supplierA: 200 },
    call: () => ({
      path: `/api/v1/products/${fx.productA.id}/sds`,
      verify: (res, ok) => {
        if (ok) expect(ids(res.body)).to.deep.equal([fx.revisionA2.id, fx.revisionA1.id]);
      },
    }),
  },
  {
    method: 'get', path: '/api/v1/sds/:id',
    expect: { none: 'UNAUTHENTICATED', revoked: 'INVALID_TOKEN', admin: 200, expert: 200, procurement: 200, supplierA: 200 },
    call: () => ({
      path: `/api/v1/sds/${fx.revisionA1.id}`,
      verify: (res, ok) => {
        if (ok) expect(res.body).to.deep.equal(fx.revisionA1);
      },
    }),
  },
  {
    method: 'get', path: '/api/v1/sds/:id/file',
    expect: { none: 'UNAUTHENTICATED', revoked: 'INVALID_TOKEN', admin: 200, expert: 200, procurement: 200, supplierA: 200 },
    call: () => ({
      path: `/api/v1/sds/${fx.revisionA1.id}/file`,
      verify: (res, ok) => {
        if (ok) expect(res.headers.get('content-length')).to.equal(String(fx.pdfs.first.byteLength));
      },
    }),
  },
  {
    method: 'get', path: '/api/v1/sds/:id/diff/:otherId',
    expect: { none: 'UNAUTHENTICATED', revoked: 'INVALID_TOKEN', admin: 200, expert: 200, procurement: 200, supplierA: 200 },
    call: () => ({
      path: `/api/v1/sds/${fx.revisionA1.id}/diff/${fx.revisionA2.id}`,
      verify: (res, ok) => {
        if (ok) expect(res.body.from.id).to.equal(fx.revisionA1.id);
      },
    }),
  },

  // -- declarations: like SDS revisions; the product's own supplier, admins and experts submit ---------------
  {
    method: 'post', path: '/api/v1/products/:id/declarations',
    expect: { none: 'UNAUTHENTICATED', revoked: 'INVALID_TOKEN', admin: 201, expert: 201, procurement: 'FORBIDDEN', supplierA: 201 },
    // Each caller submits to a fresh product of A's, so every allowed submission is a first revision.
    call: async () => {
      const product = await newProduct(fx.supplierA.id);
      return {
        path: `/api/v1/products/${product.id}/declarations`,
        body: declarationForm(2),
        verify: async (res, ok) => {
          if (ok) expect(res.body).to.include({ productId: product.id, supplierId: fx.supplierA.id, revisionNumber: 1 });
          expect((await admin().get(`/api/v1/products/${product.id}/declarations`)).body.total).to.equal(ok ? 1 : 0);
        },
      };
    },
  },
  {
    method: 'post', path: '/api/v1/suppliers/:id/declarations/bulk',
    // Bulk declarations create products: those who manage products (the supplier itself, admins) may.
    expect: { none: 'UNAUTHENTICATED', revoked: 'INVALID_TOKEN', admin: 200, expert: 'FORBIDDEN', procurement: 'FORBIDDEN', supplierA: 200 },
    call: () => {
      const number = `BULK-${++bulkNumber}`;
      return {
        path: `/api/v1/suppliers/${fx.supplierA.id}/declarations/bulk`,
        body: bulkForm(number),
        verify: async (res, ok) => {
          if (ok) expect(res.body.products).to.deep.equal({ created: 1, revised: 0, unchanged: 0, rejected: 0 });
          const found = await admin().get(`/api/v1/products?supplierId=${fx.supplierA.id}&q=${number}`);
          expect(found.body.total).to.equal(ok ? 1 : 0);
        },
      };
    },
  },
  {
    method: 'get', path: '/api/v1/products/:id/declarations',
    expect: { none: 'UNAUTHENTICATED', revoked: 'INVALID_TOKEN', admin: 200, expert: 200, procurement: 200, supplierA: 200 },
    call: () => ({
      path: `/api/v1/products/${fx.productA.id}/declarations`,
      verify: (res, ok) => {
        if (ok) expect(ids(res.body)).to.deep.equal([fx.declarationA2.id, fx.declarationA1.id]);
      },
    }),
  },
  {
    method: 'get', path: '/api/v1/declarations/:id',
    expect: { none: 'UNAUTHENTICATED', revoked: 'INVALID_TOKEN', admin: 200, expert: 200, procurement: 200, supplierA: 200 },
    call: () => ({
      path: `/api/v1/declarations/${fx.declarationA1.id}`,
      verify: (res, ok) => {
        if (ok) expect(res.body).to.deep.equal(fx.declarationA1);
      },
    }),
  },
  {
    method: 'get', path: '/api/v1/declarations/:id/file',
    expect: { none: 'UNAUTHENTICATED', revoked: 'INVALID_TOKEN', admin: 200, expert: 200, procurement: 200, supplierA: 200 },
    call: () => ({
      path: `/api/v1/declarations/${fx.declarationA1.id}/file`,
      verify: (res, ok) => {
        if (ok) expect(res.headers.get('content-length')).to.equal(String(fx.declarationA1.size));
      },
    }),
  },
  {
    method: 'get', path: '/api/v1/declarations/:id/diff/:otherId',
    expect: { none: 'UNAUTHENTICATED', revoked: 'INVALID_TOKEN', admin: 200, expert: 200, procurement: 200, supplierA: 200 },
    call: () => ({
      path: `/api/v1/declarations/${fx.declarationA1.id}/diff/${fx.declarationA2.id}`,
      verify: (res, ok) => {
        if (ok) expect(res.body.substances.changed).to.have.length(1);
      },
    }),
  },

  // -- declaration requests: those who follow contracts up ask; a supplier reads the ones made to it ---------
  {
    method: 'post', path: '/api/v1/declaration-requests',
    expect: { none: 'UNAUTHENTICATED', revoked: 'INVALID_TOKEN', admin: 201, expert: 201, procurement: 201, supplierA: 'FORBIDDEN' },
    call: async () => {
      const product = await newProduct(fx.supplierA.id);
      return {
        path: '/api/v1/declaration-requests',
        body: { productId: product.id, dueDate: dueInAMonth() },
        verify: async (res, ok) => {
          if (ok) expect(res.body.items[0]).to.include({ productId: product.id, supplierId: fx.supplierA.id, status: 'open' });
          expect((await admin().get(`/api/v1/declaration-requests?productId=${product.id}`)).body.total).to.equal(ok ? 1 : 0);
        },
      };
    },
  },
  {
    method: 'get', path: '/api/v1/declaration-requests',
    expect: { none: 'UNAUTHENTICATED', revoked: 'INVALID_TOKEN', admin: 200, expert: 200, procurement: 200, supplierA: 200 },
    call: (caller) => ({
      path: '/api/v1/declaration-requests?limit=200',
      verify: (res, ok) => {
        if (!ok) return;
        expect(ids(res.body)).to.include(fx.requestA.id);
        if (caller === 'supplierA') expect(res.body.items.every((r: Rec) => r.supplierId === fx.supplierA.id)).to.equal(true);
        else expect(ids(res.body)).to.include(fx.requestB.id);
      },
    }),
  },
  {
    method: 'get', path: '/api/v1/declaration-requests/:id',
    expect: { none: 'UNAUTHENTICATED', revoked: 'INVALID_TOKEN', admin: 200, expert: 200, procurement: 200, supplierA: 200 },
    call: () => ({
      path: `/api/v1/declaration-requests/${fx.requestA.id}`,
      verify: (res, ok) => {
        if (ok) expect(res.body).to.deep.equal(fx.requestA);
      },
    }),
  },
  {
    method: 'post', path: '/api/v1/declaration-requests/:id/cancel',
    expect: { none: 'UNAUTHENTICATED', revoked: 'INVALID_TOKEN', admin: 200, expert: 200, procurement: 200, supplierA: 'FORBIDDEN' },
    // Each caller cancels a fresh request of A's.
    call: async () => {
      const request = await newRequest(fx.productA.id);
      return {
        path: `/api/v1/declaration-requests/${request.id}/cancel`,
        verify: async (res, ok) => {
          const after = await admin().get(`/api/v1/declaration-requests/${request.id}`);
          expect(after.body.status).to.equal(ok ? 'cancelled' : 'open');
        },
      };
    },
  },

  // -- lists: shared reference data; everyone signed in reads, admins and experts import -----------------
  {
    method: 'post', path: '/api/v1/lists/import',
    expect: { none: 'UNAUTHENTICATED', revoked: 'INVALID_TOKEN', admin: 201, expert: 201, procurement: 'FORBIDDEN', supplierA: 'FORBIDDEN' },
    call: (caller) => {
      const listId = `imported-by-${caller.toLowerCase()}-${++sequence}`;
      return {
        path: '/api/v1/lists/import',
        body: listForm(listId, ['50-00-0']),
        verify: async (res, ok) => {
          if (ok) expect(res.body.version).to.include({ listId, version: 1, entryCount: 1 });
          expect((await admin().get(`/api/v1/lists/${listId}`)).status).to.equal(ok ? 200 : 404);
        },
      };
    },
  },
  {
    method: 'get', path: '/api/v1/lists',
    expect: { none: 'UNAUTHENTICATED', revoked: 'INVALID_TOKEN', admin: 200, expert: 200, procurement: 200, supplierA: 200 },
    call: () => ({
      path: '/api/v1/lists?limit=200',
      verify: (res, ok) => {
        if (ok) expect((res.body.items as Rec[]).map((l) => l.id)).to.include(fx.list.id);
      },
    }),
  },
  {
    method: 'get', path: '/api/v1/lists/:id',
    expect: { none: 'UNAUTHENTICATED', revoked: 'INVALID_TOKEN', admin: 200, expert: 200, procurement: 200, supplierA: 200 },
    call: () => ({
      path: `/api/v1/lists/${fx.list.id}`,
      verify: (res, ok) => {
        if (ok) expect(res.body.latestVersion.version).to.equal(2);
      },
    }),
  },
  {
    method: 'get', path: '/api/v1/lists/:id/versions',
    expect: { none: 'UNAUTHENTICATED', revoked: 'INVALID_TOKEN', admin: 200, expert: 200, procurement: 200, supplierA: 200 },
    call: () => ({
      path: `/api/v1/lists/${fx.list.id}/versions`,
      verify: (res, ok) => {
        if (ok) expect((res.body.items as Rec[]).map((v) => v.version as number)).to.deep.equal([2, 1]);
      },
    }),
  },
  {
    method: 'get', path: '/api/v1/lists/:id/versions/:version',
    expect: { none: 'UNAUTHENTICATED', revoked: 'INVALID_TOKEN', admin: 200, expert: 200, procurement: 200, supplierA: 200 },
    call: () => ({
      path: `/api/v1/lists/${fx.list.id}/versions/2`,
      verify: (res, ok) => {
        if (ok) expect(res.body).to.include({ listId: fx.list.id, version: 2, entryCount: LISTED_CAS.length + 1 });
      },
    }),
  },
  {
    method: 'get', path: '/api/v1/lists/:id/versions/:version/entries',
    expect: { none: 'UNAUTHENTICATED', revoked: 'INVALID_TOKEN', admin: 200, expert: 200, procurement: 200, supplierA: 200 },
    call: () => ({
      path: `/api/v1/lists/${fx.list.id}/versions/1/entries`,
      verify: (res, ok) => {
        if (ok) expect((res.body.items as Rec[]).map((e) => e.key as string)).to.have.members(LISTED_CAS);
      },
    }),
  },
  {
    method: 'get', path: '/api/v1/lists/:id/versions/:version/diff/:other',
    expect: { none: 'UNAUTHENTICATED', revoked: 'INVALID_TOKEN', admin: 200, expert: 200, procurement: 200, supplierA: 200 },
    call: () => ({
      path: `/api/v1/lists/${fx.list.id}/versions/1/diff/2`,
      verify: (res, ok) => {
        if (ok) expect((res.body.added as Rec[]).map((e) => e.key as string)).to.deep.equal(['50-00-0']);
      },
    }),
  },

  // -- curated limits: shared reference data; everyone signed in reads, admins and experts override ---------
  {
    method: 'get', path: '/api/v1/curated-limits',
    expect: { none: 'UNAUTHENTICATED', revoked: 'INVALID_TOKEN', admin: 200, expert: 200, procurement: 200, supplierA: 200 },
    call: () => ({
      path: '/api/v1/curated-limits',
      verify: (res, ok) => {
        if (ok) expect((res.body.overrides as Rec[]).map((o) => o.id)).to.include(fx.override.id);
      },
    }),
  },
  {
    method: 'post', path: '/api/v1/curated-limits/overrides',
    expect: { none: 'UNAUTHENTICATED', revoked: 'INVALID_TOKEN', admin: 201, expert: 201, procurement: 'FORBIDDEN', supplierA: 'FORBIDDEN' },
    call: (caller) => {
      const tag = `created by ${caller} ${++sequence}`;
      return {
        path: '/api/v1/curated-limits/overrides',
        body: popsOverride(tag),
        verify: async (res, ok) => {
          if (ok) expect((res.body.override.matchedEntries as Array<{ key: string }>).map((e) => e.key)).to.deep.equal([PFOS]);
          expect(await overrideSubstances()).to.have.length.of.at.least(1);
          expect((await overrideSubstances()).includes(`PFOS (${tag})`)).to.equal(ok);
        },
      };
    },
  },
  {
    method: 'put', path: '/api/v1/curated-limits/overrides/:id',
    expect: { none: 'UNAUTHENTICATED', revoked: 'INVALID_TOKEN', admin: 200, expert: 200, procurement: 'FORBIDDEN', supplierA: 'FORBIDDEN' },
    call: async (caller) => {
      const victim = created(await admin().post('/api/v1/curated-limits/overrides', popsOverride(`to replace ${++sequence}`)), 'create override');
      const tag = `replaced by ${caller} ${sequence}`;
      return {
        path: `/api/v1/curated-limits/overrides/${victim.override.id}`,
        body: popsOverride(tag),
        verify: async (res, ok) => {
          if (ok) expect(res.body.override.id).to.equal(victim.override.id);
          const substances = await overrideSubstances();
          expect(substances.includes(`PFOS (${tag})`)).to.equal(ok);
          expect(substances.includes(victim.override.substance)).to.equal(!ok);
        },
      };
    },
  },
  {
    method: 'delete', path: '/api/v1/curated-limits/overrides/:id',
    expect: { none: 'UNAUTHENTICATED', revoked: 'INVALID_TOKEN', admin: 200, expert: 200, procurement: 'FORBIDDEN', supplierA: 'FORBIDDEN' },
    call: async () => {
      const victim = created(await admin().post('/api/v1/curated-limits/overrides', popsOverride(`to delete ${++sequence}`)), 'create override');
      return {
        path: `/api/v1/curated-limits/overrides/${victim.override.id}`,
        verify: async (res, ok) => {
          if (ok) expect(res.body.override.id).to.equal(victim.override.id);
          expect((await overrideSubstances()).includes(victim.override.substance)).to.equal(!ok);
        },
      };
    },
  },

  // -- findings: everyone reads (a supplier only its own); experts decide, the supplier answers --------------
  {
    method: 'get', path: '/api/v1/findings',
    expect: { none: 'UNAUTHENTICATED', revoked: 'INVALID_TOKEN', admin: 200, expert: 200, procurement: 200, supplierA: 200 },
    call: (caller) => ({
      path: '/api/v1/findings?limit=200',
      verify: (res, ok) => {
        if (!ok) return;
        if (caller === 'supplierA') {
          expect(ids(res.body)).to.include(fx.findingA.id).and.not.include(fx.findingB.id);
          for (const finding of res.body.items) expect(finding.supplierId).to.equal(fx.supplierA.id);
        } else {
          expect(ids(res.body)).to.include.members([fx.findingA.id, fx.findingB.id]);
        }
      },
    }),
  },
  // -- search: everyone searches; a supplier finds only its own products ---------------------------------------
  {
    method: 'get', path: '/api/v1/search',
    expect: { none: 'UNAUTHENTICATED', revoked: 'INVALID_TOKEN', admin: 200, expert: 200, procurement: 200, supplierA: 200 },
    call: (caller) => ({
      path: '/api/v1/search?q=produkt&limit=200',
      verify: (res, ok) => {
        if (!ok) return;
        const found = (res.body.items as Array<{ product: Rec }>).map((hit) => hit.product.id);
        if (caller === 'supplierA') expect(found).to.include(fx.productA.id).and.not.include(fx.productB.id);
        else expect(found).to.include.members([fx.productA.id, fx.productB.id]);
      },
    }),
  },
  {
    // Suggestions are other suppliers' products: not for suppliers, even for their own product.
    method: 'get', path: '/api/v1/products/:id/alternatives',
    expect: { none: 'UNAUTHENTICATED', revoked: 'INVALID_TOKEN', admin: 200, expert: 200, procurement: 200, supplierA: 'FORBIDDEN' },
    call: () => ({
      path: `/api/v1/products/${fx.productA.id}/alternatives`,
      verify: (res, ok) => {
        if (ok) expect(res.body.product.id).to.equal(fx.productA.id);
      },
    }),
  },
  // -- stats: the dashboard spans every supplier, so a supplier may not read it --------------------------------
  {
    method: 'get', path: '/api/v1/stats',
    expect: { none: 'UNAUTHENTICATED', revoked: 'INVALID_TOKEN', admin: 200, expert: 200, procurement: 200, supplierA: 'FORBIDDEN' },
    call: () => ({
      path: '/api/v1/stats?months=3',
      verify: (res, ok) => {
        if (!ok) return;
        expect(res.body.suppliers.total).to.be.at.least(2);
        expect(res.body.products.total).to.be.at.least(2);
        expect(res.body.findings.perMonth).to.have.length(3);
      },
    }),
  },
  {
    method: 'get', path: '/api/v1/findings/:id',
    expect: { none: 'UNAUTHENTICATED', revoked: 'INVALID_TOKEN', admin: 200, expert: 200, procurement: 200, supplierA: 200 },
    call: () => ({
      path: `/api/v1/findings/${fx.findingA.id}`,
      verify: (res, ok) => {
        if (ok) expect(res.body).to.include({ id: fx.findingA.id, productId: fx.productA.id, supplierId: fx.supplierA.id });
      },
    }),
  },
  {
    method: 'post', path: '/api/v1/findings/:id/decisions',
    expect: { none: 'UNAUTHENTICATED', revoked: 'INVALID_TOKEN', admin: 200, expert: 200, procurement: 'FORBIDDEN', supplierA: 200 },
    // Each caller decides on a fresh finding: experts confirm it, the supplier (and an admin) answer it.
    call: async (caller) => {
      const finding = await freshFindingOfA();
      const answers = caller === 'supplierA' || caller === 'admin';
      const comment = unique(`svar via ${caller}`);
      return {
        path: `/api/v1/findings/${finding.id}/decisions`,
        body: answers ? { action: 'answer', comment } : { action: 'confirm' },
        verify: async (res, ok) => {
          const after = (await admin().get(`/api/v1/findings/${finding.id}`)).body;
          if (ok) {
            expect(res.body.history.at(-1)).to.include({ action: answers ? 'answer' : 'confirm' });
            expect(after.history).to.have.length(2);
          } else {
            expect(after).to.deep.equal(finding);
          }
        },
      };
    },
  },

  // -- follow-up: everyone follows up (a supplier only its own products, on contracts it is party to) -------------
  {
    method: 'get', path: '/api/v1/contracts/:id/follow-up',
    expect: { none: 'UNAUTHENTICATED', revoked: 'INVALID_TOKEN', admin: 200, expert: 200, procurement: 200, supplierA: 200 },
    call: (caller) => ({
      path: `/api/v1/contracts/${fx.shared.id}/follow-up`,
      verify: (res, ok) => {
        if (!ok) return;
        const products = (res.body.suppliers as Rec[]).flatMap((s) => (s.products as Rec[]).map((p) => p.product.id as string));
        if (caller === 'supplierA') {
          expect((res.body.suppliers as Rec[]).map((s) => s.supplier.id as string)).to.deep.equal([fx.supplierA.id]);
          expect(products).to.include(fx.productA.id);
          expectNothingOfB(res);
        } else {
          expect(products).to.include.members([fx.productA.id, fx.productB.id]);
        }
      },
    }),
  },
  {
    method: 'get', path: '/api/v1/suppliers/:id/follow-up',
    expect: { none: 'UNAUTHENTICATED', revoked: 'INVALID_TOKEN', admin: 200, expert: 200, procurement: 200, supplierA: 200 },
    call: () => ({
      path: `/api/v1/suppliers/${fx.supplierA.id}/follow-up`,
      verify: (res, ok) => {
        if (!ok) return;
        expect(res.body.supplier.id).to.equal(fx.supplierA.id);
        expect((res.body.products as Rec[]).map((p) => p.product.id as string)).to.include(fx.productA.id).and.not.include(fx.productB.id);
      },
    }),
  },

  {
    method: 'get', path: '/api/v1/follow-up/products',
    expect: { none: 'UNAUTHENTICATED', revoked: 'INVALID_TOKEN', admin: 200, expert: 200, procurement: 200, supplierA: 200 },
    call: (caller) => ({
      path: `/api/v1/follow-up/products?ids=${fx.productA.id},${fx.productB.id}`,
      verify: (res, ok) => {
        if (!ok) return;
        const products = (res.body.items as Rec[]).map((p) => p.productId as string);
        // Supplier A asked for B's product too: it is left out, as an unknown id would be.
        expect(products).to.deep.equal(caller === 'supplierA' ? [fx.productA.id] : [fx.productA.id, fx.productB.id]);
      },
    }),
  },

  // -- jobs: admins and experts follow re-screens -----------------------------------------------------
  {
    method: 'get', path: '/api/v1/jobs/:id',
    expect: { none: 'UNAUTHENTICATED', revoked: 'INVALID_TOKEN', admin: 200, expert: 200, procurement: 'FORBIDDEN', supplierA: 'FORBIDDEN' },
    call: () => ({
      path: `/api/v1/jobs/${fx.list.rescreenJobId}`,
      verify: (res, ok) => {
        if (ok) expect(res.body).to.include({ id: fx.list.rescreenJobId, status: 'succeeded' });
      },
    }),
  },

  // -- audit: admins and experts review ---------------------------------------------------------------
  {
    method: 'get', path: '/api/v1/audit',
    expect: { none: 'UNAUTHENTICATED', revoked: 'INVALID_TOKEN', admin: 200, expert: 200, procurement: 'FORBIDDEN', supplierA: 'FORBIDDEN' },
    call: () => ({
      path: `/api/v1/audit?entityType=supplier&entityId=${fx.supplierA.id}`,
      verify: (res, ok) => {
        if (!ok) return;
        expect((res.body.items as Rec[]).map((e) => e.action as string)).to.include('supplier.created');
        const text = JSON.stringify(res.body);
        for (const secret of fx.secrets) expect(text).to.not.include(secret);
      },
    }),
  },
];

const key = (method: string, path: string): string => `${method.toUpperCase()} ${path}`;

// ---------------------------------------------------------------------------------------------------------
// Supplier A reaching for supplier B's records: the answer is the one an unknown id gets, and carries nothing of B.

interface CrossRow {
  method: Method;
  path: string;
  /** 404 where a supplier may call the route at all; 403 where the role may not (for any id, so nothing leaks). */
  expect: Outcome;
  /** B's record the call names. */
  target: () => string;
  /** Values of the path's other parameters (`:otherId`): the caller's own records. */
  otherParams?: () => Record<string, string>;
  body?: unknown;
  /** B's record is still there and unchanged (and, for reads, B itself can read it). */
  intact: () => Promise<void>;
}

async function expectSame(path: string, record: any, as: string | undefined = t.adminToken): Promise<void> {
  const res = await t.as(as).get(path);
  expect(res.status, show(res)).to.equal(200);
  expect(res.body).to.deep.equal(record);
}

const CROSS_TENANT: CrossRow[] = [
  {
    method: 'get', path: '/api/v1/suppliers/:id', expect: 'NOT_FOUND',
    target: () => fx.supplierB.id,
    intact: () => expectSame(`/api/v1/suppliers/${fx.supplierB.id}`, fx.supplierB, fx.supplierBToken.token),
  },
  {
    method: 'patch', path: '/api/v1/suppliers/:id', expect: 'NOT_FOUND',
    target: () => fx.supplierB.id, body: { name: 'Övertagen av A', contacts: [] },
    intact: () => expectSame(`/api/v1/suppliers/${fx.supplierB.id}`, fx.supplierB),
  },
  {
    method: 'delete', path: '/api/v1/suppliers/:id', expect: 'FORBIDDEN',
    target: () => fx.supplierB.id,
    intact: () => expectSame(`/api/v1/suppliers/${fx.supplierB.id}`, fx.supplierB),
  },
  {
    method: 'get', path: '/api/v1/contracts/:id', expect: 'NOT_FOUND',
    target: () => fx.bOnly.id,
    intact: () => expectSame(`/api/v1/contracts/${fx.bOnly.id}`, fx.bOnly, fx.supplierBToken.token),
  },
  {
    method: 'patch', path: '/api/v1/contracts/:id', expect: 'FORBIDDEN',
    target: () => fx.bOnly.id, body: { title: 'Övertagen av A' },
    intact: () => expectSame(`/api/v1/contracts/${fx.bOnly.id}`, fx.bOnly),
  },
  {
    method: 'delete', path: '/api/v1/contracts/:id', expect: 'FORBIDDEN',
    target: () => fx.bOnly.id,
    intact: () => expectSame(`/api/v1/contracts/${fx.bOnly.id}`, fx.bOnly),
  },
  {
    method: 'get', path: '/api/v1/products/:id', expect: 'NOT_FOUND',
    target: () => fx.productB.id,
    intact: () => expectSame(`/api/v1/products/${fx.productB.id}`, fx.productB, fx.supplierBToken.token),
  },
  {
    method: 'patch', path: '/api/v1/products/:id', expect: 'NOT_FOUND',
    target: () => fx.productB.id, body: { name: 'Övertagen av A' },
    intact: () => expectSame(`/api/v1/products/${fx.productB.id}`, fx.productB),
  },
  {
    method: 'delete', path: '/api/v1/products/:id', expect: 'NOT_FOUND',
    target: () => fx.productB.id,
    intact: () => expectSame(`/api/v1/products/${fx.productB.id}`, fx.productB),
  },
  {
    method: 'delete', path: '/api/v1/tokens/:id', expect: 'FORBIDDEN',
    target: () => fx.supplierBToken.id,
    intact: () => stillWorks(fx.supplierBToken.token),
  },
  {
    method: 'post', path: '/api/v1/products/:id/sds', expect: 'NOT_FOUND',
    target: () => fx.productB.id, body: sdsForm(new Uint8Array(0)), // the product is checked before the file
    intact: () => expectRevisionsOfB(),
  },
  {
    method: 'get', path: '/api/v1/products/:id/sds', expect: 'NOT_FOUND',
    target: () => fx.productB.id,
    intact: () => expectRevisionsOfB(fx.supplierBToken.token),
  },
  {
    // Refused by role before the product is looked at: A learns nothing about B's product.
    method: 'get', path: '/api/v1/products/:id/alternatives', expect: 'FORBIDDEN',
    target: () => fx.productB.id,
    intact: () => expectRevisionsOfB(fx.supplierBToken.token),
  },
  {
    method: 'post', path: '/api/v1/products/:id/declarations', expect: 'NOT_FOUND',
    target: () => fx.productB.id, body: declarationForm(3),
    intact: () => expectDeclarationsOfB(),
  },
  {
    method: 'post', path: '/api/v1/suppliers/:id/declarations/bulk', expect: 'NOT_FOUND',
    target: () => fx.supplierB.id, body: bulkForm('INTRUSION-1'),
    intact: async () => void expect((await admin().get(`/api/v1/products?supplierId=${fx.supplierB.id}&q=INTRUSION`)).body.total).to.equal(0),
  },
  {
    method: 'get', path: '/api/v1/products/:id/declarations', expect: 'NOT_FOUND',
    target: () => fx.productB.id,
    intact: () => expectDeclarationsOfB(fx.supplierBToken.token),
  },
  {
    method: 'get', path: '/api/v1/declarations/:id', expect: 'NOT_FOUND',
    target: () => fx.declarationB.id,
    intact: () => expectSame(`/api/v1/declarations/${fx.declarationB.id}`, fx.declarationB, fx.supplierBToken.token),
  },
  {
    method: 'get', path: '/api/v1/declarations/:id/file', expect: 'NOT_FOUND',
    target: () => fx.declarationB.id,
    intact: async () => {
      const res = await t.as(fx.supplierBToken.token).bytes(`/api/v1/declarations/${fx.declarationB.id}/file`);
      expect(res.status).to.equal(200);
      expect(res.body.byteLength).to.equal(fx.declarationB.size);
    },
  },
  {
    // B's declaration against A's own: as if B's did not exist.
    method: 'get', path: '/api/v1/declarations/:id/diff/:otherId', expect: 'NOT_FOUND',
    target: () => fx.declarationB.id, otherParams: () => ({ otherId: fx.declarationA1.id }),
    intact: () => expectSame(`/api/v1/declarations/${fx.declarationB.id}`, fx.declarationB, fx.supplierBToken.token),
  },
  {
    method: 'get', path: '/api/v1/declaration-requests/:id', expect: 'NOT_FOUND',
    target: () => fx.requestB.id,
    intact: () => expectSame(`/api/v1/declaration-requests/${fx.requestB.id}`, fx.requestB, fx.supplierBToken.token),
  },
  {
    method: 'post', path: '/api/v1/declaration-requests/:id/cancel', expect: 'FORBIDDEN',
    target: () => fx.requestB.id,
    intact: () => expectSame(`/api/v1/declaration-requests/${fx.requestB.id}`, fx.requestB),
  },
  {
    method: 'get', path: '/api/v1/sds/:id', expect: 'NOT_FOUND',
    target: () => fx.revisionB.id,
    intact: () => expectSame(`/api/v1/sds/${fx.revisionB.id}`, fx.revisionB, fx.supplierBToken.token),
  },
  {
    method: 'get', path: '/api/v1/sds/:id/file', expect: 'NOT_FOUND',
    target: () => fx.revisionB.id,
    intact: async () => {
      const res = await t.as(fx.supplierBToken.token).bytes(`/api/v1/sds/${fx.revisionB.id}/file`);
      expect(res.status).to.equal(200);
      expect(res.body.equals(Buffer.from(fx.pdfs.second))).to.equal(true);
    },
  },
  {
    // B's revision compared with A's own: still nothing of B.
    method: 'get', path: '/api/v1/sds/:id/diff/:otherId', expect: 'NOT_FOUND',
    target: () => fx.revisionB.id, otherParams: () => ({ otherId: fx.revisionA1.id }),
    intact: () => expectSame(`/api/v1/sds/${fx.revisionB.id}`, fx.revisionB, fx.supplierBToken.token),
  },
  {
    method: 'get', path: '/api/v1/findings/:id', expect: 'NOT_FOUND',
    target: () => fx.findingB.id,
    intact: () => expectSame(`/api/v1/findings/${fx.findingB.id}`, fx.findingB, fx.supplierBToken.token),
  },
  {
    // A supplier may answer its own findings: B's answers as if it did not exist, and gains no answer.
    method: 'post', path: '/api/v1/findings/:id/decisions', expect: 'NOT_FOUND',
    target: () => fx.findingB.id, body: { action: 'answer', comment: 'svar från A' },
    intact: () => expectSame(`/api/v1/findings/${fx.findingB.id}`, fx.findingB),
  },
  {
    // Overrides are no supplier's record: a supplier may not change any, and learns nothing about one by trying.
    method: 'put', path: '/api/v1/curated-limits/overrides/:id', expect: 'FORBIDDEN',
    target: () => fx.override.id, body: popsOverride('taken over by A'),
    intact: async () => {
      expect(await overrideSubstances()).to.include(fx.override.substance);
    },
  },
  {
    method: 'delete', path: '/api/v1/curated-limits/overrides/:id', expect: 'FORBIDDEN',
    target: () => fx.override.id,
    intact: async () => {
      expect(await overrideSubstances()).to.include(fx.override.substance);
    },
  },
  {
    method: 'get', path: '/api/v1/contracts/:id/follow-up', expect: 'NOT_FOUND',
    target: () => fx.bOnly.id,
    intact: async () => {
      const res = await t.as(fx.supplierBToken.token).get(`/api/v1/contracts/${fx.bOnly.id}/follow-up`);
      expect(res.status, show(res)).to.equal(200);
      expect((res.body.suppliers as Rec[]).flatMap((s) => (s.products as Rec[]).map((p) => p.product.id as string))).to.include(fx.productB.id);
    },
  },
  {
    method: 'get', path: '/api/v1/suppliers/:id/follow-up', expect: 'NOT_FOUND',
    target: () => fx.supplierB.id,
    intact: async () => {
      const res = await t.as(fx.supplierBToken.token).get(`/api/v1/suppliers/${fx.supplierB.id}/follow-up`);
      expect(res.status, show(res)).to.equal(200);
      expect((res.body.products as Rec[]).map((p) => p.product.id as string)).to.include(fx.productB.id);
    },
  },
  {
    method: 'get', path: '/api/v1/jobs/:id', expect: 'FORBIDDEN',
    target: () => fx.list.rescreenJobId,
    intact: async () => {
      const res = await admin().get(`/api/v1/jobs/${fx.list.rescreenJobId}`);
      expect(res.status, show(res)).to.equal(200);
    },
  },
];

// Routes whose `:id` names shared reference data, not a supplier's record: every signed-in caller reads a regulatory
// or contract list (the MATRIX rows check that), so there is no "B's record" to reach for.
const SHARED_REFERENCE: readonly string[] = [
  'GET /api/v1/lists/:id',
  'GET /api/v1/lists/:id/versions',
  'GET /api/v1/lists/:id/versions/:version',
  'GET /api/v1/lists/:id/versions/:version/entries',
  'GET /api/v1/lists/:id/versions/:version/diff/:other',
];

/** B's product still has exactly its one SDS revision. */
async function expectRevisionsOfB(as: string = t.adminToken): Promise<void> {
  const res = await t.as(as).get(`/api/v1/products/${fx.productB.id}/sds`);
  expect(res.status, show(res)).to.equal(200);
  expect(ids(res.body)).to.deep.equal([fx.revisionB.id]);
}

/** What supplier A must never learn from an answer: B's identifiers, names and numbers. */
function bMarkers(): string[] {
  const markers: string[] = [
    fx.supplierB.id, fx.supplierB.name, fx.supplierB.orgNumber,
    fx.bOnly.id, fx.bOnly.number, fx.bOnly.title,
    fx.productB.id, fx.productB.name,
    fx.supplierBToken.id, fx.supplierBToken.token,
    fx.revisionB.id, fx.revisionB.sha256,
    fx.declarationB.id, fx.declarationB.sha256,
    fx.requestB.id,
    fx.findingB.id,
  ];
  return markers;
}

/** The answer's text with the id the caller itself sent masked: echoing the caller's own input leaks nothing. */
const masked = (res: ApiResponse, sentId?: string): string => {
  const text = JSON.stringify(res.body);
  return sentId === undefined ? text : text.split(sentId).join('<id>');
};

function expectNothingOfB(res: ApiResponse, sentId?: string): void {
  const text = masked(res, sentId);
  for (const marker of bMarkers()) expect(text, `the answer reveals "${marker}" of supplier B`).to.not.include(marker);
}

// ---------------------------------------------------------------------------------------------------------

describe('access matrix: every route × every caller', () => {
  before(async () => {
    t = await startTestApp();
    fx = { secrets: [t.adminToken] } as Fixtures;

    const supplierA = await newSupplier('Alfa Kemi AB');
    const supplierB = await newSupplier('Beta Hygien AB');
    const shared = await newContract([supplierA.id, supplierB.id]);
    const bOnly = await newContract([supplierB.id]);
    const productA = await newProduct(supplierA.id, [shared.id]);
    const productB = await newProduct(supplierB.id, [shared.id, bOnly.id]);
    Object.assign(fx, { supplierA, supplierB, shared, bOnly, productA, productB });

    fx.pdfs = {
      first: buildSdsPdf(defaultSpec('sv')).bytes,
      second: buildSdsPdf(defaultSpec('en')).bytes,
      third: buildSdsPdf(defaultSpec('de')).bytes,
    };
    // The list first, so that the uploads below raise findings on both suppliers' products.
    const listId = 'access-matrix-list';
    const first = created(await admin().post('/api/v1/lists/import', listForm(listId, LISTED_CAS)), 'import list');
    expect((await admin().post('/api/v1/lists/import', listForm(listId, [...LISTED_CAS, '50-00-0'], '2026-06-01'))).status).to.equal(201);
    await t.services.jobs.whenIdle();
    fx.list = { id: listId, rescreenJobId: first.rescreenJobId as string };
    created(await admin().post('/api/v1/lists/import', listForm('eu-pops', [PFOS])), 'import POPs list');
    fx.override = created(await admin().post('/api/v1/curated-limits/overrides', popsOverride('fixture')), 'create override').override as Rec;
    await t.services.jobs.whenIdle();

    fx.revisionA1 = await uploadSds(productA.id, fx.pdfs.first);
    fx.revisionA2 = await uploadSds(productA.id, fx.pdfs.second);
    fx.revisionB = await uploadSds(productB.id, fx.pdfs.second);
    fx.declarationA1 = await submitDeclaration(productA.id, 1);
    fx.declarationA2 = await submitDeclaration(productA.id, 4);
    fx.declarationB = await submitDeclaration(productB.id, 1);
    fx.requestA = await newRequest(productA.id);
    fx.requestB = await newRequest(productB.id);
    [fx.findingA] = (await findingsOf(productA.id)) as [Rec];
    [fx.findingB] = (await findingsOf(productB.id)) as [Rec];
    expect(fx.findingA, 'the list raised a finding on A\'s product').to.not.equal(undefined);
    expect(fx.findingB, 'the list raised a finding on B\'s product').to.not.equal(undefined);

    // The revoked token is an admin token, issued and revoked through the API: the strongest token to lose.
    const revoked = created(await admin().post('/api/v1/tokens', { name: 'revoked admin', role: 'admin' }), 'create token');
    fx.secrets.push(revoked.token);
    const revocation = await admin().delete(`/api/v1/tokens/${revoked.id}`);
    expect(revocation.status, show(revocation)).to.equal(200);
    expect(revocation.body.revokedAt).to.be.a('string');

    fx.supplierBToken = await issue('supplier', supplierB.id);
    fx.tokens = {
      none: undefined,
      revoked: revoked.token as string,
      admin: t.adminToken,
      expert: (await issue('expert')).token,
      procurement: (await issue('procurement')).token,
      supplierA: (await issue('supplier', supplierA.id)).token,
    };
  });

  after(async () => {
    await t?.close();
  });

  describe('completeness: no route without access rules', () => {
    it('when the app declares its routes, then every one of them has a row in the matrix, and every row names a declared route', () => {
      const declared = t.app.apis.flatMap((api) => api.routes.map((spec) => key(spec.method, `${api.basePath}${spec.path}`)));
      const inMatrix = MATRIX.map((row) => key(row.method, row.path));
      expect(declared.filter((k) => !inMatrix.includes(k)), 'routes without a matrix row').to.deep.equal([]);
      expect(inMatrix.filter((k) => !declared.includes(k)), 'matrix rows for routes that do not exist').to.deep.equal([]);
      expect(new Set(inMatrix).size, 'a route has two matrix rows').to.equal(inMatrix.length);
    });

    it('when an /api/v1 route takes a record id, then the matrix also calls it as supplier A on supplier B\'s record', () => {
      const api = t.app.apis.find((a) => a.basePath === '/api/v1');
      expect(api, 'no /api/v1 registry').to.not.equal(undefined);
      const withId = api!.routes
        .filter((spec) => spec.path.includes(':id'))
        .map((spec) => key(spec.method, `${api!.basePath}${spec.path}`))
        .filter((k) => !SHARED_REFERENCE.includes(k));
      const inTable = CROSS_TENANT.map((row) => key(row.method, row.path));
      expect(withId).to.not.be.empty;
      expect(withId.filter((k) => !inTable.includes(k)), ':id routes without a cross-tenant row').to.deep.equal([]);
      expect(inTable.filter((k) => !withId.includes(k)), 'cross-tenant rows for routes that do not exist').to.deep.equal([]);
    });

    it('when the matrix is compared with the routes\' declared roles, then they agree for every caller', () => {
      const disagreements: string[] = [];
      for (const row of MATRIX) {
        const spec = specFor(row.method, row.path);
        for (const caller of CALLERS) {
          const role = ROLE_OF[caller];
          const declared =
            spec.roles === 'public' ? 'success'
            : caller === 'none' ? 'UNAUTHENTICATED'
            : caller === 'revoked' ? 'INVALID_TOKEN'
            : role !== undefined && spec.roles.includes(role) ? 'success'
            : 'FORBIDDEN';
          const inMatrix = isSuccess(row.expect[caller]) ? 'success' : row.expect[caller];
          if (declared !== inMatrix) disagreements.push(`${key(row.method, row.path)} ${caller}: matrix ${inMatrix}, roles say ${declared}`);
        }
      }
      expect(disagreements).to.deep.equal([]);
    });
  });

  for (const row of MATRIX) {
    describe(key(row.method, row.path), () => {
      for (const caller of CALLERS) {
        const outcome = row.expect[caller];
        it(`when ${CALLER_LABEL[caller]} calls ${key(row.method, row.path)}, then ${describeOutcome(outcome)}`, async () => {
          const spec = specFor(row.method, row.path);
          const call = await row.call(caller);
          const res = await send(caller, row.method, call.path, call.body);
          expectOutcome(res, outcome, spec);
          if (outcome === 'UNAUTHENTICATED') expect(res.headers.get('www-authenticate')).to.equal('Bearer');
          if (outcome === 'INVALID_TOKEN') expect(res.headers.get('www-authenticate')).to.equal('Bearer error="invalid_token"');
          await call.verify?.(res, isSuccess(outcome));
        });
      }
    });
  }

  describe('supplier A on supplier B\'s records', () => {
    for (const row of CROSS_TENANT) {
      it(`when supplier A calls ${key(row.method, row.path)} with supplier B's record, then ${describeOutcome(row.expect)}, as for an id that does not exist, with nothing of B in the answer`, async () => {
        const spec = specFor(row.method, row.path);
        const pathWith = (id: string): string =>
          Object.entries(row.otherParams?.() ?? {}).reduce((path, [name, value]) => path.replace(`:${name}`, value), row.path.replace(':id', id));
        const bId = row.target();
        const res = await send('supplierA', row.method, pathWith(bId), row.body);
        expectOutcome(res, row.expect, spec);
        expectNothingOfB(res, bId);

        const unknownId = randomId();
        const unknown = await send('supplierA', row.method, pathWith(unknownId), row.body);
        expect(unknown.status, 'an unknown id gets another status than B\'s record').to.equal(res.status);
        expect(masked(unknown, unknownId), 'an unknown id gets another answer than B\'s record').to.equal(masked(res, bId));

        await row.intact();
      });
    }
  });

  describe('supplier tenancy in lists and references', () => {
    const check = (method: Method, path: string) => {
      const spec = specFor(method, path);
      return (res: ApiResponse, outcome: Outcome) => expectOutcome(res, outcome, spec);
    };

    it('when supplier A lists suppliers, even searching for B by name or organisation number, then it sees only itself', async () => {
      const ok = check('get', '/api/v1/suppliers');
      const all = await send('supplierA', 'get', '/api/v1/suppliers?limit=200');
      ok(all, 200);
      expect(ids(all.body)).to.deep.equal([fx.supplierA.id]);
      expect(all.body.total).to.equal(1);
      for (const query of [`orgNumber=${fx.supplierB.orgNumber}`, `q=${encodeURIComponent(fx.supplierB.name)}`]) {
        const search = await send('supplierA', 'get', `/api/v1/suppliers?${query}`);
        ok(search, 200);
        expect(search.body, query).to.include({ total: 0 });
        expect(search.body.items, query).to.deep.equal([]);
      }
    });

    it('when supplier A lists products, even with ?supplierId=B, then it gets only its own products', async () => {
      const ok = check('get', '/api/v1/products');
      const own = await send('supplierA', 'get', '/api/v1/products?limit=200');
      ok(own, 200);
      expect(ids(own.body)).to.include(fx.productA.id).and.not.include(fx.productB.id);
      expect(own.body.items.every((p: any) => p.supplierId === fx.supplierA.id)).to.equal(true);
      expect(own.body.total).to.equal(own.body.items.length);

      const asB = await send('supplierA', 'get', `/api/v1/products?supplierId=${fx.supplierB.id}`);
      ok(asB, 200);
      expect(asB.body).to.include({ total: 0 });
      expect(asB.body.items).to.deep.equal([]);
      expectNothingOfB(asB, fx.supplierB.id);
    });

    it('when supplier A lists the products on the contract it shares with B, then it gets only its own (admin gets both)', async () => {
      const path = `/api/v1/products?contractId=${fx.shared.id}`;
      const ok = check('get', '/api/v1/products');
      const asAdmin = await send('admin', 'get', path);
      ok(asAdmin, 200);
      expect(ids(asAdmin.body)).to.include.members([fx.productA.id, fx.productB.id]);
      const asA = await send('supplierA', 'get', path);
      ok(asA, 200);
      expect(ids(asA.body)).to.include(fx.productA.id).and.not.include(fx.productB.id);
      expect(asA.body.items.every((p: any) => p.supplierId === fx.supplierA.id)).to.equal(true);
      const ofA = asAdmin.body.items.filter((p: any) => p.supplierId === fx.supplierA.id);
      expect(asA.body.total, 'supplier A gets every one of its own products on the contract').to.equal(ofA.length);
    });

    it('when supplier A lists contracts, even with ?supplierId=B, then it sees only contracts it is party to, naming only itself', async () => {
      const ok = check('get', '/api/v1/contracts');
      const own = await send('supplierA', 'get', '/api/v1/contracts?limit=200');
      ok(own, 200);
      expect(ids(own.body)).to.include(fx.shared.id).and.not.include(fx.bOnly.id);
      const shared = own.body.items.find((c: any) => c.id === fx.shared.id);
      expect(shared.supplierIds).to.deep.equal([fx.supplierA.id]);
      expectNothingOfB(own);

      const asB = await send('supplierA', 'get', `/api/v1/contracts?supplierId=${fx.supplierB.id}`);
      ok(asB, 200);
      expect(asB.body).to.include({ total: 0 });
      expect(asB.body.items).to.deep.equal([]);
    });

    it('when supplier A reads the contract it shares with B, then the contract names only A as party', async () => {
      const res = await send('supplierA', 'get', `/api/v1/contracts/${fx.shared.id}`);
      check('get', '/api/v1/contracts/:id')(res, 200);
      expect(res.body.supplierIds).to.deep.equal([fx.supplierA.id]);
      expectNothingOfB(res, fx.shared.id);
    });

    it('when supplier A registers a product for supplier B, then 400 INVALID_REFERENCE as for a supplier that does not exist, and B gets no product', async () => {
      const ok = check('post', '/api/v1/products');
      const name = unique('Inskuggad produkt');
      const forB = await send('supplierA', 'post', '/api/v1/products', { supplierId: fx.supplierB.id, name, kind: 'mixture' });
      ok(forB, 'INVALID_REFERENCE');
      const unknownId = randomId();
      const forUnknown = await send('supplierA', 'post', '/api/v1/products', { supplierId: unknownId, name, kind: 'mixture' });
      ok(forUnknown, 'INVALID_REFERENCE');
      expect(masked(forUnknown, unknownId)).to.equal(masked(forB, fx.supplierB.id));
      const search = await admin().get(`/api/v1/products?q=${encodeURIComponent(name)}`);
      expect(search.body.total).to.equal(0);
    });

    it('when supplier A links a product to a contract only B is on, then 400 INVALID_REFERENCE as for a contract that does not exist', async () => {
      const ok = check('post', '/api/v1/products');
      const name = unique('Produkt på fel avtal');
      const onB = await send('supplierA', 'post', '/api/v1/products', { name, kind: 'mixture', contractIds: [fx.bOnly.id] });
      ok(onB, 'INVALID_REFERENCE');
      const unknownId = randomId();
      const onUnknown = await send('supplierA', 'post', '/api/v1/products', { name, kind: 'mixture', contractIds: [unknownId] });
      ok(onUnknown, 'INVALID_REFERENCE');
      expect(masked(onUnknown, unknownId)).to.equal(masked(onB, fx.bOnly.id));
      expect((await admin().get(`/api/v1/products?q=${encodeURIComponent(name)}`)).body.total).to.equal(0);
    });

    it('when supplier A moves its own product onto a contract only B is on, then 400 INVALID_REFERENCE and the product is unchanged', async () => {
      const product = await newProduct(fx.supplierA.id, [fx.shared.id]);
      const res = await send('supplierA', 'patch', `/api/v1/products/${product.id}`, { contractIds: [fx.shared.id, fx.bOnly.id] });
      check('patch', '/api/v1/products/:id')(res, 'INVALID_REFERENCE');
      expect(masked(res, fx.bOnly.id)).to.not.include(fx.supplierB.id);
      await expectSame(`/api/v1/products/${product.id}`, product);
    });

    it('when supplier A changes an identity field of supplier B, then 404 NOT_FOUND as for any id that is not its own, and B is unchanged', async () => {
      const ok = check('patch', '/api/v1/suppliers/:id');
      const res = await send('supplierA', 'patch', `/api/v1/suppliers/${fx.supplierB.id}`, { orgNumber: nextOrgNumber() });
      ok(res, 'NOT_FOUND');
      expectNothingOfB(res, fx.supplierB.id);
      await expectSame(`/api/v1/suppliers/${fx.supplierB.id}`, fx.supplierB);
    });

    it('when supplier A changes its own organisation number, then 403 FORBIDDEN: identity fields are the admin\'s to change', async () => {
      const res = await send('supplierA', 'patch', `/api/v1/suppliers/${fx.supplierA.id}`, { orgNumber: nextOrgNumber() });
      check('patch', '/api/v1/suppliers/:id')(res, 'FORBIDDEN');
      expect((await admin().get(`/api/v1/suppliers/${fx.supplierA.id}`)).body.orgNumber).to.equal(fx.supplierA.orgNumber);
    });

    it('when supplier B reads its own records, then it gets them: the 404s supplier A gets are about tenancy, not missing records', async () => {
      const b = fx.supplierBToken.token;
      await expectSame(`/api/v1/suppliers/${fx.supplierB.id}`, fx.supplierB, b);
      await expectSame(`/api/v1/products/${fx.productB.id}`, fx.productB, b);
      const bOnly = await t.as(b).get(`/api/v1/contracts/${fx.bOnly.id}`);
      check('get', '/api/v1/contracts/:id')(bOnly, 200);
      expect(bOnly.body.id).to.equal(fx.bOnly.id);
      const own = await t.as(b).get('/api/v1/products?limit=200');
      check('get', '/api/v1/products')(own, 200);
      expect(ids(own.body)).to.include(fx.productB.id).and.not.include(fx.productA.id);
    });
  });
});
