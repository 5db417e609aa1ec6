/* eslint-disable @typescript-eslint/no-require-imports */
// Builds the add-in's web part (task pane, ribbon command page) into dist/web.
// dist/ itself holds the command line's tsc output, so nothing here writes outside dist/web.
//
//   npx webpack --mode production              → dist/web (manifest.xml and icons copied)
//   npx webpack serve --mode development       → https://localhost:3000/taskpane.html
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");

const ROOT = __dirname;
const OUT = path.join(ROOT, "dist", "web");
const COMMANDS = path.join(ROOT, "src", "commands", "commands.ts");
const CSP =
  "default-src 'self'; script-src 'self' https://appsforoffice.microsoft.com; style-src 'self' 'unsafe-inline'; " +
  "img-src 'self' data:; connect-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'self'; form-action 'none'";
const COMMANDS_HTML = `<!doctype html>
<html lang="ru">
  <head>
    <meta charset="utf-8" />
    <meta http-equiv="Content-Security-Policy" content="${CSP}" />
    <title>Монитор ШНОР — команды</title>
    <script src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js"></script>
  </head>
  <body></body>
</html>
`;
const DEV_PORT = Number(process.env.SHNOR_DEV_PORT || 3000);

/**
 * HTTPS for the dev server: the office-addin dev certificate when `office-addin-dev-certs
 * install` has written it (toolchain.md, pitfall 7: its getHttpsServerOptions() rejects
 * here, so the files are read directly), else webpack-dev-server's own self-signed one.
 */
function devServerHttps() {
  const dir = path.join(os.homedir(), ".office-addin-dev-certs");
  const files = { key: "localhost.key", cert: "localhost.crt", ca: "ca.crt" };
  const found = Object.fromEntries(Object.entries(files).map(([k, f]) => [k, path.join(dir, f)]).filter(([, p]) => fs.existsSync(p)));
  if (found.key && found.cert) {
    const options = { key: fs.readFileSync(found.key), cert: fs.readFileSync(found.cert) };
    if (found.ca) options.ca = fs.readFileSync(found.ca);
    return { type: "https", options };
  }
  return { type: "https" };
}

module.exports = (_env, argv) => {
  const dev = argv.mode === "development";
  const hasCommands = fs.existsSync(COMMANDS);
  const entry = { taskpane: "./src/taskpane/index.tsx" };
  if (hasCommands) entry.commands = "./src/commands/commands.ts";

  return {
    mode: dev ? "development" : "production",
    context: ROOT,
    // No eval-based source maps: the pages' Content-Security-Policy forbids eval.
    devtool: "source-map",
    target: "web",
    entry,
    output: {
      path: OUT,
      filename: dev ? "[name].js" : "[name].[contenthash:8].js",
      chunkFilename: dev ? "[name].js" : "[name].[contenthash:8].js",
      publicPath: "auto",
      clean: true,
    },
    resolve: {
      extensions: [".tsx", ".ts", ".js"],
      alias: {
        // ExcelJS's browserified build without the core-js/regenerator polyfills (every
        // browser an Office add-in runs in has native async); webpack 5 has no Node
        // polyfills, and the Node entry (excel.js) needs fs, stream, crypto…
        exceljs$: path.join(ROOT, "node_modules", "exceljs", "dist", "exceljs.bare.min.js"),
      },
    },
    module: {
      // A self-contained UMD bundle: nothing for webpack to resolve inside it.
      noParse: /exceljs[\\/]dist[\\/]exceljs(\.bare)?(\.min)?\.js$/,
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: "ts-loader", options: { transpileOnly: true, compilerOptions: { module: "esnext", sourceMap: true, noEmit: false } } },
        },
      ],
    },
    optimization: {
      // One runtime per page: when taskpane.html also loads the ribbon command code
      // (shared runtime), both entries share module instances (one orchestrator).
      runtimeChunk: "single",
      splitChunks: {
        cacheGroups: {
          // The preview's ExcelJS, in a chunk of its own name (loaded only outside Excel).
          exceljs: { test: /[\\/]node_modules[\\/]exceljs[\\/]/, name: "exceljs", chunks: "async", enforce: true },
        },
      },
    },
    performance: {
      // The preview's ExcelJS chunk (~0.9 MB) is loaded only outside Excel.
      hints: dev ? false : "warning",
      maxEntrypointSize: 600 * 1024,
      maxAssetSize: 1024 * 1024,
      assetFilter: (file) => file.endsWith(".js"),
    },
    plugins: [
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        // Shared runtime: the ribbon's ExecuteFunction runs in this page, so the command
        // code is loaded here too (it must not assume Office is present: the preview).
        chunks: hasCommands ? ["taskpane", "commands"] : ["taskpane"],
        chunksSortMode: "manual",
        scriptLoading: "defer",
      }),
      ...(hasCommands
        ? [
            new HtmlWebpackPlugin({
              filename: "commands.html",
              // Generated here (src/commands belongs to the command code): office.js, then the bundle.
              templateContent: COMMANDS_HTML,
              chunks: ["commands"],
              scriptLoading: "defer",
            }),
          ]
        : []),
      new CopyWebpackPlugin({
        patterns: [
          { from: "manifest.xml", to: "manifest.xml", noErrorOnMissing: true },
          { from: "assets/icons", to: "assets/icons", noErrorOnMissing: true },
          { from: "src/help/help.html", to: "help.html" },
        ],
      }),
    ],
    devServer: {
      host: "localhost",
      port: DEV_PORT,
      server: devServerHttps(),
      hot: false,
      liveReload: true,
      static: false,
      headers: { "Cache-Control": "no-store" },
      client: { overlay: { errors: true, warnings: false } },
    },
  };
};
