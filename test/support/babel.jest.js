// Babel for jest: TypeScript and JSX compiled for the Node that runs the tests, with the same
// per-component NutUI imports as the real build.
const { plugins } = require('../../config/babel.config.js');

module.exports = {
  presets: [
    ['@babel/preset-env', { targets: { node: 'current' } }],
    ['@babel/preset-react', { runtime: 'automatic' }],
    '@babel/preset-typescript',
  ],
  plugins,
};
