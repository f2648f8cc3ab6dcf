/**
 * A small web server on 127.0.0.1 for the packaging tests: serves folders under path prefixes
 * (a site in a sub-folder, an unzipped LMS package) and hands other requests to handlers (an LMS
 * that records what a package commits, an xAPI endpoint). Loopback only; stopped by the test.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.mp3': 'audio/mpeg',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.xml': 'application/xml',
};

export type Handler = (req: IncomingMessage, res: ServerResponse, body: string) => boolean | void;

export interface StaticServer {
  url: string;
  server: Server;
  /** Change a served file's text on the way out (e.g. a new version of sw.js). */
  rewrite?: (path: string, text: string) => string;
  close(): Promise<void>;
}

export async function startServer(mounts: Record<string, string>, handler?: Handler): Promise<StaticServer> {
  const result: StaticServer = { url: '', server: undefined as unknown as Server, close: async () => {} };
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      if (handler?.(req, res, body)) return;
      const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
      for (const [prefix, dir] of Object.entries(mounts)) {
        if (!path.startsWith(prefix)) continue;
        let file = normalize(join(dir, path.slice(prefix.length)));
        if (!file.startsWith(normalize(dir))) break;
        if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
        if (!existsSync(file)) break;
        const type = TYPES[extname(file)] ?? 'application/octet-stream';
        let data: Buffer | string = readFileSync(file);
        if (result.rewrite && type.startsWith('text/')) data = result.rewrite(path, data.toString('utf8'));
        res.writeHead(200, { 'content-type': type, 'cache-control': 'no-cache' });
        res.end(data);
        return;
      }
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  result.server = server;
  result.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  result.close = () => new Promise((resolve) => server.close(() => resolve()));
  return result;
}
