// scripts/serve.ts, the static host the browser tests use: a hostile URL is answered, not fatal.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { freePort } from '../helpers/dev-server.ts';

const site = mkdtempSync(join(tmpdir(), 'serve-'));
writeFileSync(join(site, 'index.html'), '<h1>home</h1>');
after(() => rmSync(site, { recursive: true, force: true }));

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
