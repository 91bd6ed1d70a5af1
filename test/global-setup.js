// Compiles the CLI once so tests that run `bin/cchc.js` as a user would see the current code.
const { execFileSync } = require('child_process');
const path = require('path');

module.exports = async function globalSetup() {
  const root = path.join(__dirname, '..');
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.cli.json'], {
    cwd: root,
    stdio: 'inherit',
  });
};
