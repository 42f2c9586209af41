// Babel for jest: TypeScript and JSX for Node, NutUI imported per component as in the real build.
const nutuiPackages = '@nutui/nutui-react-taro/dist/es/packages/';

module.exports = {
  presets: [
    ['@babel/preset-env', { targets: { node: 'current' } }],
    ['@babel/preset-react', { runtime: 'automatic' }],
    '@babel/preset-typescript',
  ],
  plugins: [
    [
      'import',
      {
        libraryName: '@nutui/nutui-react-taro',
        camel2DashComponentName: false,
        customName: (name) => `${nutuiPackages}${name.toLowerCase()}`,
        customStyleName: (name) => `${nutuiPackages}${name.toLowerCase()}/style/css`,
      },
      'nutui-react-taro',
    ],
  ],
};
