// Injection (issue 9 "Hostile input"): "query and body values that are objects or contain `$`/`.` operators never
// reach a MongoDB query as operators (test every filterable route); regular expressions from users are escaped or
// bounded."
//
// The routes are read from the running app (`t.app.apis`), not listed here, so a route added later gets the same
// hostile cases without anyone remembering to add it. Each case loops over every route it applies to, collects what
// went wrong, and fails with the whole list.
//
// User text becomes a regular expression in four repositories (suppliers, contracts and products `q`, list entries
// `q`: `escapeRegex` in src/shared/mongo.ts); the search (`/search?q=`) matches in its own in-memory index. Records
// named so that an unescaped pattern would either match too much (`.*`) or backtrack for hours (`(a+)+$` against
// "aaa…!") are seeded, so the regex cases fail if the escaping goes.
//
// The file takes 11–25 s (the spread is machine load), about half of it seeding the registry.
import { expect } from 'chai';
import { performance } from 'node:perf_hooks';
import { Types } from 'mongoose';
import type { z } from 'zod';
import { blankEntry, type ListEntry } from '../../src/lists/list-entry.js';
import type { Method, RouteSpec } from '../../src/shared/http/route.js';
import { isMultipart } from '../../src/shared/http/upload.js';
import { swedishOrgNumber } from '../support/fixtures.js';
import { chemregListForm } from '../support/list-files/index.js';
import { buildSdsPdf, defaultSpec } from '../support/sds-pdf/index.js';
import { startTestApp, type Client, type RawBody, type Response, type TestApp } from '../support/test-app.js';
import { seedWebRegistry, REGION_LIST, type WebRegistry } from '../support/web-registry.js';

// ---------------------------------------------------------------------------------------------------------
// The routes, as the app declares them

interface Route {
  method: Method;
  /** Full path template, base path included: `/api/v1/products/:id`. */
  template: string;
  spec: RouteSpec;
}

const label = (r: Route): string => `${r.method.toUpperCase()} ${r.template}`;

/** The top-level field names of a zod input schema, through the wrappers route schemas use (refine, transform, default…). */
function fieldsOf(schema: z.ZodType): string[] {
  const def = (schema as unknown as { _zod: { def: Record<string, any> } })._zod.def;
  switch (def.type) {
    case 'object':
      return Object.keys(def.shape as object);
    case 'pipe':
      return fieldsOf(def.in as z.ZodType);
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
      return fieldsOf(def.innerType as z.ZodType);
    case 'union':
      return [...new Set((def.options as z.ZodType[]).flatMap(fieldsOf))];
    case 'intersection':
      return [...fieldsOf(def.left as z.ZodType), ...fieldsOf(def.right as z.ZodType)];
    default:
      return [];
  }
}

/** The zod schema of one query field, to tell a value the route takes as plain text from one it must refuse. */
function queryField(route: Route, field: string): z.ZodType {
  return (route.spec.query!.shape as Record<string, z.ZodType>)[field]!;
}

// ---------------------------------------------------------------------------------------------------------
// Hostile values

/** Bracket syntax: operators smuggled through the key, as `qs`-style parsers would turn them into objects. */
/** `widens`: the operator would widen a filter past the caller's own records (a supplier is tried with these too). */
const BRACKETS: ReadonlyArray<{ suffix: string; value: string; widens: boolean }> = [
  { suffix: '[$ne]', value: 'x', widens: true },
  { suffix: '[$in][]', value: 'open', widens: true },
  { suffix: '[$regex]', value: '.*', widens: false },
  { suffix: '[$gt]', value: '', widens: false },
];

/** Strings that look like operators. Plain text to a free-text field; anything else must refuse them. */
const OPERATOR_STRINGS = ['{"$ne":null}', '{"$regex":".*"}', '$where', '$ne'];

/** Query keys that are operators, dotted paths or prototype names; `FIELD` is replaced by a real field of the route. */
const HOSTILE_QUERY_KEYS = ['$where', '$or[0][FIELD]', 'a.b', 'FIELD.$ne', '__proto__', '__proto__[FIELD]', 'constructor[prototype][polluted]', '$expr'];

/** Values put in place of every field of a JSON body. */
const HOSTILE_FIELD_VALUES: ReadonlyArray<{ what: string; json: string }> = [
  { what: '{"$gt":""}', json: '{"$gt":""}' },
  { what: '{"$ne":1}', json: '{"$ne":1}' },
  { what: '[{"$ne":null}]', json: '[{"$ne":null}]' },
  { what: 'an object with nested $where, dotted and __proto__ keys', json: '{"x":{"$where":"1"},"a.b":1,"__proto__":{"polluted":true}}' },
];

/** Whole JSON bodies with a hostile top-level key, written as text: an object literal would turn `__proto__` into a prototype. */
const HOSTILE_BODY_KEYS: ReadonlyArray<{ key: string; json: string }> = [
  { key: '$where', json: '{"$where":"1"}' },
  { key: '$set', json: '{"$set":{"role":"admin"}}' },
  { key: '$or', json: '{"$or":[{"a":1}]}' },
  { key: 'a.b', json: '{"a.b":1}' },
  { key: '__proto__', json: '{"__proto__":{"polluted":true}}' },
  { key: 'constructor', json: '{"constructor":{"prototype":{"polluted":true}}}' },
];

