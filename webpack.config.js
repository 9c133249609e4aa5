/**
 * One build for the add-in: the task pane (React) and the custom functions share one page
 * (shared runtime). Production pages load office.js from Microsoft's CDN, as Office requires;
 * the development server serves the npm copy so nothing else is needed offline.
 */
const path = require('path');
const fs = require('fs');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const CustomFunctionsMetadataPlugin = require('custom-functions-metadata-plugin');
const { sources, Compilation, WebpackError } = require('webpack');
const { localizeMetadata } = require('./scripts/localize-metadata.cjs');
const { helpPage, HELP_CSS } = require('./scripts/help-page.cjs');

const OFFICE_JS_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const { CONTENT_SECURITY_POLICY } = require('./scripts/csp.cjs');
const DEV_PORT = Number(process.env.npm_package_config_dev_server_port || 3000);

/** Emits functions.en-US.json next to the generated functions.json; a missing translation fails the build. */
class EnglishMetadataPlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap('EnglishMetadataPlugin', (compilation) => {
      compilation.hooks.processAssets.tap({ name: 'EnglishMetadataPlugin', stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, (assets) => {
        const generated = assets['functions.json'];
        if (!generated) return; // metadata errors are already reported by the metadata plugin
        try {
          const table = JSON.parse(fs.readFileSync(path.resolve(__dirname, 'src/functions/en-US.json'), 'utf8'));
          const english = localizeMetadata(JSON.parse(generated.source().toString()), table);
          compilation.emitAsset('functions.en-US.json', new sources.RawSource(JSON.stringify(english, null, 2)));
        } catch (error) {
          compilation.errors.push(new WebpackError(String(error.message || error)));
        }
      });
    });
  }
}

/** help.html (the manifest's SupportUrl and LearnMoreUrl): the user guide as a page, with its stylesheet. */
class HelpPagePlugin {
  apply(compiler) {
    const guide = path.resolve(__dirname, 'docs/huong-dan.md');
    compiler.hooks.thisCompilation.tap('HelpPagePlugin', (compilation) => {
      compilation.fileDependencies.add(guide);
      compilation.hooks.processAssets.tap({ name: 'HelpPagePlugin', stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        try {
          compilation.emitAsset('help.html', new sources.RawSource(helpPage(fs.readFileSync(guide, 'utf8'))));
          compilation.emitAsset('help.css', new sources.RawSource(HELP_CSS));
        } catch (error) {
          compilation.errors.push(new WebpackError(`help.html: ${error.message || error}`));
        }
      });
    });
  }
}

async function httpsOptions() {
  try {
    const devCerts = require('office-addin-dev-certs');
    return await devCerts.getHttpsServerOptions();
  } catch (error) {
    console.warn(`office-addin-dev-certs: ${error.message}; serving with a self-signed certificate instead`);
    return {};
  }
}

module.exports = async (env, argv) => {
  const dev = argv.mode !== 'production';
  const serving = Boolean(process.env.WEBPACK_SERVE);
  return {
    devtool: dev ? 'source-map' : false,
    entry: {
      functions: './src/functions/functions.ts',
      taskpane: './src/taskpane/index.tsx',
    },
    output: {
      path: path.resolve(__dirname, 'dist'),
      filename: '[name].js',
      // dist/cli (npm run build:cli) and dist/playground are other builds' output: kept
      clean: { keep: /^(cli|playground)\// },
    },
    resolve: { extensions: ['.ts', '.tsx', '.js', '.json'] },
    module: {
      rules: [
        { test: /\.tsx?$/, exclude: /node_modules/, use: { loader: 'ts-loader', options: { transpileOnly: false } } },
        { test: /\.(png|jpg|jpeg|gif|ico)$/, type: 'asset/resource', generator: { filename: 'assets/[name][ext]' } },
      ],
    },
    performance: { hints: false },
    // no `global` shim: webpack's falls back to `new Function("return this")`, an eval that the
    // pane's Content-Security-Policy refuses (and the bundle check fails on)
    node: { global: false },
    plugins: [
      new CustomFunctionsMetadataPlugin({ output: 'functions.json', input: './src/functions/functions.ts' }),
      new EnglishMetadataPlugin(),
      new HelpPagePlugin(),
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/taskpane/taskpane.html',
        chunks: ['functions', 'taskpane'],
        templateParameters: { officeJs: dev ? '/office-js/office.js' : OFFICE_JS_CDN, csp: CONTENT_SECURITY_POLICY },
      }),
      new CopyWebpackPlugin({ patterns: [{ from: 'assets/*.png', to: 'assets/[name][ext]' }] }),
    ],
    devServer: {
      port: DEV_PORT,
      headers: { 'Access-Control-Allow-Origin': '*' },
      server: { type: 'https', options: serving ? await httpsOptions() : {} },
      static: [{ directory: path.resolve(__dirname, 'node_modules/@microsoft/office-js/dist'), publicPath: '/office-js' }],
      client: { overlay: false },
    },
  };
};
