// How chemreg serves its web interface: the page at "/", its hashed assets cached for good, and a clear answer when
// the interface has not been built.
import { expect } from 'chai';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import { serveWebInterface } from '../../src/web/web.routes.js';

describe('web interface serving', () => {
  let dir: string;
  let server: ReturnType<ReturnType<typeof express>['listen']>;
  let base: string;

  const start = async (dist: string) => {
    const app = express();
    serveWebInterface(app, dist);
    app.use((_req, res) => void res.status(404).json({ code: 'NOT_FOUND' }));
    server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  };

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'chemreg-web-'));
  });

  afterEach(async () => {
    await new Promise((resolve) => server.close(resolve));
    await rm(dir, { recursive: true, force: true });
  });

  it('when the interface is built, then "/" is its page (asked for again each time) and assets are cached for good', async () => {
    // Arrange
    await mkdir(join(dir, 'assets'));
    await writeFile(join(dir, 'index.html'), '<!doctype html><title>chemreg</title>');
    await writeFile(join(dir, 'assets', 'index-abc123.js'), 'console.log(1)');
    await start(dir);

    // Act
    const page = await fetch(`${base}/`);
    const asset = await fetch(`${base}/assets/index-abc123.js`);
    const missing = await fetch(`${base}/assets/nothing.js`);
    const other = await fetch(`${base}/search`);

    // Assert
    expect(page.status).to.equal(200);
    expect(page.headers.get('content-type')).to.include('text/html');
    expect(page.headers.get('cache-control')).to.equal('no-cache');
    expect(asset.status).to.equal(200);
    expect(asset.headers.get('cache-control')).to.include('immutable');
    expect(missing.status).to.equal(404);
    expect(other.status, 'pages are addressed by hash; other paths are the API\'s 404').to.equal(404);
  });

  it('when the interface has not been built, then "/" says how to build it (503)', async () => {
    // Arrange
    await start(join(dir, 'not-built'));

    // Act
    const page = await fetch(`${base}/`);

    // Assert
    expect(page.status).to.equal(503);
    expect(await page.text()).to.include('npm run build:web');
  });
});
