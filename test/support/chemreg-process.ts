// The real chemreg (src/main.ts) as a child process, for the tests of start-up and shutdown and the reliability
// tests: started with a given environment, waited for until it listens or logs a line, and stopped the normal way
// (SIGTERM) or the hard way (SIGKILL).
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** One run of `node --import tsx src/main.ts`, with everything it wrote. */
export class ChemregProcess {
  stdout = '';
  stderr = '';
  readonly exited: Promise<Exit>;
  private exit: Exit | undefined;
  private readonly child: ChildProcess;
  private readonly waiters: Array<() => void> = [];

  constructor(readonly port: number, env: Record<string, string>) {
    this.child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: ROOT,
      // Empty values count as unset: nothing from the developer's shell (a MONGODB_URI above all) leaks into the run.
      env: { ...process.env, MONGODB_URI: '', CHEMREG_ADMIN_TOKEN: '', HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'info', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      this.stdout += chunk;
      this.notify();
    });
    this.child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
      this.stderr += chunk;
      this.notify();
    });
    this.exited = new Promise((resolve) => {
      this.child.once('exit', (code, signal) => {
        this.exit = { code, signal };
        this.notify();
        resolve(this.exit);
      });
    });
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get running(): boolean {
    return this.exit === undefined;
  }

  /** Every line written, stdout and stderr together. */
  get lines(): string[] {
    return `${this.stdout}\n${this.stderr}`.split('\n').filter((line) => line.trim() !== '');
  }

  /** The JSON log lines on stdout. */
  get logs(): Array<Record<string, unknown>> {
    return this.stdout
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  }

  private notify(): void {
    for (const waiter of this.waiters.splice(0)) waiter();
  }

  /** Resolves once a JSON log line satisfies `predicate`; fails if the process exits first or after `ms`. */
  async waitForLog(predicate: (log: Record<string, unknown>) => boolean, ms = 10_000): Promise<Record<string, unknown>> {
    const deadline = Date.now() + ms;
    for (;;) {
      const found = this.logs.find(predicate);
      if (found) return found;
      if (!this.running) throw new Error(`chemreg exited (${JSON.stringify(this.exit)}) first:\n${this.stdout}\n${this.stderr}`);
      if (Date.now() > deadline) throw new Error(`no such log line within ${ms} ms:\n${this.stdout}\n${this.stderr}`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 100);
      });
    }
  }

  /**
   * Resolves once chemreg logs that it listens. A first start loads the shipped lists (data/lists, ~1.5 MB of JSON)
   * before listening: a few seconds on a quiet 2-core machine, more when other work shares it.
   */
  async listening(ms = 30_000): Promise<void> {
    await this.waitForLog((log) => log.port === this.port && String(log.msg).startsWith('chemreg listening'), ms);
  }

  signal(signal: NodeJS.Signals): void {
    this.child.kill(signal);
  }

  /** SIGKILL at once (synchronously: callers use it at an exact point of a burst); the exit is awaited separately. */
  killNow(): void {
    if (this.running) this.child.kill('SIGKILL');
  }

  /** SIGTERM and wait for the exit. */
  async stop(): Promise<Exit> {
    if (this.running) this.child.kill('SIGTERM');
    return this.exited;
  }

  /** For after-hooks: make sure nothing outlives the test. */
  async kill(): Promise<void> {
    if (!this.running) return;
    this.child.kill('SIGKILL');
    await this.exited;
  }
}
