// A TCP proxy between chemreg and its storage, so that a test can take the network away and give it back: `cut()`
// resets every open connection and refuses new ones (as a stopped or unreachable mongod does), `restore()` forwards
// again on the same port, so the client's connection string stays valid.
import { createConnection, createServer, type AddressInfo, type Server, type Socket } from 'node:net';

export class TcpProxy {
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();
  private listeningPort = 0;

  private constructor(private readonly target: { host: string; port: number }) {}

  /** Listens on 127.0.0.1 (a free port unless `port` is given) and forwards to `target`. */
  static async start(target: { host: string; port: number }, port = 0): Promise<TcpProxy> {
    const proxy = new TcpProxy(target);
    await proxy.listen(port);
    return proxy;
  }

  get port(): number {
    return this.listeningPort;
  }

  /** Connections currently forwarded (both halves counted once). */
  get openConnections(): number {
    return this.sockets.size / 2;
  }

  private async listen(port: number): Promise<void> {
    const server = createServer((client) => {
      const upstream = createConnection(this.target);
      this.track(client);
      this.track(upstream);
      client.pipe(upstream);
      upstream.pipe(client);
      // Either side failing or ending takes the other with it, as a broken route would.
      const drop = (): void => {
        client.destroy();
        upstream.destroy();
      };
      client.once('error', drop).once('close', drop);
      upstream.once('error', drop).once('close', drop);
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
    this.server = server;
    this.listeningPort = (server.address() as AddressInfo).port;
  }

  private track(socket: Socket): void {
    this.sockets.add(socket);
    socket.once('close', () => this.sockets.delete(socket));
  }

  /** Resets every open connection and stops listening: new connections are refused (ECONNREFUSED). */
  async cut(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    const closed = server ? new Promise<void>((resolve) => server.close(() => resolve())) : Promise.resolve();
    for (const socket of this.sockets) socket.resetAndDestroy();
    await closed;
  }

  /** Forwards again, on the same port. */
  async restore(): Promise<void> {
    if (!this.server) await this.listen(this.listeningPort);
  }

  async close(): Promise<void> {
    await this.cut();
  }
}
