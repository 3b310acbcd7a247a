/**
 * Builds the task pane (src/taskpane) into dist/. The same page runs inside
 * Excel as an add-in and in a plain browser. exceljs is resolved to its
 * browser build by its package.json, so no Node polyfills are needed.
 */
const path = require('node:path');

module.exports = (env, argv) => ({
  mode: argv.mode ?? 'production',
  entry: { taskpane: './src/taskpane/index.ts' },
  output: { path: path.resolve(__dirname, 'dist'), filename: '[name].js', clean: true },
  resolve: {
    extensions: ['.ts', '.js'],
    // Sources import './x.js' (nodenext style); let webpack find the .ts file behind it.
    extensionAlias: { '.js': ['.ts', '.js'] },
  },
  module: {
    rules: [{ test: /\.ts$/, loader: 'ts-loader', options: { transpileOnly: true, configFile: 'tsconfig.json' }, exclude: /node_modules/ }],
  },
  devtool: argv.mode === 'development' ? 'source-map' : false,
});
