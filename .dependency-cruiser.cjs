// The architecture as named rules, each with its reason (ARCHITECTURE.md draws the same picture).
// `npm run lint` runs them; a new arrow that breaks one fails the lint.

/** The core's floors, lowest first: a floor may import its own and those below, never above. */
const FLOORS = ['model|text', 'sheets', 'check', 'features'];

const floorRules = FLOORS.slice(0, -1).map((floor, i) => ({
  name: `core-${floor.split('|')[0]}-below-${FLOORS[i + 1]}`,
  comment: `src/core/${floor} sits below ${FLOORS.slice(i + 1).join(', ')}: the core reads as floors, nothing runs back up.`,
  severity: 'error',
  from: { path: `^src/core/(${floor})/` },
  to: { path: `^src/core/(${FLOORS.slice(i + 1).join('|')})/` },
}));

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'An import circle makes two modules one: neither can be read, tested or moved alone.',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'core-is-pure',
      comment: 'The core runs in the task pane, in Node and in tests alike (DESIGN.md §2): no adapter, surface, library or Node API.',
      severity: 'error',
      from: { path: '^src/core/' },
      to: { path: ['^src/(adapters|cli|taskpane|commands)/', 'node_modules/(exceljs|jszip|commander)/'] },
    },
    {
      name: 'core-no-node',
      comment: 'Node APIs do not exist in the task pane.',
      severity: 'error',
      from: { path: '^src/core/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'adapters-apart',
      comment: 'The exceljs and Office.js adapters translate the same plan for different hosts; neither needs the other.',
      severity: 'error',
      from: { path: '^src/adapters/(exceljs|officejs)/' },
      to: { path: '^src/adapters/(exceljs|officejs)/', pathNot: '^src/adapters/$1/' },
    },
    {
      name: 'adapters-below-surfaces',
      comment: 'Adapters serve the CLI and the pane, never the other way round.',
      severity: 'error',
      from: { path: '^src/adapters/' },
      to: { path: '^src/(cli|taskpane|commands)/' },
    },
    {
      name: 'pane-without-exceljs',
      comment: 'exceljs and Node stay out of the task-pane bundle: it must load fast in Excel, IE11 included.',
      severity: 'error',
      from: { path: '^src/(taskpane|commands)/' },
      to: { path: ['^src/adapters/exceljs/', '^src/cli/', 'node_modules/(exceljs|jszip|commander)/'] },
    },
    {
      name: 'pane-without-node-texts',
      comment: 'The command line\'s texts and those of files on disk stay out of the pane\'s bundle (core/text/node adds them).',
      severity: 'error',
      from: { path: '^src/(taskpane|commands|adapters/officejs)/' },
      to: { path: '^src/core/text/node\\.ts$' },
    },
    {
      name: 'pane-without-node',
      comment: 'Node APIs do not exist in the task pane.',
      severity: 'error',
      from: { path: '^src/(taskpane|commands)/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'cli-without-officejs',
      comment: 'The CLI works on files through exceljs; Office.js exists only inside Excel.',
      severity: 'error',
      from: { path: '^src/cli/' },
      to: { path: ['^src/adapters/officejs/', '^src/taskpane/', '^src/commands/'] },
    },
    ...floorRules,
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Type-only imports are arrows too: a circle of types is still a circle for the reader.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '\\.json$' },
  },
};
