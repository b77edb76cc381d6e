#!/usr/bin/env node
// The CLI is built with the app (`npm run build`) into out/main/cli.js.
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const built = join(__dirname, '..', 'out', 'main', 'cli.js');
if (!existsSync(built)) {
  process.stderr.write('lexdesk: run `npm run build` first (out/main/cli.js is missing).\n');
  process.exit(1);
}
require(built);
