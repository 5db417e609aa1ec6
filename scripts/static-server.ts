/** A tiny static file server (no dependencies) for the built task pane in dist/web. */
import { existsSync, readFileSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize, sep } from "node:path";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".map": "application/json",
  ".txt": "text/plain; charset=utf-8",
  ".png": "image/png",
  ".xml": "application/xml",
};

export interface StaticServer {
  server: Server;
  origin: string;
  close(): Promise<void>;
}

/** Serves `dir` on `host` (127.0.0.1) and `port` (0 = a free one); nothing outside `dir`. */
export async function serveStatic(dir: string, port = 0, host = "127.0.0.1"): Promise<StaticServer> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", `http://${host}`);
    const path = normalize(join(dir, decodeURIComponent(url.pathname === "/" ? "/taskpane.html" : url.pathname)));
    if (!path.startsWith(dir + sep) || !existsSync(path) || !statSync(path).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "Content-Type": TYPES[extname(path)] ?? "application/octet-stream", "Cache-Control": "no-store" });
    res.end(readFileSync(path));
  });
  await new Promise<void>((ok, fail) => {
    server.once("error", fail);
    server.listen(port, host, ok);
  });
  const origin = `http://${host}:${(server.address() as AddressInfo).port}`;
  return { server, origin, close: () => new Promise<void>((ok) => server.close(() => ok())) };
}
