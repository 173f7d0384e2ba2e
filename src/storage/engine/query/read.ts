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
  const plain = inclusionTree(projection);
  if (plain) return out.map((doc) => includePaths(doc, plain.tree, plain.withId));
  const query = needsQueryForProjection(projection) ? toMingoFilter(filter ?? {}) : {};
  return mingoFind(out, query, projection).all();
}

// A fast path for the most common projection, field inclusion (`{ name: 1, 'facts.substances': 1 }`): mingo's general
// projector costs far more per document than the copy itself. Anything else — exclusion, operators ($slice,
// $elemMatch, expressions) and path collisions — goes to mingo as before, so the answers are the same.

type PathTree = Map<string, PathTree | true>;

/** The projection as a tree of included paths, or null when it is not a plain inclusion projection. */
function inclusionTree(projection: Document): { tree: PathTree; withId: boolean } | null {
  const tree: PathTree = new Map();
  let withId = true;
  for (const [path, value] of Object.entries(projection)) {
    if (path === '_id') {
      if (value === 0 || value === false) withId = false;
      else if (value !== 1 && value !== true) return null;
      continue;
    }
    if (value !== 1 && value !== true) return null;
    const parts = path.split('.');
    if (parts[0] === '_id' || parts.some((part) => part === '' || part.startsWith('$'))) return null;
    let node = tree;
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i]!;
      const existing = node.get(part);
      if (i === parts.length - 1) {
        if (existing !== undefined) return null; // a path collision: mingo's (and mongod's) rules
        node.set(part, true);
      } else if (existing === true) {
        return null;
      } else if (existing) {
        node = existing;
      } else {
        const child: PathTree = new Map();
        node.set(part, child);
        node = child;
      }
    }
  }
  // `{ _id: 0 }` alone excludes: not an inclusion projection.
  return tree.size === 0 ? null : { tree, withId };
}

/**
 * The included paths of one document, fields in the document's own order (as mongod returns them). A dotted path
 * through an embedded document keeps that document (empty when none of its paths are there); through a scalar it
 * keeps nothing; through an array it applies to each element (see includeInArray).
 */
function includePaths(doc: Document, tree: PathTree, withId: boolean): Document {
  const out: Document = {};
  for (const key of Object.keys(doc)) {
    if (key === '_id' && withId) {
      out._id = doc._id as unknown;
      continue;
    }
    const spec = tree.get(key);
    if (spec === undefined) continue;
    const value: unknown = doc[key];
    if (spec === true) out[key] = value;
    else if (Array.isArray(value)) out[key] = includeInArray(value, spec);
    else if (isPlainObject(value)) out[key] = includePaths(value, spec, false);
  }
  return out;
}

/**
 * A dotted path through an array, as mongod projects it: each embedded document keeps the rest of the path (empty when
 * it has none of it), a nested array is projected the same way, and scalars (null included) are dropped.
 */
function includeInArray(values: unknown[], tree: PathTree): unknown[] {
  const out: unknown[] = [];
  for (const value of values) {
    if (Array.isArray(value)) out.push(includeInArray(value, tree));
    else if (isPlainObject(value)) out.push(includePaths(value, tree, false));
  }
  return out;
}
