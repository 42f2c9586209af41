// Babel for the Taro builds (wired in config/index.ts). NutUI is imported per component, with its CSS.
const nutuiPackages = '@nutui/nutui-react-taro/dist/es/packages/';

module.exports = {
  presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5' }]],
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
