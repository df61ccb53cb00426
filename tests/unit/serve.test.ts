// scripts/serve.ts, the static host the browser tests use: a hostile URL is answered, not fatal.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { get } from 'node:http';
import { after, test } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { freePort } from '../helpers/dev-server.ts';

const site = mkdtempSync(join(tmpdir(), 'serve-'));
writeFileSync(join(site, 'index.html'), '<h1>home</h1>');
writeFileSync(join(site, 'logo.png'), 'not really a png');
after(() => rmSync(site, { recursive: true, force: true }));

async function serving<T>(args: string[], use: (port: number) => Promise<T>): Promise<T> {
  const port = await freePort();
  const server = spawn(process.execPath, ['scripts/serve.ts', site, String(port), ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    await new Promise((ok) => server.stdout!.once('data', ok));
    return await use(port);
  } finally {
    server.kill();
  }
}

/** The raw response (fetch would decode it): its Content-Encoding and bytes. */
function raw(port: number, path: string, acceptEncoding?: string) {
  return new Promise<{ encoding?: string; vary?: string; body: Buffer }>((ok, fail) => {
    get({ host: '127.0.0.1', port, path, headers: acceptEncoding === undefined ? {} : { 'Accept-Encoding': acceptEncoding } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => ok({ encoding: res.headers['content-encoding'], vary: res.headers.vary, body: Buffer.concat(chunks) }));
    }).on('error', fail);
  });
}

test('text is compressed as the request allows: brotli first, then gzip, else none', async () => {
  await serving([], async (port) => {
    const br = await raw(port, '/', 'gzip, deflate, br, zstd');
    assert.equal(br.encoding, 'br');
    assert.equal(br.vary, 'Accept-Encoding');
    assert.equal(brotliDecompressSync(br.body).toString(), '<h1>home</h1>');
    const gz = await raw(port, '/', 'gzip;q=0.8, br;q=0');
    assert.equal(gz.encoding, 'gzip');
    assert.equal(gunzipSync(gz.body).toString(), '<h1>home</h1>');
    for (const accept of [undefined, 'identity', 'br;q=0, gzip;q=0', '*;q=0']) {
      const plain = await raw(port, '/', accept);
      assert.equal(plain.encoding, undefined, String(accept));
      assert.equal(plain.body.toString(), '<h1>home</h1>');
    }
    // Images are compressed already: hosts send them as they are.
    const png = await raw(port, '/logo.png', 'br, gzip');
    assert.equal(png.encoding, undefined);
  });
});

test('--no-compress serves every response uncompressed (a host that does not compress)', async () => {
  await serving(['--no-compress'], async (port) => {
    const r = await raw(port, '/', 'gzip, br');
    assert.equal(r.encoding, undefined);
    assert.equal(r.body.toString(), '<h1>home</h1>');
  });
});

test('a malformed percent-encoding (/%ff) is a 400, and the server keeps serving', async () => {
  const port = await freePort();
  const server = spawn(process.execPath, ['scripts/serve.ts', site, String(port)], { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    await new Promise((ok) => server.stdout!.once('data', ok));
    const bad = await fetch(`http://127.0.0.1:${port}/%ff`);
    await bad.text();
    assert.equal(bad.status, 400);
    const home = await fetch(`http://127.0.0.1:${port}/`);
    assert.equal(home.status, 200);
    assert.equal(await home.text(), '<h1>home</h1>');
  } finally {
    server.kill();
  }
});
