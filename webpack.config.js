// Builds the task pane and the ribbon's function file into dist-web/ (dist/ belongs to the CLI).
// Output is ES5: Excel 2016/2019 on Windows run the pane in Internet Explorer 11.
//
//   npm run build                                   production bundles, manifest for https://localhost:3000/
//   ADDIN_BASE_URL=https://host/cchc/ npm run build  the same, manifest pointing at the real host
//   npm run dev-server                              https://localhost:3000/ with Office's dev certificate
//   webpack --mode production --env outDir=DIR     build somewhere else (the tests do)

const { createHash } = require('crypto');
const fs = require('fs');
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

const DEV_BASE_URL = 'https://localhost:3000/';
const DEV_PORT = 3000;
const OFFICE_JS_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

/** The address the add-in is served from in production, from ADDIN_BASE_URL; must be https. */
function productionBaseUrl() {
  const raw = (process.env.ADDIN_BASE_URL || '').trim();
  if (!raw) {
    console.warn(`ADDIN_BASE_URL is not set: dist-web/manifest.xml keeps ${DEV_BASE_URL}`);
    return DEV_BASE_URL;
  }
  let url;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`ADDIN_BASE_URL is not a URL: ${raw}`);
  }
  // Office refuses add-ins served over plain http.
  if (url.protocol !== 'https:') throw new Error(`ADDIN_BASE_URL must start with https:// (got ${raw})`);
  url.search = '';
  url.hash = '';
  return url.href.endsWith('/') ? url.href : url.href + '/';
}

/** A short content hash, so Office's aggressive cache never pairs new HTML with an old stylesheet. */
function fileVersion(file) {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex').slice(0, 8);
}

/** Office's development certificate (trusted by Excel once installed), or a throwaway one without it. */
async function devServerHttps() {
  let devCerts;
  try {
    // Loaded only when serving: office-addin-dev-certs is an optional dependency.
    devCerts = require('office-addin-dev-certs');
  } catch {
    console.warn('office-addin-dev-certs is not installed: serving with a self-signed certificate that desktop Excel will not trust.');
    return { type: 'https' };
  }
  const options = await devCerts.getHttpsServerOptions();
  return { type: 'https', options: { ca: options.ca, key: options.key, cert: options.cert } };
}

module.exports = async (env = {}, argv = {}) => {
  const production = argv.mode === 'production';
  const baseUrl = production ? productionBaseUrl() : DEV_BASE_URL;
  const outDir = env.outDir ? path.resolve(env.outDir) : path.resolve(__dirname, 'dist-web');
  const css = path.resolve(__dirname, 'src/taskpane/taskpane.css');

  return {
    mode: production ? 'production' : 'development',
    devtool: production ? false : 'source-map',
    target: ['web', 'es5'],
    entry: {
      taskpane: './src/taskpane/index.ts',
      commands: './src/commands/commands.ts',
    },
    output: {
      path: outDir,
      filename: production ? '[name].[contenthash:8].js' : '[name].js',
      clean: true,
    },
    resolve: { extensions: ['.ts', '.js', '.json'] },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            options: {
              configFile: path.resolve(__dirname, 'tsconfig.json'),
              // Only the files the bundles import: the CLI and tests are type-checked by `npm run lint`.
              onlyCompileBundledFiles: true,
              compilerOptions: { module: 'es2015', sourceMap: !production },
            },
          },
        },
      ],
    },
    performance: { hints: production ? 'warning' : false, maxAssetSize: 512000, maxEntrypointSize: 512000 },
    plugins: [
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/taskpane/taskpane.html',
        chunks: ['taskpane'],
        scriptLoading: 'blocking',
        inject: 'body',
        // Left readable: the page is 5 KB, and the minifier would drop type="text", which the CSS selects on.
        minify: false,
        templateParameters: { officeJs: OFFICE_JS_CDN, cssHref: `taskpane.css?v=${fileVersion(css)}` },
      }),
      new HtmlWebpackPlugin({
        filename: 'commands.html',
        template: './src/commands/commands.html',
        chunks: ['commands'],
        scriptLoading: 'blocking',
        inject: 'body',
        minify: false,
        templateParameters: { officeJs: OFFICE_JS_CDN },
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: css, to: 'taskpane.css' },
          { from: 'assets/icon-*.png', to: 'assets/[name][ext]' },
          {
            from: 'manifest.xml',
            to: 'manifest.xml',
            transform: (content) => content.toString('utf8').split(DEV_BASE_URL).join(baseUrl),
          },
        ],
      }),
    ],
    devServer: env.WEBPACK_SERVE
      ? {
          port: DEV_PORT,
          headers: { 'Access-Control-Allow-Origin': '*' },
          server: await devServerHttps(),
          static: false,
        }
      : undefined,
  };
};
