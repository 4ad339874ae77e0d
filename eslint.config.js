// @ts-check
import { fileURLToPath } from 'node:url'
import js from '@eslint/js'
import boundaries from 'eslint-plugin-boundaries'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'

/**
 * The folder layering of docs/architecture.md, enforced on the file each import resolves to
 * (eslint-plugin-boundaries), so `../../shared/x` and `@shared/x` are the same import and a
 * relative path that stays inside an allowed folder is never flagged by its spelling.
 * test/lint/boundaries.test.ts feeds forbidden and legal imports from every folder.
 */
const elements = [
  { type: 'shared', pattern: 'src/shared/**', partialMatch: false },
  // the Opsgenie provider: client, schemas, error and rate-limit mapping, decoding, adapter
  {
    type: 'opsgenie-provider',
    pattern: 'src/main/gateway/provider/opsgenie/**',
    partialMatch: false,
  },
  { type: 'gateway', pattern: 'src/main/gateway/**', partialMatch: false },
  // browser mode and the Demo workspace run in plain Node as well as in Electron's main process
  { type: 'main-node', pattern: ['src/main/web/**', 'src/main/demo/**'], partialMatch: false },
  { type: 'main', pattern: 'src/main/**', partialMatch: false },
  { type: 'preload', pattern: 'src/preload/**', partialMatch: false },
  { type: 'renderer', pattern: 'src/renderer/**', partialMatch: false },
  { type: 'relay', pattern: 'src/relay/**', partialMatch: false },
  { type: 'simulator', pattern: 'src/simulator/**', partialMatch: false },
]

/** A package's `source` is its name; `electron/main` is source `electron`, internal path `main`. */
const ELECTRON = ['electron', 'electron-updater']
const NODE_ONLY_PACKAGES = ['keytar', 'ws', 'better-sqlite3', 'electron-log']

/** Where the Opsgenie provider may be imported from (besides its own folder): see docs/architecture.md. */
const PROVIDER_ROOTS = ['workspaces.ts', 'compose.ts', 'doctor/**']

const core = { to: { module: { origin: 'core' } } }
const packages = (/** @type {string[]} */ sources) => ({
  to: { module: { origin: 'external', source: sources } },
})
/** electron-log's default, main, renderer and preload flavours load Electron; `/node` does not. */
const electronLogButNode = {
  to: [
    { module: { origin: 'external', source: 'electron-log', internalPath: null } },
    { module: { origin: 'external', source: 'electron-log', internalPath: '!node' } },
  ],
}
const folders = (/** @type {string[]} */ types) => ({ to: { element: { type: types } } })

