// A tiny static server for built sites, behaving like a typical static host:
// /dir -> 301 /dir/, /dir/ -> /dir/index.html, unknown paths -> /404.html with status 404.
//   node scripts/serve.ts <dir> <port>
import { createReadStream, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';

const root = resolve(process.argv[2] ?? 'dist');
const port = Number(process.argv[3] ?? 4321);
const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css',
  '.json': 'application/json', '.txt': 'text/plain; charset=utf-8', '.ts': 'text/plain; charset=utf-8', '.svg': 'image/svg+xml',
  '.xml': 'application/xml', '.png': 'image/png', '.ico': 'image/x-icon', '.woff2': 'font/woff2', '.wasm': 'application/wasm',
  '.pf_meta': 'application/octet-stream', '.pf_fragment': 'application/octet-stream', '.pf_index': 'application/octet-stream',
};
const isFile = (p: string) => { try { return statSync(p).isFile(); } catch { return false; } };
const isDir = (p: string) => { try { return statSync(p).isDirectory(); } catch { return false; } };

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
  res.writeHead(status, { 'Content-Type': types[extname(file)] ?? 'application/octet-stream' });
  createReadStream(file).on('error', () => res.destroy()).pipe(res);
}).listen(port, '127.0.0.1', () => console.log(`serving ${root} on http://localhost:${port}`));
