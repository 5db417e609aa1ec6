#!/usr/bin/env node
// The package's command line: the compiled CLI lives in dist/ (built by `npm install` via "prepare").
require("../dist/cli/main.js").runCli(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
