#!/usr/bin/env node
// `npm run docs`: refreshes the pictures in docs/ by running the tests that render them (those that
// call keepForDocs) with CCHC_UPDATE_DOCS=1. They need LibreOffice and Chromium, as under CI.
'use strict';
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const root = path.join(__dirname, '..');
const testDir = path.join(root, 'test');
const files = fs.readdirSync(testDir)
  .filter((f) => f.endsWith('.test.ts') && fs.readFileSync(path.join(testDir, f), 'utf8').indexOf('keepForDocs(') >= 0)
  .map((f) => path.join('test', f));
if (!files.length) {
  process.stderr.write('No test renders pictures for docs/ (none calls keepForDocs).\n');
  process.exit(1);
}
process.stdout.write('Rendering the pictures of docs/ from: ' + files.join(', ') + '\n');
const jest = require.resolve('jest/bin/jest');
const result = spawnSync(process.execPath, [jest, '--runInBand', ...files], {
  cwd: root,
  stdio: 'inherit',
  // CI=true: a missing engine fails instead of silently leaving the old pictures.
  env: Object.assign({}, process.env, { CCHC_UPDATE_DOCS: '1', CI: 'true' }),
});
process.exit(result.status === null ? 1 : result.status);
