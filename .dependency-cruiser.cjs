/**
 * Which folders may import which (issue 17): `npm test` runs `depcruise` with these rules and
 * fails on any violation. lib/ is layered, each room importing only the ones below it:
 *
 *   i18n <- project <- data <- compiler <- export <- quality <- train <- classroom <- store
 *
 * (a room may skip layers downward, never import upward), and lib/ never imports components/ or app/.
 */
const LIB_ORDER = ['i18n', 'project', 'data', 'compiler', 'export', 'quality', 'train', 'classroom', 'store'];

/** A rule per room: nothing above it in LIB_ORDER. */
const layers = LIB_ORDER.slice(0, -1).map((room, i) => ({
  name: `lib-${room}-imports-downward`,
  comment: `lib/${room} may import only ${LIB_ORDER.slice(0, i + 1).join(', ')} (and messages/)`,
  severity: 'error',
  from: { path: `^lib/${room}/` },
  to: { path: `^lib/(${LIB_ORDER.slice(i + 1).join('|')})/` },
}));

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'Modules that import each other, directly or around a loop, cannot be read or changed one at a time.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'lib-not-to-ui',
      comment: 'lib/ is the pure core: it runs in Node and in the worker, without React or the app.',
      severity: 'error',
      from: { path: '^lib/' },
      to: { path: '^(components|app)/' },
    },
    {
      name: 'components-not-to-app',
      comment: 'Routes assemble components, never the other way round.',
      severity: 'error',
      from: { path: '^components/' },
      to: { path: '^app/' },
    },
    ...layers,
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|\\.next|public|test-results)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'],
    },
  },
};
