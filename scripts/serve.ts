// A tiny static server for built sites, behaving like a typical static host:
// /dir -> 301 /dir/, /dir/ -> /dir/index.html, unknown paths -> /404.html with status 404,
// and text compressed on the fly (brotli or gzip, as the request's Accept-Encoding allows),
// as Netlify, Cloudflare or GitHub Pages serve it.
//   node scripts/serve.ts <dir> <port> [--no-compress]
// --no-compress serves every response uncompressed (a host that does not compress); a request
// with `Accept-Encoding: identity` gets that too.
import { createReadStream, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { constants, createBrotliCompress, createGzip } from 'node:zlib';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { 'no-compress': { type: 'boolean', default: false } } });
const root = resolve(positionals[0] ?? 'dist');
const port = Number(positionals[1] ?? 4321);
const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css',
  '.json': 'application/json', '.txt': 'text/plain; charset=utf-8', '.ts': 'text/plain; charset=utf-8', '.svg': 'image/svg+xml',
  '.xml': 'application/xml', '.png': 'image/png', '.ico': 'image/x-icon', '.woff2': 'font/woff2', '.wasm': 'application/wasm',
  '.pf_meta': 'application/octet-stream', '.pf_fragment': 'application/octet-stream', '.pf_index': 'application/octet-stream',
};
// What hosts compress: text. Images, fonts and Pagefind's fragments are compressed already.
const compressible = /^(text\/|application\/(json|xml|wasm)|image\/svg)/;
const isFile = (p: string) => { try { return statSync(p).isFile(); } catch { return false; } };
const isDir = (p: string) => { try { return statSync(p).isDirectory(); } catch { return false; } };
const sizeOf = (p: string) => { try { return statSync(p).size; } catch { return 0; } };

/** The encoding to send: br before gzip (as hosts prefer it), none unless accepted with q > 0. */
function chooseEncoding(acceptEncoding: string | undefined): 'br' | 'gzip' | undefined {
  const q = new Map<string, number>();
  for (const part of (acceptEncoding ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const qp = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const weight = qp ? Number(qp.slice(2)) : 1;
    if (name) q.set(name, Number.isFinite(weight) ? weight : 0);
  }
  const accepts = (e: string) => (q.get(e) ?? q.get('*') ?? 0) > 0;
  return accepts('br') ? 'br' : accepts('gzip') ? 'gzip' : undefined;
}

// Streaming compression at the levels hosts use on the fly (brotli 4, gzip 6): the page
// still arrives progressively, and the first bytes are not held for the whole file.
const compressor = (encoding: 'br' | 'gzip', size: number) =>
  encoding === 'br'
    ? createBrotliCompress({ params: { [constants.BROTLI_PARAM_QUALITY]: 4, [constants.BROTLI_PARAM_SIZE_HINT]: size } })
    : createGzip({ level: 6 });

createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://x');
  let path: string;
  try {
    path = normalize(decodeURIComponent(url.pathname));
  } catch {
    res.writeHead(400).end(); // a malformed %-escape (/%ff): the client's error, not the server's end
    return;
  }
  let file = join(root, path);
  if (!file.startsWith(root)) { res.writeHead(403).end(); return; }
  if (isDir(file)) {
    if (!path.endsWith('/')) { res.writeHead(301, { Location: `${path}/${url.search}` }).end(); return; }
    file = join(file, 'index.html');
  }
  let status = 200;
  if (!isFile(file)) { status = 404; file = join(root, '404.html'); }
  const type = types[extname(file)] ?? 'application/octet-stream';
  const encoding = values['no-compress'] || !compressible.test(type) ? undefined : chooseEncoding(req.headers['accept-encoding']);
  res.writeHead(status, { 'Content-Type': type, ...(encoding ? { 'Content-Encoding': encoding } : {}), Vary: 'Accept-Encoding' });
  const body = createReadStream(file).on('error', () => res.destroy());
  if (!encoding) { body.pipe(res); return; }
  body.pipe(compressor(encoding, sizeOf(file)).on('error', () => res.destroy())).pipe(res);
}).listen(port, '127.0.0.1', () => console.log(`serving ${root} on http://localhost:${port}${values['no-compress'] ? ' (uncompressed)' : ''}`));
