import type { Response } from 'express';
import type { ApiRegistry } from '../shared/http/route.js';
import { IdParams } from '../shared/ids.js';
import { MEDIA_TYPES, renderFollowUp } from './follow-up.export.js';
import { ContractFollowUp, FollowUpQuery, ProductDocumentsList, ProductDocumentsQuery, SupplierFollowUp, type FollowUpFormat } from './follow-up.schema.js';
import type { FollowUpService } from './follow-up.service.js';

const READERS = ['admin', 'expert', 'procurement', 'supplier'] as const;
const DOWNLOADS = [MEDIA_TYPES.csv, MEDIA_TYPES.xlsx];
const FORMATS = 'With `?format=csv` or `?format=xlsx` the same rows come as a download, one row per product.';

/** JSON, or the rows as a CSV or XLSX attachment. */
async function sendReport(res: Response, report: ContractFollowUp | SupplierFollowUp, format: FollowUpFormat): Promise<void> {
  if (format === 'json') {
    res.json(report);
    return;
  }
  const download = await renderFollowUp(report, format);
  res.attachment(download.fileName); // RFC 6266 Content-Disposition
  res.type(download.contentType);
  res.send(download.body);
}

export function registerFollowUpRoutes(api: ApiRegistry, followUp: FollowUpService): void {
  api.define(
    {
      method: 'get', path: '/contracts/:id/follow-up', operationId: 'contractFollowUp', tag: 'follow-up', roles: READERS,
      summary: 'Contract follow-up: per supplier and product, open findings, SDS age, declarations, expiring exceptions and what changed',
      description: `${FORMATS} A supplier token gets only its own products, and 404 for a contract it is not party to.`,
      params: IdParams, query: FollowUpQuery,
      responses: {
        200: { description: 'the follow-up (JSON), or its rows as CSV or XLSX', schema: ContractFollowUp, alternativeContentTypes: DOWNLOADS },
        404: { description: 'no such contract, or not yours (NOT_FOUND)' },
      },
    },
    async ({ actor, params, query }, res) => {
      await sendReport(res, await followUp.forContract(actor, params.id, query), query.format);
    },
  );

  api.define(
    {
      method: 'get', path: '/suppliers/:id/follow-up', operationId: 'supplierFollowUp', tag: 'follow-up', roles: READERS,
      summary: 'Supplier follow-up: the supplier\'s products across its contracts, each row naming its contracts',
      description: `${FORMATS} A supplier token may ask only for itself.`,
      params: IdParams, query: FollowUpQuery,
      responses: {
        200: { description: 'the follow-up (JSON), or its rows as CSV or XLSX', schema: SupplierFollowUp, alternativeContentTypes: DOWNLOADS },
        404: { description: 'no such supplier, or not yours (NOT_FOUND)' },
      },
    },
    async ({ actor, params, query }, res) => {
      await sendReport(res, await followUp.forSupplier(actor, params.id, query), query.format);
    },
  );

  api.define(
    {
      method: 'get', path: '/follow-up/products', operationId: 'productDocuments', tag: 'follow-up', roles: READERS,
      summary: 'Latest SDS and declaration and open findings count of several products, in one request',
      description: 'For a table of products (a supplier\'s own, for instance). Products the caller may not see are left out, as are unknown ids.',
      query: ProductDocumentsQuery,
      responses: { 200: { description: 'one item per product asked for that the caller may see', schema: ProductDocumentsList } },
    },
    async ({ actor, query }, res) => {
      res.json(await followUp.documentsOf(actor, query.ids));
    },
  );
}
