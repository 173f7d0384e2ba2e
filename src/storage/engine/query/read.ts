// Read a collection view the way `find` does: match, sort, skip, limit, project.
import type { Document } from 'bson';
import { find as mingoFind } from 'mingo';
import type { CollectionView } from '../catalog/views.js';
import { sortDocuments } from './compare.js';
import { assertSupported, compileFilter, toMingoFilter } from './filter.js';
import { isPlainObject } from './values.js';

export interface ReadOptions {
  filter?: Document;
  sort?: Document;
  projection?: Document;
  skip?: number;
  limit?: number;
}

function needsQueryForProjection(projection: Document): boolean {
  return Object.entries(projection).some(([k, v]) => k.endsWith('.$') || (isPlainObject(v) && '$elemMatch' in v));
}

export function matching(view: CollectionView, filter: Document | undefined): Document[] {
  const predicate = compileFilter(filter);
  return view.candidates(filter).filter(predicate);
}

export function readDocuments(view: CollectionView, opts: ReadOptions): Document[] {
  const docs = matching(view, opts.filter);
  return shape(docs, opts);
}

/** Sort/skip/limit/project already-matched documents. */
export function shape(docs: Document[], opts: ReadOptions): Document[] {
  const { sort, projection, filter } = opts;
  const skip = opts.skip ?? 0;
  const limit = opts.limit && opts.limit > 0 ? opts.limit : undefined;
  const hasSort = sort !== undefined && Object.keys(sort).length > 0;
  const hasProjection = projection !== undefined && Object.keys(projection).length > 0;
  if (!hasSort && !hasProjection) {
    return limit === undefined ? (skip ? docs.slice(skip) : docs) : docs.slice(skip, skip + limit);
  }
  let out = docs;
  if (hasSort) {
    assertSupported(sort, 'sort');
    out = sortDocuments(docs, sort);
  }
  out = limit === undefined ? (skip ? out.slice(skip) : out) : out.slice(skip, skip + limit);
  if (!hasProjection) return out;
  assertSupported(projection, 'projection');
  const query = needsQueryForProjection(projection) ? toMingoFilter(filter ?? {}) : {};
  return mingoFind(out, query, projection).all();
}
