import type { ApiRegistry } from '../shared/http/route.js';
import { multipart } from '../shared/http/upload.js';
import {
  ListEntriesQuery, ListEntryPage, ListImportQuery, ListImportResult, ListPage, ListParams, ListQuery, ListVersionDiff,
  ListVersion, ListVersionDiffParams, ListVersionPage, ListVersionParams, RegulatoryList,
} from './list.schema.js';
import type { ListService } from './list.service.js';

const READERS = ['admin', 'expert', 'procurement', 'supplier'] as const;
const NO_LIST = { description: 'no such list or version (NOT_FOUND)' };

export function registerListRoutes(api: ApiRegistry, lists: ListService): void {
  api.define(
    {
      method: 'post', path: '/lists/import', operationId: 'importList', tag: 'lists', roles: ['admin', 'expert'],
      summary: 'Import a list file as a new version of its list, and re-screen every product against it',
      description:
        'The format and the list are detected from the file: ECHA CHEM exports (`*_full.xlsx`: Candidate List, Annex XIV, ' +
        'Annex XVII, POPs, harmonised classification), legacy echa.europa.eu exports (xlsx, or tab-separated csv in any UI ' +
        'language), CLP Annex VI Excel, the ChemSec SIN List export, the RoHS Annex II CSV, and chemreg\'s own CSV/JSON for ' +
        'custom lists (give `listId`, and `name` for a new one). The same file imported again answers the version it already is.',
      query: ListImportQuery,
      body: multipart('file', 'the list export (xlsx, csv or json)'),
      responses: {
        200: { description: 'this file is already a version of the list: that version', schema: ListImportResult },
        201: { description: 'the new version, and the re-screen job it started', schema: ListImportResult },
        400: { description: 'not a list file chemreg knows (LIST_FORMAT_UNKNOWN), a known format with unusable content (LIST_FILE_INVALID), or a custom list without `listId` (LIST_ID_REQUIRED); the message says what was expected' },
      },
    },
    async ({ actor, query, body }, res) => {
      const result = await lists.importFile(actor, { bytes: body.bytes, fileName: body.originalName }, query);
      res.status(result.created ? 201 : 200).location(`/api/v1/lists/${result.version.listId}/versions/${result.version.version}`).json(result);
    },
  );

  api.define(
    {
      method: 'get', path: '/lists', operationId: 'listLists', tag: 'lists', roles: READERS,
      summary: 'The lists chemreg screens against, each with its latest version',
      query: ListQuery,
      responses: { 200: { description: 'a page of lists', schema: ListPage } },
    },
    async ({ query }, res) => {
      res.json(await lists.list(query));
    },
  );

  api.define(
    {
      method: 'get', path: '/lists/:id', operationId: 'getList', tag: 'lists', roles: READERS,
      summary: 'One list with its latest version',
      params: ListParams,
      responses: { 200: { description: 'the list', schema: RegulatoryList }, 404: NO_LIST },
    },
    async ({ params }, res) => {
      res.json(await lists.get(params.id));
    },
  );

  api.define(
    {
      method: 'get', path: '/lists/:id/versions', operationId: 'listListVersions', tag: 'lists', roles: READERS,
      summary: 'A list\'s versions, newest first',
      params: ListParams, query: ListQuery,
      responses: { 200: { description: 'a page of versions', schema: ListVersionPage }, 404: NO_LIST },
    },
    async ({ params, query }, res) => {
      res.json(await lists.versions(params.id, query));
    },
  );

  api.define(
    {
      method: 'get', path: '/lists/:id/versions/:version', operationId: 'getListVersion', tag: 'lists', roles: READERS,
      summary: 'One version of a list: its source file, list date, counts and import warnings',
      params: ListVersionParams,
      responses: { 200: { description: 'the version', schema: ListVersion }, 404: NO_LIST },
    },
    async ({ params }, res) => {
      res.json(await lists.version(params.id, params.version));
    },
  );

  api.define(
    {
      method: 'get', path: '/lists/:id/versions/:version/entries', operationId: 'listListEntries', tag: 'lists', roles: READERS,
      summary: 'Entries of one version of a list',
      params: ListVersionParams, query: ListEntriesQuery,
      responses: { 200: { description: 'a page of entries', schema: ListEntryPage }, 404: NO_LIST },
    },
    async ({ params, query }, res) => {
      res.json(await lists.entries(params.id, params.version, query));
    },
  );

  api.define(
    {
      method: 'get', path: '/lists/:id/versions/:version/diff/:other', operationId: 'diffListVersions', tag: 'lists', roles: READERS,
      summary: 'Entries added, removed and changed (field by field) from one version of a list to another',
      params: ListVersionDiffParams,
      responses: { 200: { description: 'the diff', schema: ListVersionDiff }, 404: NO_LIST },
    },
    async ({ params }, res) => {
      res.json(await lists.diff(params.id, params.version, params.other));
    },
  );
}
