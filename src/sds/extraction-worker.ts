// One extraction worker thread: reads PDFs sent by extraction-pool.ts, one at a time, and answers with the
// extraction result. It holds no state between jobs; the pool terminates it when a job goes over budget.
import { parentPort, resourceLimits } from 'node:worker_threads';
import type { ExtractRequest, WorkerMessage } from './extraction-pool.js';
import { EXTRACTOR_VERSION, extractSds } from './extraction/index.js';
import { limitDecodedBytes, preparePdfReader } from './extraction/pdf-text.js';

const port = parentPort;
if (!port) throw new Error('extraction-worker.ts runs only as a worker thread (see extraction-pool.ts)');

// The memory budget (SDS_EXTRACT_MEMORY_MB) caps the heap through resourceLimits; the buffers pdf.js decodes streams
// into live outside it and get the same budget here.
const budgetMb = resourceLimits.maxOldGenerationSizeMb;
if (budgetMb !== undefined && budgetMb > 0) limitDecodedBytes(budgetMb * 1024 * 1024);

const answer = (message: WorkerMessage): void => port.postMessage(message);

port.on('message', (request: ExtractRequest) => {
  extractSds(request.bytes).then(
    (result) => answer({ type: 'done', id: request.id, result, extractorVersion: EXTRACTOR_VERSION }),
    (err: unknown) => answer({ type: 'failed', id: request.id, message: err instanceof Error ? err.message : String(err) }),
  );
});
// Ready only once pdf.js is loaded: the pool starts a job's time budget when a ready worker receives it.
await preparePdfReader();
answer({ type: 'ready' });
