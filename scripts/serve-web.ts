/**
 * The browser preview of the task pane from the production build: serves dist/web on
 * http://127.0.0.1:3000 (or --port N). Open /taskpane.html, then «Открыть файл .xlsx».
 * Outside Excel the page works offline: Office.js failing to load means preview mode.
 *
 *   npm run build:web && npx tsx scripts/serve-web.ts [--port 3000]
 */
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { serveStatic } from "./static-server";

async function main(): Promise<void> {
  const dir = resolve(__dirname, "..", "dist", "web");
  if (!existsSync(join(dir, "taskpane.html"))) throw new Error("dist/web/taskpane.html is missing: run «npm run build:web» first");
  const i = process.argv.indexOf("--port");
  const port = i >= 0 ? Number(process.argv[i + 1]) : 3000;
  const { origin } = await serveStatic(dir, port);
  console.log(`Предпросмотр панели: ${origin}/taskpane.html (Ctrl+C — остановить)`);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
