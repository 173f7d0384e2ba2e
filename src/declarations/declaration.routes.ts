import type { ApiRegistry } from '../shared/http/route.js';
import { multipart } from '../shared/http/upload.js';
import { IdParams } from '../shared/ids.js';
import type { BulkDeclarationService } from './bulk-declaration.service.js';
import { BulkDeclarationReport, DeclarationDiff, DeclarationDiffParams, DeclarationListQuery, DeclarationPage, DeclarationRevision } from './declaration.schema.js';
import type { DeclarationService } from './declaration.service.js';
import { BULK_COLUMNS, MAX_BULK_ROWS } from './formats/bulk.js';

const READERS = ['admin', 'expert', 'procurement', 'supplier'] as const;
const SUBMITTERS = ['admin', 'expert', 'supplier'] as const;
const NOT_FOUND = { description: 'no such declaration, or not yours (NOT_FOUND)' };

/** The bulk sheet's columns as the API documentation lists them, from the parser's own definition. */
const BULK_COLUMN_DOCS = BULK_COLUMNS.map((c) => `\`${c.name}\`${c.required === 'yes' ? ' (required)' : c.required === 'new-product' ? ' (required for a new product)' : ''}: ${c.description}`).join('; ');

export function registerDeclarationRoutes(api: ApiRegistry, declarations: DeclarationService, bulk: BulkDeclarationService): void {
  api.define(
    {
      method: 'post', path: '/suppliers/:id/declarations/bulk', operationId: 'submitBulkDeclarations', tag: 'declarations', roles: ['admin', 'supplier'],
      summary: 'Declare the content of many products at once from a CSV or XLSX sheet, with a per-row report',
      description:
        'One row per product × component × homogeneous material × substance, grouped by `product_number` (the supplier\'s ' +
        'article number). A product number that is an article number of one of the supplier\'s products gets a new declaration ' +
        'revision of that product; an unknown one with a `product_name` creates the product (kind `article` unless ' +
        '`product_kind` says otherwise). Every product declared is screened at once. A product with any rejected row is not ' +
        'applied at all (a declaration without that row would understate the content); the report names the rows to fix. ' +
        `Rows that declare exactly what a product's latest matching revision holds are \`unchanged\`. At most ${MAX_BULK_ROWS} rows. ` +
        `Headers are matched ignoring case, spaces and punctuation; Swedish headers are accepted. Columns: ${BULK_COLUMN_DOCS}.`,
      params: IdParams,
      body: multipart('file', 'the bulk declaration sheet: CSV (UTF-8, or Windows-1252 as Excel\'s plain CSV writes it; comma, semicolon or tab separated) or .xlsx'),
      responses: {
        200: { description: 'what happened to every product and every row; rejected rows say why at `row N column x`', schema: BulkDeclarationReport },
        400: {
          description:
            'nothing applied: not CSV or XLSX (DECLARATION_FORMAT_UNKNOWN); no data rows, a header without product_number, too ' +
            'many rows, or one product number with two names (DECLARATION_INVALID), each issue at `body.file.row N column x` or ' +
            '`body.file.header`; an empty file (VALIDATION_FAILED)',
        },
        404: { description: 'no such supplier, or not yours (NOT_FOUND)' },
        413: { description: 'the file is larger than UPLOAD_MAX_BYTES (PAYLOAD_TOO_LARGE)' },
      },
    },
    async ({ actor, params, body }, res) => {
      res.json(await bulk.submit(actor, params.id, { bytes: body.bytes, fileName: body.originalName }));
    },
  );

  api.define(
    {
      method: 'post', path: '/products/:id/declarations', operationId: 'submitDeclaration', tag: 'declarations', roles: SUBMITTERS,
      summary: 'Submit a product/article declaration: a new revision, screened at once',
      description:
        'The format is detected from the bytes: chemreg\'s JSON declaration (schema `JsonDeclaration`: components, homogeneous ' +
        'materials, substances with CAS/EC/name and a concentration in %, ppm or mg/kg or a mass, SCIP numbers, statements, ' +
        'declared list versions) or IPC-1752A XML (class C yes/no per declarable substance list, class D full material ' +
        'declaration). Concentrations are stored in % of the part they are declared in. A CAS RN or EC number with a wrong ' +
        'check digit is kept and flagged in `content.warnings`, and not used for matching. The same bytes again answer the ' +
        'existing revision (200).',
      params: IdParams,
      body: multipart('file', 'the declaration: chemreg JSON or IPC-1752A XML'),
      responses: {
        200: { description: 'the same bytes are already a revision of this product\'s declaration: that revision', schema: DeclarationRevision },
        201: { description: 'the new revision, with what it declares', schema: DeclarationRevision },
        400: {
          description:
            'not a declaration format chemreg reads, or malformed JSON/XML (DECLARATION_FORMAT_UNKNOWN); values that cannot be ' +
            'right — an unknown unit, more than 100 %, min above max, a negative mass (DECLARATION_INVALID); every issue names ' +
            'its element as `body.file.<path>`; an empty file (VALIDATION_FAILED)',
        },
        404: { description: 'no such product, or not yours (NOT_FOUND)' },
        413: { description: 'the file is too large (PAYLOAD_TOO_LARGE)' },
      },
    },
    async ({ actor, params, body }, res) => {
      const { revision, created } = await declarations.submit(actor, params.id, { bytes: body.bytes, fileName: body.originalName });
      res.status(created ? 201 : 200).location(`/api/v1/declarations/${revision.id}`).json(revision);
    },
  );

  api.define(
    {
      method: 'get', path: '/products/:id/declarations', operationId: 'listDeclarations', tag: 'declarations', roles: READERS,
      summary: 'A product\'s declaration revisions, newest first',
      params: IdParams, query: DeclarationListQuery,
      responses: { 200: { description: 'a page of revisions', schema: DeclarationPage }, 404: { description: 'no such product, or not yours (NOT_FOUND)' } },
    },
    async ({ actor, params, query }, res) => {
      res.json(await declarations.list(actor, params.id, query));
    },
  );

  api.define(
    {
      method: 'get', path: '/declarations/:id', operationId: 'getDeclaration', tag: 'declarations', roles: READERS,
      summary: 'One declaration revision with everything it declares',
      params: IdParams,
      responses: { 200: { description: 'the revision', schema: DeclarationRevision }, 404: NOT_FOUND },
    },
    async ({ actor, params }, res) => {
      res.json(await declarations.get(actor, params.id));
    },
  );

  api.define(
    {
      method: 'get', path: '/declarations/:id/file', operationId: 'downloadDeclarationFile', tag: 'declarations', roles: READERS,
      summary: 'Download the declaration file byte for byte as submitted',
      params: IdParams,
      responses: { 200: { description: 'the file, as an attachment under its submitted name', contentType: 'application/octet-stream' }, 404: NOT_FOUND },
    },
    async ({ actor, params }, res) => {
      const found = await declarations.original(actor, params.id);
      res.attachment(found.fileName);
      // Always a download, never rendered: the bytes are the supplier's, whatever they claim to be.
      res.type('application/octet-stream');
      res.setHeader('X-Content-Type-Options', 'nosniff');
      res.send(Buffer.from(found.bytes));
    },
  );

  api.define(
    {
      method: 'get', path: '/declarations/:id/diff/:otherId', operationId: 'diffDeclarations', tag: 'declarations', roles: READERS,
      summary: 'Compare two declaration revisions: substances, SCIP numbers, statements and class C answers',
      description: 'From `id` to `otherId`: `added` is in `otherId` and not in `id`. Both revisions must be visible to the caller.',
      params: DeclarationDiffParams,
      responses: { 200: { description: 'what changed', schema: DeclarationDiff }, 404: { description: 'either revision does not exist, or is not yours (NOT_FOUND)' } },
    },
    async ({ actor, params }, res) => {
      res.json(await declarations.diff(actor, params.id, params.otherId));
    },
  );
}
