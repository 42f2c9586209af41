// One jest run, several projects: the core (also under two foreign timezones), the server on SQLite
// and on PostgreSQL (when DATABASE_URL is set), the app in jsdom, the compiled weapp, and the H5 build in Chromium.
const path = require('node:path');

const rootDir = path.resolve(__dirname, '..');
const transform = { '\\.m?[jt]sx?$': ['babel-jest', { configFile: path.join(__dirname, 'support', 'babel.jest.js'), babelrc: false }] };
const moduleNameMapper = { '^@core/(.*)$': '<rootDir>/src/core/$1' };
// Node 20 can require these ESM-only packages, jest's module loader cannot: babel turns them into CommonJS.
const esmOnlyPackages = ['cookie', 'content-disposition'];
// What Taro's H5 runtime and NutUI pull in as ES modules.
const taroH5EsmPackages = [
  '@tarojs',
  '@stencil',
  '@nutui',
  'lodash-es',
  'swiper',
  'query-string',
  'decode-uri-component',
  'split-on-first',
  'filter-obj',
  'nanoid',
  'style-inject',
  'tslib',
  '\\.pnpm',
];
const nodeProject = (displayName, testMatch, extra = {}) => ({
  displayName,
  rootDir,
  testEnvironment: 'node',
  transform,
  transformIgnorePatterns: [`/node_modules/(?!(${esmOnlyPackages.join('|')})/)`],
  moduleNameMapper,
  testMatch,
  ...extra,
});

const coreTests = ['<rootDir>/src/core/**/*.test.ts'];
const serverTests = ['<rootDir>/test/server/**/*.test.ts'];

const projects = [
  nodeProject('core', coreTests),
  nodeProject('core TZ=UTC', coreTests, {
    testEnvironment: '<rootDir>/test/support/timezone-environment.js',
    testEnvironmentOptions: { timezone: 'UTC', expectedOffsetMinutes: 0 },
  }),
  nodeProject('core TZ=America/Los_Angeles', coreTests, {
    testEnvironment: '<rootDir>/test/support/timezone-environment.js',
    // January: Pacific Standard Time, eight hours behind UTC.
    testEnvironmentOptions: { timezone: 'America/Los_Angeles', expectedOffsetMinutes: 480 },
  }),
  nodeProject('server sqlite', serverTests, { setupFiles: ['<rootDir>/test/support/database-sqlite.js'] }),
  {
    displayName: 'app',
    rootDir,
    testEnvironment: '<rootDir>/test/support/jsdom-with-node-globals.js',
    transform,
    transformIgnorePatterns: [`/node_modules/(?!(${[...esmOnlyPackages, ...taroH5EsmPackages].join('|')})/)`],
    moduleNameMapper: {
      ...moduleNameMapper,
      '^@tarojs/taro$': '<rootDir>/test/support/taro-h5.ts',
      '^@tarojs/components$': '@tarojs/components/lib/react',
      '\\.(css|scss)$': 'identity-obj-proxy',
    },
    setupFiles: ['<rootDir>/test/support/app-globals.js'],
    setupFilesAfterEnv: ['<rootDir>/test/support/app-setup.ts'],
    testMatch: ['<rootDir>/src/app/**/*.test.tsx'],
  },
  nodeProject('weapp', ['<rootDir>/test/weapp/**/*.test.ts'], {
    testEnvironment: '<rootDir>/test/support/jsdom-with-node-globals.js',
  }),
  nodeProject('e2e', ['<rootDir>/test/e2e/**/*.test.ts']),
  nodeProject('architecture', ['<rootDir>/test/architecture/**/*.test.ts']),
  nodeProject('data', ['<rootDir>/test/data/**/*.test.ts']),
  nodeProject('cli', ['<rootDir>/test/cli/**/*.test.ts']),
];

if (process.env.DATABASE_URL) {
  projects.splice(
    4,
    0,
    nodeProject('server postgres', serverTests, { setupFiles: ['<rootDir>/test/support/database-postgres.js'] }),
  );
}

module.exports = {
  projects,
  testTimeout: 30_000,
  reporters: ['default', path.join(__dirname, 'support', 'summary-reporter.js')],
};
