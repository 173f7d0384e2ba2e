// aggregate: mingo runs the pipeline; the engine feeds it (using indexes for a leading $match),
// resolves other collections for $lookup/$unionWith/$graphLookup, and performs $out/$merge itself.
import type { Document } from 'bson';
import { Aggregator } from 'mingo/aggregator';
import { prepareInsert } from '../catalog/collection.js';
import { EngineError, unsupported } from '../errors.js';
import { assertSupported } from '../query/filter.js';
import { ENGINE_CONTEXT, isKnownStage, ProcessingMode } from '../query/mingo-context.js';
import { assertStorable } from '../query/numbers.js';
import { matching } from '../query/read.js';
import { cloneDoc, encodeKey, isPlainObject } from '../query/values.js';
import { assertHint, assertNoCollation, collectionView, optionalDoc, optionalInt, requireArray, type CommandContext, type CommandHandler } from './context.js';

// Stages that would need features the engine lacks (search indexes, geo, cluster state, change streams).
const REFUSED_STAGES = new Set([
  '$search', '$searchMeta', '$vectorSearch', '$geoNear', '$changeStream', '$changeStreamSplitLargeEvent',
  '$collStats', '$indexStats', '$currentOp', '$listSessions', '$listLocalSessions', '$planCacheStats',
  '$listSearchIndexes', '$shardedDataDistribution', '$querySettings',
]);

// Stages mingo runs without writing into its input documents, so stored documents need no copy.
const READ_ONLY_STAGES = new Set(['$match', '$sort', '$skip', '$limit', '$count', '$group', '$sortByCount']);

function stageName(stage: unknown): string {
  if (!isPlainObject(stage) || Object.keys(stage).length !== 1) {
    throw new EngineError('FailedToParse', 'A pipeline stage specification object must contain exactly one field.');
  }
  return Object.keys(stage)[0]!;
}

function checkPipeline(pipeline: unknown[]): void {
  for (const stage of pipeline) {
    const name = stageName(stage);
    if (REFUSED_STAGES.has(name)) throw unsupported(`aggregation stage ${name}`);
    if (!isKnownStage(name) && name !== '$out' && name !== '$merge') {
      throw new EngineError('Location40324', `Unrecognized pipeline stage name: '${name}'`);
    }
    const body: unknown = (stage as Document)[name];
    assertSupported(body, 'aggregation');
    if (name === '$facet' && isPlainObject(body)) for (const sub of Object.values(body)) checkPipeline(requireArray(sub, '$facet'));
    if ((name === '$lookup' || name === '$unionWith') && isPlainObject(body) && Array.isArray(body.pipeline)) checkPipeline(body.pipeline);
  }
}

export function runPipeline(ctx: CommandContext, source: string, pipeline: Document[]): Document[] {
  const view = collectionView(ctx, source);
  // A leading $match narrows the input through indexes; mingo still applies it, so results are exact.
  const first = pipeline[0];
  const leadingMatch = first && isPlainObject(first.$match) ? first.$match : undefined;
  let input = leadingMatch ? matching(view, leadingMatch) : view.candidates(undefined);
  const rest = leadingMatch ? pipeline.slice(1) : pipeline;
  if (!rest.every((s) => READ_ONLY_STAGES.has(stageName(s)))) input = input.map((d) => cloneDoc(d));
  const resolver = (name: string): Document[] => collectionView(ctx, name).candidates(undefined).map((d) => cloneDoc(d));
  const aggregator = new Aggregator(rest, { processingMode: ProcessingMode.CLONE_OFF, collectionResolver: resolver, useStrictMode: true, context: ENGINE_CONTEXT });
  try {
    return aggregator.run<Document>(input);
  } catch (err) {
    if (err instanceof EngineError) throw err;
    throw new EngineError('BadValue', err instanceof Error ? err.message : String(err));
  }
}