/** Form fields of an upload, beside the real file or without it; `name` is the field the answer must name. */
const HOSTILE_FORM_FIELDS: ReadonlyArray<{ field: string; value: string; name: string }> = [
  { field: 'file[$ne]', value: '1', name: 'file' },
  { field: '$where', value: '1', name: '$where' },
  { field: 'a.b', value: '1', name: 'a.b' },
  { field: '__proto__[polluted]', value: '1', name: '__proto__' },
  { field: 'constructor[prototype][polluted]', value: '1', name: 'constructor' },
];

/** Patterns that take exponential time on "aaa…a!" when run as a regular expression. */
const CATASTROPHIC = ['(a+)+$', '(a|aa)+$', '(.*a){30}x', '^(a|a?)+$'];
/** A name such patterns backtrack on; it ends in "!" so that the patterns fail only after trying every split. */
const SLOW_BAIT = `${'a'.repeat(40)}!`;
/** Names that contain the patterns literally: a literal search finds exactly these. */
const GROUP_BAIT = 'Etikett (a+)+$ grade';
const DOT_BAIT = 'Stjärna .* special';

/**
 * Runs `act` over `items`, a few at a time. A few, not all at once: the authentication-failure limiter counts requests
 * in flight against a token before it knows how they end, so dozens of simultaneous requests with one token get 429.
 */
async function inParallel<T>(items: readonly T[], act: (item: T) => Promise<void>, width = 6): Promise<void> {
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < items.length) await act(items[next++]!);
  };
  await Promise.all(Array.from({ length: width }, lane));
}

/** Fails with every collected failure listed (chai's diff would show only the first few). */
function expectNone(failures: readonly string[]): void {
  expect(failures.length, `${failures.length} failures:\n${failures.slice(0, 60).join('\n')}`).to.equal(0);
}

/** Text routes whose `q` becomes a `$regex` (through `escapeRegex` in their repositories), and the name each item is found by. */
const REGEX_ROUTES: Record<string, (item: any) => string> = {
  'GET /api/v1/suppliers': (s) => String(s.name),
  'GET /api/v1/products': (p) => String(p.name),
  'GET /api/v1/contracts': (c) => String(c.title),
  'GET /api/v1/lists/:id/versions/:version/entries': (e) => String(e.name),
};

/**
 * Text fields matched word by word with typos tolerated (README "Search"; src/search/text.ts): anything that is not a
 * letter or digit separates words, so an operator-looking value must answer exactly as its words alone.
 */
const WORD_FIELDS = new Set(['GET /api/v1/search ?q']);
const wordsOnly = (text: string): string => text.replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/** Generous: the point is "not hours", and a loaded CI machine should not fail it. */
const BUDGET_MS = 2_000;

// ---------------------------------------------------------------------------------------------------------

