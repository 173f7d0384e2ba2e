import { expect } from 'chai';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MongoClient } from 'mongodb';
import { startEngine } from '../../../src/storage/engine/index.js';
import { DataDirLockedError } from '../../../src/storage/engine/persistence/lock.js';
import { startEngineThread } from '../../../src/storage/engine/thread.js';

async function withClient<T>(uri: string, use: (client: MongoClient) => Promise<T>): Promise<T> {
  const client = new MongoClient(uri, { serverSelectionTimeoutMS: 5000 });
  try {
    await client.connect();
    return await use(client);
  } finally {
    await client.close();
  }
}

describe('engine thread', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'chemreg-thread-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('when started in its own thread, then clients write and read through it, and a restart on the same directory recovers what was acknowledged', async () => {
    const first = await startEngineThread({ dataDir: dir });
    await withClient(first.uri, (client) => client.db('d').collection('items').insertMany([{ _id: 1, name: 'a' } as never, { _id: 2, name: 'b' } as never]));
    await first.close();

    const second = await startEngineThread({ dataDir: dir });
    try {
      expect(second.recovery?.records).to.be.greaterThan(0);
      const names = await withClient(second.uri, (client) => client.db('d').collection('items').find({}, { sort: { _id: 1 } }).toArray());
      expect(names.map((d) => d.name as string)).to.deep.equal(['a', 'b']);
    } finally {
      await second.close();
    }
  });

  it('when the data directory is held by an engine of this process, then a second engine fails with DataDirLockedError and the first keeps serving', async () => {
    const holder = await startEngineThread({ dataDir: dir });
    try {
      let threadErr: unknown;
      await startEngineThread({ dataDir: join(dir, '.') }).catch((err: unknown) => (threadErr = err));
      expect(threadErr).to.be.instanceOf(DataDirLockedError);
      let inlineErr: unknown;
      await startEngine({ dataDir: dir }).catch((err: unknown) => (inlineErr = err));
      expect(inlineErr).to.be.instanceOf(DataDirLockedError);
      expect(await withClient(holder.uri, async (client) => (await client.db('admin').command({ ping: 1 })).ok as number)).to.equal(1);
    } finally {
      await holder.close();
    }
    // Closing released the directory.
    const next = await startEngineThread({ dataDir: dir });
    await next.close();
  });

  it('when the directory is held by an engine running in this thread, then a thread engine is refused too', async () => {
    const inline = await startEngine({ dataDir: dir });
    try {
      let err: unknown;
      await startEngineThread({ dataDir: dir }).catch((e: unknown) => (err = e));
      expect(err).to.be.instanceOf(DataDirLockedError);
    } finally {
      await inline.close();
    }
  });

  it('when the engine cannot open its data directory, then starting fails with the reason and nothing is left reserved', async () => {
    const file = join(dir, 'not-a-directory');
    await writeFile(file, 'x');
    let err: unknown;
    await startEngineThread({ dataDir: file }).catch((e: unknown) => (err = e));
    expect(err).to.be.instanceOf(Error);
    expect((err as Error).message).to.match(/EEXIST|ENOTDIR|not a directory/i);
    await rm(file);
    const engine = await startEngineThread({ dataDir: file });
    await engine.close();
  });
});