function writeOut(ctx: CommandContext, stage: Document, results: Document[]): void {
  // Results can carry pipeline literals that stored documents cannot hold (a Timestamp, a long).
  results.forEach((doc, i) => assertStorable(doc, `results.${i}`));
  if ('$out' in stage) {
    const out: unknown = stage.$out;
    const target: unknown = typeof out === 'string' ? out : (out as Document).coll;
    if (isPlainObject(out) && out.db !== undefined && out.db !== ctx.db) throw unsupported('$out to another database');
    const view = collectionView(ctx, target);
    for (const doc of view.candidates(undefined)) view.remove(doc);
    for (const doc of results) view.insert(prepareInsert(doc));
    return;
  }
  const merge: unknown = stage.$merge;
  const spec: Document = isPlainObject(merge) ? merge : { into: merge };
  const intoSpec: unknown = spec.into;
  const into: unknown = isPlainObject(intoSpec) ? intoSpec.coll : intoSpec;
  if (isPlainObject(intoSpec) && intoSpec.db !== undefined && intoSpec.db !== ctx.db) throw unsupported('$merge into another database');
  const onSpec: unknown = spec.on;
  const on = onSpec === undefined ? ['_id'] : Array.isArray(onSpec) ? (onSpec as string[]) : [onSpec as string];
  const whenMatched: unknown = spec.whenMatched ?? 'merge';
  const whenNotMatched: unknown = spec.whenNotMatched ?? 'insert';
  if (typeof whenMatched !== 'string') throw unsupported('$merge with a pipeline in whenMatched');
  const view = collectionView(ctx, into);
  for (const doc of results) {
    const filter: Document = {};
    for (const f of on) {
      const value: unknown = doc[f];
      filter[f] = value ?? null;
    }
    const existing = matching(view, filter);
    if (existing.length > 1) throw new EngineError('DuplicateKey', `$merge found more than one document matching 'on' fields`);
    const match = existing[0];
    if (!match) {
      if (whenNotMatched === 'insert') view.insert(prepareInsert(doc));
      else if (whenNotMatched === 'fail') throw new EngineError('BadValue', '$merge could not find a matching document in the target collection');
      continue;
    }
    const matchedId: unknown = match._id;
    switch (whenMatched) {
      case 'replace':
        view.replace(match, { ...doc, _id: matchedId });
        break;
      case 'merge':
        view.replace(match, { ...match, ...doc, _id: matchedId });
        break;
      case 'keepExisting':
        break;
      case 'fail':
        throw new EngineError('DuplicateKey', `E11000 duplicate key error: $merge found an existing document for ${encodeKey(filter)}`);
      default:
        throw new EngineError('BadValue', `unknown $merge whenMatched mode '${whenMatched}'`);
    }
  }
}

const aggregate: CommandHandler = (ctx) => {
  const cmd = ctx.cmd;
  assertNoCollation(cmd.collation);
  if (cmd.explain === true) throw unsupported('explain');
  if (typeof cmd.aggregate !== 'string') throw unsupported('database-level aggregation');
  const pipeline = requireArray(cmd.pipeline, 'pipeline') as Document[];
  if (cmd.cursor === undefined) throw new EngineError('FailedToParse', "The 'cursor' option is required, except for aggregate with the explain argument");
  checkPipeline(pipeline);
  assertHint(collectionView(ctx, cmd.aggregate), cmd.hint);
  const last = pipeline.at(-1);
  const writes = last && ('$out' in last || '$merge' in last);
  const results = runPipeline(ctx, cmd.aggregate, writes ? pipeline.slice(0, -1) : pipeline);
  const cursor = optionalDoc(cmd.cursor, 'cursor') ?? {};
  if (writes) {
    writeOut(ctx, last, results);
    return ctx.engine.cursors.first(`${ctx.db}.${cmd.aggregate}`, [], 0);
  }
  return ctx.engine.cursors.first(`${ctx.db}.${cmd.aggregate}`, results, optionalInt(cursor.batchSize, 'cursor.batchSize'), false, ctx.sessionKey);
};

export const aggregateCommands: Record<string, CommandHandler> = { aggregate };
