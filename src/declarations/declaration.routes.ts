import type { ApiRegistry } from '../shared/http/route.js';
import { multipart } from '../shared/http/upload.js';
import { IdParams } from '../shared/ids.js';
import { DeclarationDiff, DeclarationDiffParams, DeclarationListQuery, DeclarationPage, DeclarationRevision } from './declaration.schema.js';
import type { DeclarationService } from './declaration.service.js';

const READERS = ['admin', 'expert', 'procurement', 'supplier'] as const;
const SUBMITTERS = ['admin', 'expert', 'supplier'] as const;
const NOT_FOUND = { description: 'no such declaration, or not yours (NOT_FOUND)' };

export function registerDeclarationRoutes(api: ApiRegistry, declarations: DeclarationService): void {
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
