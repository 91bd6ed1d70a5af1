// The fast, engine-free suites that state the behaviour of the verdict, points and check modules:
// what `npm run mutation` (StrykerJS) runs against each mutant. No LibreOffice, no browser, no files.
const base = require('./jest.config.js');

/** @type {import('jest').Config} */
module.exports = {
  ...base,
  globalSetup: undefined,
  testMatch: [
    '**/test/verdict.test.ts',
    '**/test/points.test.ts',
    '**/test/check.test.ts',
    '**/test/check-rows.test.ts',
    '**/test/check-shown.test.ts',
    '**/test/check-register.test.ts',
    '**/test/check-report.test.ts',
    '**/test/kinds-workbook.test.ts',
    '**/test/evidence-register.test.ts',
    '**/test/appraisal.test.ts',
    '**/test/summary-layout.test.ts',
  ],
};