/** Each runtime's folder, what it may not import, and why (shown in the lint message). */
const policies = [
  {
    from: { element: { type: 'shared' } },
    disallow: [core, packages(['!zod']), folders(['!shared'])],
    message: 'src/shared runs in every process: it imports only zod and src/shared',
  },
  {
    from: { element: { type: 'renderer' } },
    disallow: [
      core,
      packages([...ELECTRON, ...NODE_ONLY_PACKAGES]),
      folders([
        'opsgenie-provider',
        'gateway',
        'main-node',
        'main',
        'preload',
        'relay',
        'simulator',
      ]),
    ],
    message:
      'src/renderer is a sandboxed web page: no electron, no Node, no main/preload/relay/simulator code; it reaches main through window.ondeck',
  },
  {
    from: { element: { type: 'preload' } },
    disallow: [core, packages(['!electron']), folders(['!(shared|preload)'])],
    message: 'src/preload is a sandboxed preload: it imports only electron and src/shared',
  },
  {
    from: { element: { type: ['opsgenie-provider', 'gateway', 'main-node'] } },
    disallow: [packages(ELECTRON), electronLogButNode, folders(['main', 'preload', 'renderer'])],
    message:
      'src/main/gateway, web and demo run in plain Node too: no electron, electron-updater or Electron-flavoured electron-log, no shell, preload or renderer code',
  },
  {
    from: { element: { type: 'main' } },
    disallow: [folders(['preload', 'renderer'])],
    message: 'the Electron shell reaches the preload and the renderer only through IPC',
  },
  {
    from: { element: { type: 'relay' } },
    disallow: [
      packages([...ELECTRON, 'keytar']),
      electronLogButNode,
      folders([
        'opsgenie-provider',
        'gateway',
        'main-node',
        'main',
        'preload',
        'renderer',
        'simulator',
      ]),
    ],
    message:
      'src/relay is a deployable Node server: no electron, no main, renderer or simulator code (src/shared only)',
  },
  {
    from: { element: { type: 'simulator' } },
    disallow: [
      packages([...ELECTRON, 'keytar']),
      electronLogButNode,
      folders([
        'opsgenie-provider',
        'gateway',
        'main-node',
        'main',
        'preload',
        'renderer',
        'relay',
      ]),
    ],
    message:
      "src/simulator stands in for Opsgenie: it imports no client code (src/shared only), so the client's mistakes cannot hide in it",
  },
  {
    // gateway code outside the provider's folder and its composition roots; the relay's Slack
    // module (src/relay/slack/opsgenie.ts) is the relay's one door, allowed in that file
    from: {
      element: [
        { type: 'gateway', fileInternalPath: `!{${PROVIDER_ROOTS.join(',')}}` },
        { type: ['main-node', 'main'] },
      ],
    },
    disallow: folders(['opsgenie-provider']),
    message:
      'the Opsgenie provider (src/main/gateway/provider/opsgenie) is imported only by the composition roots (workspaces.ts, compose.ts) and the doctor: everything else speaks to the Provider port (provider/provider.ts)',
  },
  {
    from: { element: { type: 'simulator' } },
    disallow: { to: { element: { type: 'shared', fileInternalPath: 'opsgenie/**' } } },
    message:
      "src/simulator states Opsgenie's behaviour itself (src/simulator/rate-domains.ts): importing the client's src/shared/opsgenie would make a wrong classification identical on both sides",
  },
  {
    from: { element: { type: 'renderer' } },
    disallow: { to: { element: { type: 'shared', fileInternalPath: 'opsgenie/**' } } },
    message:
      'src/renderer applies domain events only (src/shared/domain): main reads everything Opsgenie sends through the provider, so Opsgenie wire knowledge (src/shared/opsgenie) stays out of the renderer',
  },
]

const noRawIpc = {
  name: 'electron',
  importNames: ['ipcMain', 'ipcRenderer', 'contextBridge'],
  message: 'raw IPC lives only in src/main/shell/ipc and src/preload (the IPC wrappers)',
}

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'node_modules/**',
      '.tsbuild/**',
      '.tools/**',
      'bench/results/**',
      'test-results/**',
      'playwright-report/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    // Globals are not a lint matter for TypeScript (typescript-eslint turns no-undef off): each
    // runtime's tsconfig (tsconfig.shared.json has no DOM and no Node types) is what rejects them.
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/explicit-module-boundary-types': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportDefaultDeclaration', message: 'named exports only' },
      ],
    },
  },
  {
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    plugins: { boundaries },
    settings: {
      'boundaries/elements': elements,
      'boundaries/legacy-templates': false,
      'boundaries/dependency-nodes': ['import', 'dynamic-import', 'export'],
      'import/resolver': {
        [fileURLToPath(new URL('./eslint-rules/shared-alias-resolver.cjs', import.meta.url))]: {},
        node: { extensions: ['.ts', '.tsx', '.d.ts', '.js', '.mjs', '.cjs', '.json', '.node'] },
      },
    },
    rules: {
      'boundaries/dependencies': ['error', { default: 'allow', checkAllOrigins: true, policies }],
    },
  },
  {
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    ignores: ['src/main/shell/ipc/**', 'src/preload/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [noRawIpc] }] },
  },
  {
    files: ['src/renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    // config files use default exports by their tools' convention
    files: ['*.config.ts', '*.config.js', 'eslint.config.js'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    // import resolvers are loaded with require() by eslint-module-utils
    files: ['eslint-rules/**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
)
