// TCP front of the engine: frames messages, answers the legacy OP_QUERY handshake with OP_REPLY
// and everything else with OP_MSG, one request at a time per connection (as mongod does).
import type { Document } from 'bson';
import { createServer, type Server, type Socket } from 'node:net';
import { MAX_MESSAGE_SIZE } from './commands/admin.js';
import { errorReply, type EngineCore } from './engine.js';
import { EngineError } from './errors.js';
import { encodeOpMsgReply, encodeOpReply, MessageReader, parseMessage } from './wire/protocol.js';

export interface WireServer {
  readonly port: number;
  close(): Promise<void>;
}

// Commands the legacy OP_QUERY path accepts: only the handshake, as in MongoDB 6+.
const LEGACY_COMMANDS = new Set(['ismaster', 'isMaster', 'hello']);

export async function listen(core: EngineCore, host: string, port: number): Promise<WireServer> {
  const sockets = new Set<Socket>();
  let nextConnectionId = 1;

  const server: Server = createServer((socket) => {
    sockets.add(socket);
    core.connections++;
    const connectionId = nextConnectionId++;
    const reader = new MessageReader(MAX_MESSAGE_SIZE + 1024);
    let chain: Promise<void> = Promise.resolve();
    socket.setNoDelay(true);

    const handle = async (buf: Buffer): Promise<void> => {
      const req = parseMessage(buf);
      if (req.kind === 'query') {
        let query = req.query;
        if (query.$query && typeof query.$query === 'object') query = query.$query as Document;
        const name = Object.keys(query)[0] ?? '';
        const db = req.fullCollectionName.split('.')[0] ?? 'admin';
        const reply = LEGACY_COMMANDS.has(name)
          ? await core.execute({ ...query, $db: db }, connectionId)
          : errorReply(new EngineError('CommandNotSupported', `OP_QUERY is only supported for the handshake, not '${name}'`));
        if (!socket.destroyed) socket.write(encodeOpReply(req.header.requestId, reply));
        return;
      }
      const reply = await core.execute(req.command, connectionId);
      if (!req.moreToCome && !socket.destroyed) socket.write(encodeOpMsgReply(req.header.requestId, reply));
    };

    socket.on('data', (chunk: Buffer) => {
      let messages: Buffer[];
      try {
        messages = reader.push(chunk);
      } catch {
        socket.destroy();
        return;
      }
      for (const m of messages) {
        chain = chain.then(() => handle(m)).catch(() => {
          socket.destroy();
        });
      }
    });
    socket.on('error', () => socket.destroy());
    socket.on('close', () => {
      sockets.delete(socket);
      core.connections--;
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;

  return {
    port: actualPort,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const s of sockets) s.destroy();
      }),
  };
}
