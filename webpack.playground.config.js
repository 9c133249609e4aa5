/**
 * The playground: the production task pane bundle beside a page that hosts the strict Excel fake
 * (dist/playground). No office.js: the fake stands behind its globals. `npm run playground`
 * builds and serves it; the browser tests use the same files.
 */
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const { CONTENT_SECURITY_POLICY } = require('./scripts/csp.cjs');

module.exports = (env, argv) => ({
  mode: argv.mode ?? 'production',
  entry: {
    playground: './src/playground/index.tsx',
    taskpane: './src/taskpane/index.tsx',
  },
  output: { path: path.resolve(__dirname, 'dist/playground'), filename: '[name].js', clean: true },
  resolve: { extensions: ['.ts', '.tsx', '.js', '.json'] },
  module: { rules: [{ test: /\.tsx?$/, exclude: /node_modules/, use: { loader: 'ts-loader', options: { transpileOnly: true } } }] },
  performance: { hints: false },
  node: { global: false },
  devtool: false,
  plugins: [
    // the fake's globals must exist before the pane's bundle runs: playground first
    new HtmlWebpackPlugin({ filename: 'index.html', template: './src/playground/playground.html', chunks: ['playground', 'taskpane'], chunksSortMode: 'manual', scriptLoading: 'blocking', inject: 'body', templateParameters: { csp: CONTENT_SECURITY_POLICY } }),
  ],
  stats: 'errors-warnings',
});
