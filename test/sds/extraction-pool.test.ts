import { expect } from 'chai';
import { createExtractionPool, type ExtractionPool, type PoolOutcome } from '../../src/sds/extraction-pool.js';
import { SystemError } from '../../src/shared/errors.js';
import { buildSdsPdf, defaultSpec } from '../support/sds-pdf/index.js';
import { BEHAVIOUR } from './fixtures/behaviour.js';

const MISBEHAVING = new URL('./fixtures/misbehaving-worker.ts', import.meta.url);
const BROKEN = new URL('./fixtures/broken-worker.ts', import.meta.url);

const job = (behaviour: number): Uint8Array => new Uint8Array([behaviour, 0x25, 0x50, 0x44, 0x46]);
/** The worker thread that answered (the stand-in names it in its message). */
const threadOf = (outcome: PoolOutcome): string => (outcome.ok ? '' : outcome.message);

describe(createExtractionPool.name, function () {
  // Workers start through tsx (a few hundred ms each).
  this.timeout(30_000);
  let pool: ExtractionPool | undefined;

  afterEach(async () => {
    await pool?.close();
    pool = undefined;
  });

  const open = (options: { size?: number; timeoutMs?: number; memoryMb?: number; entry?: URL } = {}): ExtractionPool =>
    (pool = createExtractionPool({ size: options.size ?? 1, timeoutMs: options.timeoutMs ?? 5_000, memoryMb: options.memoryMb ?? 256, entry: options.entry ?? MISBEHAVING }));

  it('when a job is answered, then the outcome is the worker\'s answer', async () => {
    // Act
    const outcome = await open().extract(job(BEHAVIOUR.answer));

    // Assert
    expect(outcome).to.deep.include({ ok: false, reason: 'empty' });
    expect(threadOf(outcome)).to.match(/^thread \d+$/);
  });

  it('when a job runs past its time budget, then it answers time-budget soon after the budget, and the next job gets a fresh worker', async () => {
    // Arrange
    const p = open({ timeoutMs: 300 });
    const first = await p.extract(job(BEHAVIOUR.answer));

    // Act
    const started = Date.now();
    const hung = await p.extract(job(BEHAVIOUR.hang));
    const elapsed = Date.now() - started;
    const next = await p.extract(job(BEHAVIOUR.answer));

    // Assert
    expect(hung).to.deep.include({ ok: false, reason: 'time-budget' });
    expect(hung.ok ? '' : hung.message).to.include('300 ms');
    expect(elapsed).to.be.within(250, 3_000);
    expect(next).to.deep.include({ ok: false, reason: 'empty' });
    expect(threadOf(next), 'the hung worker was replaced').to.not.equal(threadOf(first));
  });

  it('when a job exhausts its memory budget, then it answers memory-budget and the pool carries on', async () => {
    // Arrange
    const p = open({ memoryMb: 64 });

    // Act
    const greedy = await p.extract(job(BEHAVIOUR.exhaustMemory));
    const next = await p.extract(job(BEHAVIOUR.answer));

    // Assert
    expect(greedy).to.deep.include({ ok: false, reason: 'memory-budget' });
    expect(greedy.ok ? '' : greedy.message).to.include('64 MiB');
    expect(next).to.deep.include({ ok: false, reason: 'empty' });
  });

  it('when the worker crashes with an uncaught exception or exits, then the job answers worker-crashed and the pool carries on', async () => {
    // Arrange
    const p = open();

    // Act
    const thrown = await p.extract(job(BEHAVIOUR.throwUncaught));
    const exited = await p.extract(job(BEHAVIOUR.exit));
    const next = await p.extract(job(BEHAVIOUR.answer));

    // Assert
    expect(thrown).to.deep.include({ ok: false, reason: 'worker-crashed' });
    expect(exited).to.deep.include({ ok: false, reason: 'worker-crashed' });
    expect(next).to.deep.include({ ok: false, reason: 'empty' });
  });

  it('when the extractor throws instead of answering, then the job answers extractor-threw and the worker stays', async () => {
    // Arrange
    const p = open();
    const before = await p.extract(job(BEHAVIOUR.answer));

    // Act
    const thrown = await p.extract(job(BEHAVIOUR.reject));
    const after = await p.extract(job(BEHAVIOUR.answer));

    // Assert
    expect(thrown).to.deep.equal({ ok: false, reason: 'extractor-threw', message: 'the extractor threw' });
    expect(threadOf(after)).to.equal(threadOf(before));
  });

  it('when more jobs arrive than there are workers, then all are answered by at most `size` workers', async () => {
    // Arrange
    const p = open({ size: 2 });

    // Act
    const outcomes = await Promise.all(Array.from({ length: 7 }, () => p.extract(job(BEHAVIOUR.slow))));

    // Assert
    expect(outcomes.every((o) => !o.ok && o.reason === 'empty')).to.equal(true);
    expect(new Set(outcomes.map(threadOf)).size).to.be.within(1, 2);
  });

  it('when one job hangs, then jobs queued behind it are still answered by the other worker', async () => {
    // Arrange
    const p = open({ size: 2, timeoutMs: 2_000 });
    await Promise.all([p.extract(job(BEHAVIOUR.slow)), p.extract(job(BEHAVIOUR.slow))]); // both workers up

    // Act
    const hung = p.extract(job(BEHAVIOUR.hang));
    const started = Date.now();
    const others = await Promise.all([p.extract(job(BEHAVIOUR.answer)), p.extract(job(BEHAVIOUR.answer))]);
    const elapsed = Date.now() - started;

    // Assert
    expect(others.every((o) => !o.ok && o.reason === 'empty')).to.equal(true);
    expect(elapsed, 'the others did not wait for the hung job').to.be.below(1_500);
    expect(await hung).to.deep.include({ reason: 'time-budget' });
  });

  it('when the worker code cannot load, then the waiting job fails with a system error instead of respawning for ever', async () => {
    // Act
    let error: unknown;
    try {
      await open({ entry: BROKEN }).extract(job(BEHAVIOUR.answer));
    } catch (err) {
      error = err;
    }

    // Assert
    expect(error).to.be.instanceOf(SystemError);
    expect((error as Error).message).to.match(/could not start/);
  });

  it('when a fresh worker reads its first real SDS, then loading pdf.js is not charged to that job\'s time budget', async () => {
    // Arrange: the real extraction worker. Loading pdf.js in a new thread takes over a second here, and reading a
    // two-page generated SDS once loaded about a tenth of that, so a 1 s budget holds only if the load is not counted.
    pool = createExtractionPool({ size: 1, timeoutMs: 1_000, memoryMb: 256 });
    const sds = buildSdsPdf(defaultSpec('en')).bytes;

    // Act
    const outcome = await pool.extract(sds);

    // Assert
    expect(outcome.ok, JSON.stringify(outcome).slice(0, 300)).to.equal(true);
  });

  it('when the pool is closed, then running and queued jobs fail, and later jobs are refused', async () => {
    // Arrange
    const p = open({ timeoutMs: 10_000 });
    await p.extract(job(BEHAVIOUR.answer));
    const failureOf = (pending: Promise<unknown>) => pending.then(() => undefined, (err: unknown) => err);
    const running = failureOf(p.extract(job(BEHAVIOUR.hang)));
    const queued = failureOf(p.extract(job(BEHAVIOUR.answer)));

    // Act
    await p.close();
    const later = failureOf(p.extract(job(BEHAVIOUR.answer)));

    // Assert
    for (const error of await Promise.all([running, queued, later])) expect(error).to.be.instanceOf(SystemError);
  });
});
