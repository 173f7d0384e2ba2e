// The engine thread's body (see thread.ts): starts the engine with the options it was given, reports when it accepts
// connections, and closes it (log flushed, lock released) when asked.
import { parentPort, workerData } from 'node:worker_threads';
import { startEngine, type EngineOptions } from './index.js';
import { DataDirLockedError } from './persistence/lock.js';
import type { FromEngineThread, ToEngineThread } from './thread-protocol.js';

const port = parentPort!;
const send = (message: FromEngineThread): void => port.postMessage(message);

function failure(err: unknown): FromEngineThread {
  const e = err instanceof Error ? err : new Error(String(err));
  return {
    type: 'failed', name: e.name, message: e.message, ...(e.stack !== undefined ? { stack: e.stack } : {}),
    ...(e instanceof DataDirLockedError ? { locked: { dir: e.dir, owner: e.owner } } : {}),
  };
}

try {
  const engine = await startEngine(workerData as EngineOptions);
  port.on('message', (message: ToEngineThread) => {
    if (message.type !== 'close') return;
    engine.close().then(
      () => {
        send({ type: 'closed' });
        port.close();
      },
      (err: unknown) => {
        send(failure(err));
        port.close();
      },
    );
  });
  send({ type: 'ready', uri: engine.uri, port: engine.port, ...(engine.recovery !== undefined ? { recovery: engine.recovery } : {}) });
} catch (err) {
  send(failure(err));
  port.close();
}
