#!/usr/bin/env node
// A tiny static file server over dist/ (node:http only), for `npm run serve` and the browser
// tests. PORT (default 8080) and ROOT (default dist/) come from the environment.
//   import { startServer } from './scripts/serve.mjs'; const { url, close } = await startServer({ port: 0 });

import { createServer } from 'node:http';
import { createReadStream, existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json', '.wasm': 'application/wasm', '.png': 'image/png',
  '.svg': 'image/svg+xml', '.ico': 'image/x-icon', '.txt': 'text/plain; charset=utf-8',
};

export function startServer({ port = Number(process.env.PORT ?? 8080), host = '127.0.0.1', root = resolve(here, '..', 'dist') } = {}) {
  const base = resolve(root);
  const server = createServer(async (req, res) => {
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') { res.writeHead(405).end(); return; }
      let path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
      if (path.endsWith('/')) path += 'index.html';
      const file = resolve(join(base, path));
      if (file !== base && !file.startsWith(base + sep)) { res.writeHead(403).end(); return; }
      const st = await stat(file).catch(() => null);
      if (!st || !st.isFile()) { res.writeHead(404, { 'content-type': 'text/plain' }).end('not found'); return; }
      res.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'content-length': st.size,
        'cache-control': 'no-cache',
      });
      if (req.method === 'HEAD') res.end(); else createReadStream(file).pipe(res);
    } catch {
      res.writeHead(400).end();
    }
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => {
      const { port: p } = server.address();
      ok({ server, port: p, url: `http://${host === '0.0.0.0' ? 'localhost' : host}:${p}/`, close: () => new Promise((r) => server.close(r)) });
    });
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  if (!existsSync(resolve(here, '..', 'dist', 'index.html'))) {
    console.error('serve: dist/index.html is missing: run `npm run build` first');
    process.exit(1);
  }
  startServer({ host: process.env.HOST ?? '127.0.0.1' }).then(({ url }) => {
    console.log(`Nonlinear Playground: ${url}  (serving dist/; Ctrl+C to stop)`);
  }, (err) => {
    console.error(`serve: ${err.message}`);
    process.exit(1);
  });
}
