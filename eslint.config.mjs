// ESLint for src/ and test/ (npm run lint runs tsc first, so type errors are reported there).
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

// TypeScript itself reports undefined names in .ts files; these lists serve the few .js files.
const NODE_GLOBALS = { require: 'readonly', module: 'writable', exports: 'writable', __dirname: 'readonly', process: 'readonly', console: 'readonly' };

export default defineConfig(
  { ignores: ['node_modules/', 'dist/', 'dist-web/', 'build-tsc/', 'coverage/', 'test/.tmp/'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // Sniffing file formats matches binary bytes (\x00...) on purpose.
      'no-control-regex': 'off',
    },
  },
  {
    files: ['**/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: NODE_GLOBALS },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // The core runs in the pane, in Node and in tests alike (DESIGN.md §2).
    files: ['src/core/**'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['exceljs', 'commander', '../excel/*', '../xlsx/*', '**/adapters/**', '**/excel/**', '**/cli/**', '**/taskpane/**', '../cli/*', '../taskpane/*'], message: 'src/core must stay free of Office.js, exceljs, Node and the UI.' },
          { group: ['fs', 'path', 'os', 'child_process', 'node:*'], message: 'src/core must not use Node APIs: it also runs in the task pane.' },
        ],
      }],
    },
  },
  {
    // The pane gets its workbook as a WorkbookPort; one wrapper in src/adapters/officejs owns Excel.run.
    files: ['src/taskpane/**', 'src/commands/**'],
    rules: {
      'no-restricted-syntax': ['error', {
        selector: "CallExpression[callee.object.name='Excel'][callee.property.name='run']",
        message: 'Use the WorkbookPort passed to the pane; Excel.run belongs in src/adapters/officejs.',
      }],
    },
  },
);
