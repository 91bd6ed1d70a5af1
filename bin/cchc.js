#!/usr/bin/env node
'use strict';
// Runs the compiled CLI (dist/, built by `npm run build:cli`, which `npm ci` runs through "prepare").
var path = require('path');
var fs = require('fs');
var main = path.join(__dirname, '..', 'dist', 'cli', 'main.js');
if (!fs.existsSync(main)) {
  process.stderr.write(
    'Chưa biên dịch công cụ cchc. Hãy chạy: npm run build:cli\n' +
      'The cchc tool is not compiled yet. Run: npm run build:cli\n'
  );
  process.exit(2);
}
// A reader that stops early (`cchc check … | head`) closes the pipe: that is not an error to report.
process.stdout.on('error', function (e) {
  if (e && e.code === 'EPIPE') process.exit(process.exitCode || 0);
  throw e;
});
var cli = require(main);
cli.run(process.argv.slice(2), cli.processIo()).then(
  function (code) {
    process.exitCode = code;
  },
  function () {
    process.stderr.write('Lỗi không mong đợi. / Unexpected error.\n');
    process.exitCode = 2;
  }
);