describe('injection: operator-shaped input never reaches a query as an operator', function () {
  this.timeout(60_000);

  let t: TestApp;
  let reg: WebRegistry;
  let admin: Client;
  let pdf: Uint8Array;
  const fx = {
    declarationId: '',
    findingId: '',
    /** A supplier and product whose names the literal-text case changes (left out of the "intact" comparison). */
    literal: { supplierId: '', productId: '', token: '' },
    bait: { supplierIds: [] as string[], productIds: [] as string[], contractIds: [] as string[], listId: 'injection-bait' },
  };
  let baseline: Snapshot;
  let prototypeKeys: string[];
  /** Every request this file sends that answered 5xx: none may. */
  const serverErrors: string[] = [];

  const routes = (): Route[] => t.app.apis.flatMap((api) => api.routes.map((spec) => ({ method: spec.method, template: `${api.basePath}${spec.path}`, spec })));

  /** A real record for each path parameter where one is at hand, so that literal queries reach a real answer. */
  function fillPath(template: string): string {
    const record: Record<string, string> = {
      suppliers: reg.suppliers.cleaning.id,
      products: reg.products.floor,
      contracts: reg.contract.id,
      sds: reg.sds.revisionId,
      declarations: fx.declarationId,
      findings: fx.findingId,
      lists: REGION_LIST,
    };
    const segments = template.split('/');
    return segments
      .map((segment, i) => {
        if (!segment.startsWith(':')) return segment;
        const name = segment.slice(1);
        if (name === 'version' || name === 'other') return '1';
        // :otherId compares a record with itself: still a real record of the same kind.
        const owner = segments[name === 'otherId' ? i - 3 : i - 1] ?? '';
        return record[owner] ?? new Types.ObjectId().toHexString();
      })
      .join('/');
  }

  /** The token a route is called with: admin where admins may call it, else a token of its first role. */
  function callerFor(route: Route): string | undefined {
    const { roles } = route.spec;
    if (roles === 'public') return undefined;
    if (roles.includes('admin')) return reg.tokens.admin;
    const role = roles[0];
    return role === 'supplier' ? reg.tokens.supplierCleaning : role === 'expert' ? reg.tokens.expert : reg.tokens.procurement;
  }

  /**
   * One request, timed. It is aborted after `limitMs`, so that a request the server never answers (a regex
   * backtracking in the engine) fails its case at once instead of hanging the file.
   */
  async function send(
    token: string | undefined,
    method: string,
    path: string,
    init: { body?: RawBody; headers?: Record<string, string> } = {},
    limitMs = 10_000,
  ): Promise<Response & { ms: number }> {
    const started = performance.now();
    const headers = { ...(token === undefined ? {} : { authorization: `Bearer ${token}` }), ...init.headers };
    let answer: globalThis.Response;
    try {
      answer = await fetch(`${t.baseUrl}${path}`, { method: method.toUpperCase(), headers, body: init.body ?? null, signal: AbortSignal.timeout(limitMs) });
    } catch (err) {
      if (!(err instanceof DOMException && err.name === 'TimeoutError')) throw err;
      return { status: 0, headers: new Headers(), body: `no answer within ${limitMs} ms`, ms: performance.now() - started };
    }
    const text = await answer.text();
    const ms = performance.now() - started;
    const body: unknown = (answer.headers.get('content-type') ?? '').includes('json') && text !== '' ? JSON.parse(text) : text;
    if (answer.status >= 500) serverErrors.push(`${method.toUpperCase()} ${path}: ${answer.status} ${text.slice(0, 300)}`);
    return { status: answer.status, headers: answer.headers, body, ms };
  }

  /** A body of the right kind (an empty JSON object, or a form with a real file), so that only the hostile part is wrong. */
  function bodyFor(route: Route): { body?: RawBody; headers?: Record<string, string> } {
    if (isMultipart(route.spec.body)) {
      const form = new FormData();
      form.append(route.spec.body.field, new Blob([pdf], { type: 'application/pdf' }), 'sdb.pdf');
      return { body: form };
    }
    return route.spec.body ? { body: '{}', headers: { 'content-type': 'application/json' } } : {};
  }

  const sendJson = (token: string | undefined, method: string, path: string, json: string) =>
    send(token, method, path, { body: json, headers: { 'content-type': 'application/json' } });

  /**
   * Empty when a text filter was taken as text: 200, and every item contains the value literally (a `$regex` route
   * escapes it, an exact filter compares it), or, on a word-matched field, the same items as the value's words alone.
   */
  async function notLiteral(route: Route, field: string, value: string, token: string | undefined, res: Response, pathOf: (value: string) => string): Promise<string | undefined> {
    if (res.status !== 200) return `${res.status} ${JSON.stringify(res.body).slice(0, 200)} (expected 200)`;
    const items = (res.body as { items?: any[] }).items;
    if (items === undefined) return undefined;
    const ids = (list: any[] = []): string => JSON.stringify(list.map((item) => String(item.id ?? item.product?.id ?? item.key)));
    if (WORD_FIELDS.has(`${label(route)} ?${field}`)) {
      const words = wordsOnly(value);
      if (words === '') return items.length === 0 ? undefined : `${items.length} items for a value without words`;
      const plain = await send(token, route.method, pathOf(words));
      const alone = (plain.body as { items?: any[] }).items;
      return ids(items) === ids(alone) ? undefined : `found ${ids(items)}, but its words "${words}" alone find ${ids(alone)}`;
    }
    const name = field === 'q' ? REGEX_ROUTES[label(route)] : undefined;
    const needle = (name ? value : JSON.stringify(value).slice(1, -1)).toLowerCase();
    const unrelated = items.map((item) => (name ? name(item) : JSON.stringify(item))).filter((text) => !text.toLowerCase().includes(needle));
    return unrelated.length === 0 ? undefined : `found ${unrelated.length} items without it, e.g. ${unrelated[0]!.slice(0, 120)}`;
  }

  /**
   * Empty when the answer is 400 VALIDATION_FAILED in the one error shape with an issue on `path` or inside it
   * (`query.status`, `query.status[$in][]`, `body.requirementProfile.$gt`); else what is wrong.
   */
  function refusal(res: Response, path: string): string | undefined {
    const names = (issue: { path: string }): boolean => issue.path === path || issue.path.startsWith(`${path}.`) || issue.path.startsWith(`${path}[`);
    const body = res.body as { code?: unknown; statusCode?: unknown; issues?: Array<{ path: string }> };
    if (res.status === 400 && body.code === 'VALIDATION_FAILED' && body.statusCode === 400 && body.issues?.some(names)) return undefined;
    return `${res.status} ${JSON.stringify(res.body).slice(0, 300)} (expected 400 VALIDATION_FAILED naming ${path})`;
  }

  // --- data that must be intact afterwards ---------------------------------------------------------------

  interface Snapshot {
    totals: Record<string, number>;
    records: Record<string, unknown>;
  }

  async function snapshot(): Promise<Snapshot> {
    const totals: Record<string, number> = {};
    const lists = ['suppliers', 'contracts', 'products', 'tokens', 'findings', 'lists', 'declaration-requests'];
    for (const list of lists) totals[list] = (await admin.get(`/api/v1/${list}?limit=1`)).body.total as number;
    for (const product of Object.values(reg.products)) {
      totals[`sds of ${product}`] = (await admin.get(`/api/v1/products/${product}/sds?limit=1`)).body.total as number;
      totals[`declarations of ${product}`] = (await admin.get(`/api/v1/products/${product}/declarations?limit=1`)).body.total as number;
    }
    totals['entries of the bait list'] = (await admin.get(`/api/v1/lists/${fx.bait.listId}/versions/1/entries?limit=1`)).body.total as number;
    const records: Record<string, unknown> = {};
    const paths = [
      ...[reg.suppliers.cleaning.id, reg.suppliers.gloves.id, ...fx.bait.supplierIds].map((id) => `/api/v1/suppliers/${id}`),
      ...[...Object.values(reg.products), ...fx.bait.productIds].map((id) => `/api/v1/products/${id}`),
      ...[reg.contract.id, ...fx.bait.contractIds].map((id) => `/api/v1/contracts/${id}`),
    ];
    for (const path of paths) records[path] = (await admin.get(path)).body;
    return { totals, records };
  }

  before(async () => {
    t = await startTestApp({ LOG_LEVEL: 'silent' });
    admin = t.as(t.adminToken);
    reg = await seedWebRegistry(t);
    pdf = buildSdsPdf(defaultSpec('en')).bytes;
    fx.declarationId = (await admin.get(`/api/v1/products/${reg.products.vinyl}/declarations`)).body.items[0].id as string;
    fx.findingId = (await admin.get(`/api/v1/findings?productId=${reg.products.vinyl}`)).body.items[0].id as string;

    const created = async (path: string, body: unknown): Promise<string> => {
      const res = await admin.post<{ id: string }>(path, body);
      expect(res.status, `${path}: ${JSON.stringify(res.body)}`).to.equal(201);
      return res.body.id;
    };
    // Bait: one record of each kind per name, so that every regex route has something to match wrongly.
    for (const [i, name] of [SLOW_BAIT, GROUP_BAIT, DOT_BAIT].entries()) {
      fx.bait.supplierIds.push(await created('/api/v1/suppliers', { name, orgNumber: swedishOrgNumber() }));
      fx.bait.productIds.push(await created('/api/v1/products', { supplierId: reg.suppliers.gloves.id, name, kind: 'article' }));
      fx.bait.contractIds.push(
        await created('/api/v1/contracts', { number: `INJ-${i}`, title: name, buyer: 'Region Exempel', validFrom: '2026-01-01', validTo: '2027-12-31', category: 'bait' }),
      );
    }
    const baitEntries: ListEntry[] = [
      { ...blankEntry('50-00-0', SLOW_BAIT), cas: ['50-00-0'] },
      { ...blankEntry('67-64-1', GROUP_BAIT), cas: ['67-64-1'] },
      { ...blankEntry('71-43-2', DOT_BAIT), cas: ['71-43-2'] },
    ];
    const list = await admin.post('/api/v1/lists/import', chemregListForm(fx.bait.listId, baitEntries, '2026-03-01', { kind: 'custom', name: 'Injection bait' }));
    expect(list.status, JSON.stringify(list.body)).to.equal(201);

    fx.literal.supplierId = await created('/api/v1/suppliers', { name: 'Bokstavlig AB', orgNumber: swedishOrgNumber() });
    fx.literal.productId = await created('/api/v1/products', { supplierId: fx.literal.supplierId, name: 'Bokstavlig produkt', kind: 'mixture' });
    fx.literal.token = (await t.issueToken('supplier', fx.literal.supplierId)).token;
    await t.services.jobs.whenIdle();

    baseline = await snapshot();
    prototypeKeys = Object.getOwnPropertyNames(Object.prototype);
  });

  after(async () => {
    await t?.close();
  });

  it('when the app\'s routes are walked, then the filterable and writable ones are found, including the known ones', () => {
    // Arrange
    const all = routes();

    // Act
    const withQuery = all.filter((r) => r.spec.query).map(label);
    const withJson = all.filter((r) => r.spec.body && !isMultipart(r.spec.body)).map(label);
    const withUpload = all.filter((r) => isMultipart(r.spec.body)).map(label);
    const unreadable = all.filter((r) => r.spec.body && !isMultipart(r.spec.body) && fieldsOf(r.spec.body).length === 0).map(label);

    // Assert: a guard that the walk sees the routes, so the cases below cannot pass by looping over nothing.
    expect(withQuery).to.include.members(['GET /api/v1/products', 'GET /api/v1/findings', 'GET /api/v1/search', 'GET /api/v1/audit', 'GET /api/v1/lists/:id/versions/:version/entries']);
    expect(withJson).to.include.members(['POST /api/v1/suppliers', 'PATCH /api/v1/products/:id', 'POST /api/v1/findings/:id/decisions', 'PUT /api/v1/curated-limits/overrides/:id']);
    expect(withUpload).to.include.members(['POST /api/v1/products/:id/sds', 'POST /api/v1/lists/import']);
    expect(unreadable, 'JSON bodies whose fields this file cannot read (add the schema wrapper to fieldsOf)').to.deep.equal([]);
  });

  describe('query strings, on every route with a query', () => {
    it('when each query field gets bracket-syntax operators (?f[$ne]=x, ?f[$in][]=open, ?f[$regex]=.*), then 400 VALIDATION_FAILED naming the field, for admins and suppliers alike', async () => {
      // Arrange
      const failures: string[] = [];
      const cases = routes()
        .filter((r) => r.spec.query)
        .flatMap((route) => {
          const supplier = route.spec.roles !== 'public' && route.spec.roles.includes('supplier') && callerFor(route) !== reg.tokens.supplierCleaning;
          return fieldsOf(route.spec.query!).flatMap((field) =>
            BRACKETS.flatMap(({ suffix, value, widens }) => [
              { route, field, key: `${field}${suffix}`, value, token: callerFor(route) },
              ...(supplier && widens ? [{ route, field, key: `${field}${suffix}`, value, token: reg.tokens.supplierCleaning }] : []),
            ]),
          );
        });

      // Act
      await inParallel(cases, async ({ route, field, key, token, value }) => {
        const path = `${fillPath(route.template)}?${key}=${encodeURIComponent(value)}`;
        const res = await send(token, route.method, path, bodyFor(route));
        const wrong = refusal(res, `query.${field}`);
        if (wrong) failures.push(`${label(route)} ?${key}: ${wrong}`);
      });

      // Assert
      expect(cases.length).to.be.greaterThan(100);
      expectNone(failures);
    });

    it('when a query field gets an operator-looking string ({"$ne":null}, $where), then a field for ids, dates or choices answers 400 naming it, and a text field takes it as text: 200, only literal matches', async () => {
      // Arrange
      const failures: string[] = [];
      const literal: string[] = [];
      const cases = routes()
        .filter((r) => r.spec.query)
        .flatMap((route) => fieldsOf(route.spec.query!).flatMap((field) => OPERATOR_STRINGS.map((value) => ({ route, field, value }))));

      // Act
      await inParallel(cases, async ({ route, field, value }) => {
        const token = callerFor(route);
        const pathOf = (v: string): string => `${fillPath(route.template)}?${field}=${encodeURIComponent(v)}`;
        const res = await send(token, route.method, pathOf(value), bodyFor(route));
        if (!queryField(route, field).safeParse(value).success) {
          const wrong = refusal(res, `query.${field}`);
          if (wrong) failures.push(`${label(route)} ?${field}=${value}: ${wrong}`);
          return;
        }
        if (route.method !== 'get') return; // a write route's query is covered by the refusal of its missing body
        literal.push(`${label(route)} ?${field}`);
        const wrong = await notLiteral(route, field, value, token, res, pathOf);
        if (wrong) failures.push(`${label(route)} ?${field}=${value}: ${wrong}`);
      });

      // Assert
      expectNone(failures);
      // The text fields the regex cases below are about are among those that took the string literally.
      expect(literal).to.include.members(['GET /api/v1/suppliers ?q', 'GET /api/v1/products ?q', 'GET /api/v1/contracts ?q', 'GET /api/v1/search ?q', 'GET /api/v1/lists/:id/versions/:version/entries ?q']);
    });

    it('when a query has a key that is an operator, a dotted path or a prototype name (?$where=1, ?a.b=1, ?__proto__[f]=x), then 400 VALIDATION_FAILED naming the key, and Object.prototype is untouched', async () => {
      // Arrange
      const failures: string[] = [];
      const cases = routes()
        .filter((r) => r.spec.query)
        .flatMap((route) => {
          const field = fieldsOf(route.spec.query!)[0]!;
          return HOSTILE_QUERY_KEYS.map((template) => ({ route, key: template.replace('FIELD', field) }));
        });

      // Act
      await inParallel(cases, async ({ route, key }) => {
        const res = await send(callerFor(route), route.method, `${fillPath(route.template)}?${key}=1`, bodyFor(route));
        // The issue names the key as sent, or its head where a parser nests the brackets.
        const head = key.split('[')[0]!;
        const wrong = refusal(res, `query.${head}`);
        if (wrong) failures.push(`${label(route)} ?${key}=1: ${wrong}`);
      });

      // Assert
      expectNone(failures);
      expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
      expect(Object.getOwnPropertyNames(Object.prototype)).to.deep.equal(prototypeKeys);
    });

    it('when a query field is given twice (?f=a&f=b), then 400 VALIDATION_FAILED naming it: no array reaches a filter as an implicit $in', async () => {
      // Arrange
      const failures: string[] = [];
      const cases = routes()
        .filter((r) => r.spec.query)
        .flatMap((route) => fieldsOf(route.spec.query!).map((field) => ({ route, field })));

      // Act
      await inParallel(cases, async ({ route, field }) => {
        const res = await send(callerFor(route), route.method, `${fillPath(route.template)}?${field}=1&${field}=2`, bodyFor(route));
        const wrong = refusal(res, `query.${field}`);
        if (wrong) failures.push(`${label(route)} ?${field}=1&${field}=2: ${wrong}`);
      });

      // Assert
      expectNone(failures);
    });

    it('when a supplier sends operator-looking text every text field takes, then it gets 200 with nothing of another supplier', async () => {
      // Arrange
      const others = [reg.suppliers.gloves.id, fx.literal.supplierId, ...fx.bait.supplierIds];
      const failures: string[] = [];
      const cases = routes()
        .filter((r) => r.spec.query && r.method === 'get' && r.spec.roles !== 'public' && r.spec.roles.includes('supplier'))
        .flatMap((route) =>
          fieldsOf(route.spec.query!).flatMap((field) =>
            [...OPERATOR_STRINGS, '.*', '(a+)+$'].filter((value) => queryField(route, field).safeParse(value).success).map((value) => ({ route, field, value })),
          ),
        );

      // Act
      await inParallel(cases, async ({ route, field, value }) => {
        const res = await send(reg.tokens.supplierCleaning, 'get', `${fillPath(route.template)}?${field}=${encodeURIComponent(value)}`);
        const text = JSON.stringify(res.body);
        if (res.status !== 200) failures.push(`${label(route)} ?${field}=${value}: ${res.status} ${text.slice(0, 200)}`);
        const leaked = others.filter((id) => text.includes(id));
        if (leaked.length > 0) failures.push(`${label(route)} ?${field}=${value}: shows supplier(s) ${leaked.join(', ')}`);
      });

      // Assert
      expect(cases.length, 'text fields a supplier may use').to.be.greaterThan(3);
      expectNone(failures);
    });
  });

  describe('path parameters', () => {
    it('when a path parameter is operator-shaped ({"$ne":null}, $where, a.b), then 4xx, never a record and never a 500', async () => {
      // Arrange
      const failures: string[] = [];
      const values = ['{"$ne":null}', '$where', 'a.b', '[object Object]'];
      const cases = routes()
        .filter((r) => r.template.includes('/:'))
        .flatMap((route) => values.map((value) => ({ route, value })));

      // Act
      await inParallel(cases, async ({ route, value }) => {
        const path = fillPath(route.template).split('/');
        // Each parameter in turn would multiply the requests; the first carries the record id on every route.
        const index = route.template.split('/').findIndex((s) => s.startsWith(':'));
        path[index] = encodeURIComponent(value);
        const res = await send(callerFor(route), route.method, path.join('/'));
        if (res.status < 400 || res.status >= 500) failures.push(`${label(route)} with ${value}: ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
      });

      // Assert
      expectNone(failures);
    });
  });

  describe('JSON bodies, on every route that takes one', () => {
    it('when each body field is an operator object ({"$gt":""}, {"$ne":1}, [{"$ne":null}], nested $where, dotted or __proto__ keys), then 400 VALIDATION_FAILED naming the field', async () => {
      // Arrange
      const failures: string[] = [];
      const cases = routes()
        .filter((r) => r.spec.body && !isMultipart(r.spec.body))
        .flatMap((route) => fieldsOf(route.spec.body as z.ZodType).flatMap((field) => HOSTILE_FIELD_VALUES.map((value) => ({ route, field, value }))));

      // Act
      await inParallel(cases, async ({ route, field, value }) => {
        const res = await sendJson(callerFor(route), route.method, fillPath(route.template), `{${JSON.stringify(field)}:${value.json}}`);
        const wrong = refusal(res, `body.${field}`);
        if (wrong) failures.push(`${label(route)} ${field}=${value.what}: ${wrong}`);
      });

      // Assert
      expect(cases.length).to.be.greaterThan(50);
      expectNone(failures);
    });

    it('when a body has a top-level key that is an operator, a dotted path or a prototype name ($where, $set, a.b, __proto__, constructor), then 400 VALIDATION_FAILED naming the key, and Object.prototype is untouched', async () => {
      // Arrange
      const failures: string[] = [];
      const cases = routes()
        .filter((r) => r.spec.body && !isMultipart(r.spec.body))
        .flatMap((route) => HOSTILE_BODY_KEYS.map((body) => ({ route, body })));

      // Act
      await inParallel(cases, async ({ route, body }) => {
        const res = await sendJson(callerFor(route), route.method, fillPath(route.template), body.json);
        const wrong = refusal(res, `body.${body.key}`);
        if (wrong) failures.push(`${label(route)} ${body.json}: ${wrong}`);
      });

      // Assert
      expectNone(failures);
      expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
      expect(Object.getOwnPropertyNames(Object.prototype)).to.deep.equal(prototypeKeys);
    });

    it('when a supplier changes its name and product to operator-looking text, then it is stored and found literally, and other suppliers do not see it', async () => {
      // Arrange
      const supplierName = '{"$gt":""}';
      const productName = '$where';
      const own = t.as(fx.literal.token);
      const other = t.as(reg.tokens.supplierCleaning);

      // Act
      const renamed = await own.patch(`/api/v1/suppliers/${fx.literal.supplierId}`, { name: supplierName });
      const product = await own.patch(`/api/v1/products/${fx.literal.productId}`, { name: productName });
      const suppliersFound = await admin.get(`/api/v1/suppliers?q=${encodeURIComponent(supplierName)}`);
      const productsFound = await admin.get(`/api/v1/products?q=${encodeURIComponent(productName)}`);
      const ownSearch = await own.get(`/api/v1/search?q=${encodeURIComponent(productName)}`);
      const otherProducts = await other.get(`/api/v1/products?q=${encodeURIComponent(productName)}`);
      const otherSuppliers = await other.get(`/api/v1/suppliers?q=${encodeURIComponent(supplierName)}`);

      // Assert
      expect(renamed.status, JSON.stringify(renamed.body)).to.equal(200);
      expect(renamed.body.name).to.equal(supplierName);
      expect(product.status, JSON.stringify(product.body)).to.equal(200);
      expect((await admin.get(`/api/v1/products/${fx.literal.productId}`)).body.name).to.equal(productName);
      expect(suppliersFound.body.items.map((s: { id: string }) => s.id)).to.deep.equal([fx.literal.supplierId]);
      expect(productsFound.body.items.map((p: { id: string }) => p.id)).to.deep.equal([fx.literal.productId]);
      expect(ownSearch.status, JSON.stringify(ownSearch.body)).to.equal(200);
      expect(ownSearch.body.items.every((hit: any) => hit.supplier.id === fx.literal.supplierId)).to.equal(true);
      expect(otherProducts.body).to.include({ total: 0 });
      expect(otherSuppliers.body).to.include({ total: 0 });
    });

    it('when an expert comments a decision with operator-looking text, then the comment is kept as that text', async () => {
      // Arrange
      const comment = '{"$ne":1} $where this.a.b';

      // Act
      const res = await t.as(reg.tokens.expert).post(`/api/v1/findings/${fx.findingId}/decisions`, { action: 'confirm', comment });

      // Assert
      expect(res.status, JSON.stringify(res.body)).to.equal(200);
      expect(JSON.stringify(res.body)).to.include(JSON.stringify(comment).slice(1, -1));
      const finding = await admin.get(`/api/v1/findings/${fx.findingId}`);
      expect(JSON.stringify(finding.body)).to.include(JSON.stringify(comment).slice(1, -1));
    });
  });

  describe('uploads, on every route that takes one', () => {
    it('when an upload carries operator-shaped form fields (file[$ne], $where, a.b, __proto__[x], constructor[prototype][x]), with or without a real file, then 400 naming the field, nothing is stored and Object.prototype is untouched', async () => {
      // Arrange
      const failures: string[] = [];
      const cases = routes()
        .filter((r) => isMultipart(r.spec.body))
        .flatMap((route) => HOSTILE_FORM_FIELDS.flatMap((field) => [true, false].map((withFile) => ({ route, field, withFile }))));

      // Act
      await inParallel(cases, async ({ route, field, withFile }) => {
        const form = new FormData();
        if (withFile) form.append('file', new Blob([pdf], { type: 'application/pdf' }), 'sdb.pdf');
        form.append(field.field, field.value);
        const res = await send(callerFor(route), route.method, fillPath(route.template), { body: form });
        const wrong = refusal(res, `body.${field.name}`);
        if (wrong) failures.push(`${label(route)} ${field.field} ${withFile ? 'with' : 'without'} a file: ${wrong}`);
      });

      // Assert
      expect(cases.length).to.be.greaterThan(10);
      expectNone(failures);
      expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
      expect(Object.getOwnPropertyNames(Object.prototype)).to.deep.equal(prototypeKeys);
      expect((await admin.get(`/api/v1/products/${reg.products.floor}/sds?limit=1`)).body.total).to.equal(baseline.totals[`sds of ${reg.products.floor}`]);
    });
  });

  describe('regular expressions from users', () => {
    /** The GET routes with a free-text `q`, found from their schemas. */
    const textRoutes = (): Route[] => routes().filter((r) => r.method === 'get' && r.spec.query && fieldsOf(r.spec.query).includes('q'));
    /** The bait list's entries for the list route, the route's own path (with real records) for the others. */
    const pathFor = (route: Route) => (q: string): string =>
      `${label(route) === 'GET /api/v1/lists/:id/versions/:version/entries' ? `/api/v1/lists/${fx.bait.listId}/versions/1/entries` : fillPath(route.template)}?q=${encodeURIComponent(q)}&limit=200`;

    /** Every text route with every value, each within the budget and taken as text; `exact`: the names a regex route must find. */
    async function textCases(values: readonly string[], exact: (q: string) => string[]): Promise<string[]> {
      const failures: string[] = [];
      for (const route of textRoutes()) {
        for (const q of values) {
          const res = await send(reg.tokens.admin, 'get', pathFor(route)(q), {}, BUDGET_MS);
          if (res.ms > BUDGET_MS) failures.push(`${label(route)} q=${q.slice(0, 20)}…: ${Math.round(res.ms)} ms`);
          const wrong = await notLiteral(route, 'q', q, reg.tokens.admin, res, pathFor(route));
          if (wrong) failures.push(`${label(route)} q=${q.slice(0, 20)}…: ${wrong}`);
          const name = REGEX_ROUTES[label(route)];
          if (!wrong && name) {
            const names = JSON.stringify((res.body.items as any[]).map(name));
            if (names !== JSON.stringify(exact(q))) failures.push(`${label(route)} q=${q.slice(0, 20)}…: found ${names}, expected ${JSON.stringify(exact(q))}`);
          }
        }
      }
      return failures;
    }

    it('when a text filter is a pattern that backtracks catastrophically ((a+)+$, (a|aa)+$, …) and records are named "aaa…a!", then every text route answers within 2 s, and a regex route finds only the name containing the pattern literally', async () => {
      // Arrange
      const exact = (q: string): string[] => (q === '(a+)+$' ? [GROUP_BAIT] : []);

      // Act
      const failures = await textCases(CATASTROPHIC, exact);

      // Assert
      expect(textRoutes().map(label)).to.include.members(Object.keys(REGEX_ROUTES));
      expectNone(failures);
    });

    it('when a text filter is ".*", then a regex route finds only the name with a literal ".*", not every record', async () => {
      // Arrange
      const exact = (): string[] => [DOT_BAIT];

      // Act
      const failures = await textCases(['.*'], exact);

      // Assert
      expectNone(failures);
    });

    it('when a text filter is as long as allowed (200 characters of nested groups), then every text route answers within 2 s, taking it as text', async () => {
      // Arrange
      const q = `${'(a+)+'.repeat(39)}(a+)$`;

      // Act
      const failures = await textCases([q], () => []);

      // Assert
      expect(q).to.have.length(200);
      expectNone(failures);
    });

    it('when a text filter is longer than allowed (205 characters of nested groups, 10,000 characters), then 400 VALIDATION_FAILED naming query.q at once', async () => {
      // Arrange
      const failures: string[] = [];
      // 10,000 plain letters: the same length of "(a+)+" is over node's 16 KiB header limit once percent-encoded.
      const values = ['(a+)+'.repeat(41), 'a'.repeat(10_000)];

      // Act
      for (const route of textRoutes()) {
        for (const q of values) {
          const res = await send(reg.tokens.admin, 'get', pathFor(route)(q), {}, BUDGET_MS);
          if (res.ms > BUDGET_MS) failures.push(`${label(route)} ${q.length} chars: ${Math.round(res.ms)} ms`);
          const wrong = refusal(res, 'query.q');
          if (wrong) failures.push(`${label(route)} ${q.length} chars: ${wrong}`);
        }
      }

      // Assert
      expectNone(failures);
    });

    it('when a text filter is 50,000 characters, then the request is refused with a 4xx at once, before any filter is built', async () => {
      // Arrange
      const q = '(a+)+'.repeat(10_000);
      const failures: string[] = [];

      // Act
      for (const route of textRoutes()) {
        const res = await send(reg.tokens.admin, 'get', pathFor(route)(q));
        if (res.ms > BUDGET_MS) failures.push(`${label(route)}: ${Math.round(res.ms)} ms`);
        // Node refuses a request line this long itself (431); were the limit raised, the schema's 400 would follow.
        if (res.status < 400 || res.status >= 500) failures.push(`${label(route)}: ${res.status}`);
      }

      // Assert
      expect(q).to.have.length(50_000);
      expectNone(failures);
    });

    it('when a JSON body carries 50,000 characters of nested groups as a name, then 400 VALIDATION_FAILED naming it at once', async () => {
      // Arrange
      const name = '(a+)+'.repeat(10_000);

      // Act
      const res = await send(reg.tokens.admin, 'post', '/api/v1/suppliers', {
        body: JSON.stringify({ name, orgNumber: swedishOrgNumber() }),
        headers: { 'content-type': 'application/json' },
      });

      // Assert
      expect(res.ms).to.be.below(BUDGET_MS);
      expect(refusal(res, 'body.name')).to.equal(undefined);
    });
  });

  // Last, on purpose: mocha runs the cases in order, so this sees the state after every hostile request above.
  describe('afterwards', () => {
    it('when every hostile request above has been answered, then no answer was a 5xx, every count is as before, and every seeded record is unchanged', async () => {
      // Arrange
      const expected = baseline;

      // Act
      const now = await snapshot();

      // Assert
      expect(serverErrors).to.deep.equal([]);
      expect(now.totals).to.deep.equal(expected.totals);
      expect(now.records).to.deep.equal(expected.records);
    });
  });
});
