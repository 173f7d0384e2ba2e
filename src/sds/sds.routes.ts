import type { Response } from 'express';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ApiRegistry } from '../shared/http/route.js';
import { multipart } from '../shared/http/upload.js';
import { IdParams } from '../shared/ids.js';
import { SdsDiff, SdsDiffParams, SdsListQuery, SdsRevision, SdsRevisionPage, type SdsRevisionItem } from './sds.schema.js';
import type { SdsService } from './sds.service.js';

const READERS = ['admin', 'expert', 'procurement', 'supplier'] as const;
const UPLOADERS = ['admin', 'expert', 'supplier'] as const;
const NOT_FOUND = { description: 'no such revision, or not yours (NOT_FOUND)' };

/** The original PDF as a download: never rendered as anything else, under its (safely encoded) name. */
async function sendPdf(res: Response, revision: SdsRevisionItem, stream: Readable): Promise<void> {
  res.attachment(revision.fileName); // RFC 6266 Content-Disposition, with an RFC 5987 filename* for non-ASCII names
  res.type('application/pdf');
  res.setHeader('Content-Length', String(revision.size));
  res.setHeader('X-Content-Type-Options', 'nosniff');
  await pipeline(stream, res);
}

export function registerSdsRoutes(api: ApiRegistry, sds: SdsService): void {
  api.define(
    {
      method: 'post', path: '/products/:id/sds', operationId: 'uploadSds', tag: 'sds', roles: UPLOADERS,
      summary: 'Upload a safety data sheet (PDF) of a product: a new revision, with the facts read from it',
      description:
        'The file is checked on its bytes, not its name. A PDF without a text layer (a scan) is stored with status ' +
        '`needs-ocr` and no facts. The same bytes uploaded again for the same product answer the existing revision (200). ' +
        'Unreadable files are refused and nothing is stored.',
      params: IdParams,
      body: multipart('file', 'the safety data sheet, as PDF'),
      responses: {
        200: { description: 'the same bytes are already a revision of this product: that revision', schema: SdsRevision },
        201: { description: 'the new revision, with its facts', schema: SdsRevision },
        400: { description: 'the file is empty (PDF_EMPTY), missing or not alone (VALIDATION_FAILED, `body.file`), or the form is malformed (MALFORMED_MULTIPART)' },
        404: { description: 'no such product, or not yours (NOT_FOUND)' },
        413: { description: 'the file is larger than UPLOAD_MAX_BYTES (PAYLOAD_TOO_LARGE)' },
        415: { description: 'not multipart/form-data (UNSUPPORTED_MEDIA_TYPE), or the file is not a PDF (NOT_A_PDF)' },
        422: { description: 'the PDF is damaged or truncated (PDF_CORRUPT), encrypted (PDF_ENCRYPTED), over the extraction time or memory budget (PDF_TOO_COMPLEX), or not a safety data sheet (NOT_AN_SDS)' },
      },
    },
    async ({ actor, params, body }, res) => {
      const { revision, created } = await sds.upload(actor, params.id, { bytes: body.bytes, fileName: body.originalName });
      res.status(created ? 201 : 200).location(`/api/v1/sds/${revision.id}`).json(revision);
    },
  );

  api.define(
    {
      method: 'get', path: '/products/:id/sds', operationId: 'listSdsRevisions', tag: 'sds', roles: READERS,
      summary: 'List a product\'s SDS revisions, newest first',
      description: 'Items carry a summary of the facts; `GET /sds/{id}` has all of them, with confidence and evidence.',
      params: IdParams, query: SdsListQuery,
      responses: { 200: { description: 'a page of revisions', schema: SdsRevisionPage }, 404: { description: 'no such product, or not yours (NOT_FOUND)' } },
    },
    async ({ actor, params, query }, res) => {
      res.json(await sds.list(actor, params.id, query));
    },
  );

  api.define(
    {
      method: 'get', path: '/sds/:id', operationId: 'getSdsRevision', tag: 'sds', roles: READERS,
      summary: 'Read an SDS revision with every fact read from it',
      params: IdParams,
      responses: { 200: { description: 'the revision', schema: SdsRevision }, 404: NOT_FOUND },
    },
    async ({ actor, params }, res) => {
      res.json(await sds.get(actor, params.id));
    },
  );

  api.define(
    {
      method: 'get', path: '/sds/:id/file', operationId: 'downloadSdsFile', tag: 'sds', roles: READERS,
      summary: 'Download the original PDF of an SDS revision, byte for byte as uploaded',
      params: IdParams,
      responses: { 200: { description: 'the PDF, as an attachment under its uploaded name', contentType: 'application/pdf' }, 404: NOT_FOUND },
    },
    async ({ actor, params }, res) => {
      const { revision, stream } = await sds.original(actor, params.id);
      await sendPdf(res, revision, stream);
    },
  );

  api.define(
    {
      method: 'get', path: '/sds/:id/diff/:otherId', operationId: 'diffSdsRevisions', tag: 'sds', roles: READERS,
      summary: 'Compare two SDS revisions: identity, hazard codes, pictograms and composition',
      description: 'From `id` to `otherId`: `added` is in `otherId` and not in `id`. Both revisions must be visible to the caller.',
      params: SdsDiffParams,
      responses: { 200: { description: 'what changed', schema: SdsDiff }, 404: { description: 'either revision does not exist, or is not yours (NOT_FOUND)' } },
    },
    async ({ actor, params }, res) => {
      res.json(await sds.diff(actor, params.id, params.otherId));
    },
  );
}
