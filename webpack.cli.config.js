/**
 * The `kh` command: one CommonJS file for Node (dist/cli/kh.cjs), dependencies bundled so the
 * command starts fast and runs from any folder.
 */
const path = require('path');
const { BannerPlugin } = require('webpack');

module.exports = {
  mode: 'production',
  target: 'node20',
  entry: { kh: './src/cli/bin.ts' },
  output: { path: path.resolve(__dirname, 'dist/cli'), filename: '[name].cjs', library: { type: 'commonjs2' }, clean: true },
  resolve: { extensions: ['.ts', '.js', '.json'] },
  module: { rules: [{ test: /\.ts$/, exclude: /node_modules/, use: { loader: 'ts-loader', options: { transpileOnly: true } } }] },
  optimization: { minimize: false },
  performance: { hints: false },
  devtool: false,
  plugins: [new BannerPlugin({ banner: '#!/usr/bin/env node', raw: true })],
  stats: 'errors-warnings',
};
