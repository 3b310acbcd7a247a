#!/usr/bin/env node
// Thin launcher: the CLI is compiled from src/cli into lib/ by `npm run build:cli`.
require('../lib/cli/main.js').main(process.argv.slice(2)).then((code) => { process.exitCode = code; });
