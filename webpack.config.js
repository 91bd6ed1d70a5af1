// Builds the task pane, the ribbon's function file and the help pages into dist-web/ (dist/ belongs
// to the CLI). Output is ES5: Excel 2016/2019 on Windows run the pane in Internet Explorer 11.
//
//   ADDIN_BASE_URL=https://host/cchc/ npm run build  production: manifest for that address, the
//                                                   production Id and name; refuses to run without it
//   npm run build:dev                               development build for https://localhost:3000/
//   npm run dev-server                              https://localhost:3000/ with Office's dev certificate
//   webpack --mode production --env outDir=DIR     build somewhere else (the tests do)

const { createHash } = require('crypto');
const fs = require('fs');
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const { sources } = require('webpack');
const { helpPageFiles } = require('./scripts/help-pages');

const DEV_BASE_URL = 'https://localhost:3000/';

// manifest.xml at the root is the development manifest (npm start sideloads it). A production build
// gives the add-in its own Id and name, so a developer's copy and the deployed one never replace each
// other in an Office that has seen both.
const DEV_ID = '0f3c9a52-7d41-4c8e-9b6a-2e5d8c1f4a73';
const PRODUCTION_ID = '65463c57-3b79-46d3-8317-6e49a2d98abc';
const DEV_NAMES = ['Chấm điểm CCHC (bản phát triển)', 'CCHC scoring (development)'];
const PRODUCTION_NAMES = ['Chấm điểm CCHC', 'CCHC scoring'];
const DEV_PORT = 3000;
const OFFICE_JS_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

/**
 * The address the add-in is served from in production, from ADDIN_BASE_URL; must be https. Without
 * it there is no production build: the manifest an administrator uploads must never point at a
 * developer's localhost.
 */
function productionBaseUrl() {
  const raw = (process.env.ADDIN_BASE_URL || '').trim();
  if (!raw) {
    throw new Error('ADDIN_BASE_URL is not set. A production build needs the https address the files will be served from, e.g.\n' +
      '  ADDIN_BASE_URL=https://cchc.example.gov.vn/addin/ npm run build\n' +
      'For a development build on https://localhost:3000/ use: npm run build:dev');
  }
  let url;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`ADDIN_BASE_URL is not a URL: ${raw}`);
  }
  // Office refuses add-ins served over plain http.
  if (url.protocol !== 'https:') throw new Error(`ADDIN_BASE_URL must start with https:// (got ${raw})`);
  if (/^(localhost|127\.|\[::1\])/.test(url.hostname)) throw new Error(`ADDIN_BASE_URL must be the address others reach, not ${url.hostname}; for development use: npm run build:dev`);
  url.search = '';
  url.hash = '';
  return url.href.endsWith('/') ? url.href : url.href + '/';
}

/** The development manifest as a production one: its address, Id and name. */
function productionManifest(xml, baseUrl) {
  let out = xml.split(DEV_BASE_URL).join(baseUrl).split(DEV_ID).join(PRODUCTION_ID);
  DEV_NAMES.forEach((name, i) => (out = out.split(`"${name}"`).join(`"${PRODUCTION_NAMES[i]}"`)));
  return out;
}

/** The help pages from docs/ (the manifest's "Learn more" and support links), as assets of the build. */
class HelpPagesPlugin {
  apply(compiler) {
    const docs = path.resolve(__dirname, 'docs');
    compiler.hooks.thisCompilation.tap('HelpPages', (compilation) => {
      compilation.hooks.processAssets.tap({ name: 'HelpPages', stage: compilation.constructor.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        for (const { file, content } of helpPageFiles(docs)) compilation.emitAsset(file, new sources.RawSource(content), { minimized: true });
        compilation.fileDependencies.add(path.join(docs, 'addin.md'));
        compilation.fileDependencies.add(path.join(docs, 'first-run.md'));
      });
    });
  }
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
      // Parts fetched on first use (the reader of picked workbooks) sit beside the page, loaded
      // relative to it: no script-address detection, which Internet Explorer 11 lacks.
      chunkFilename: production ? '[name].[contenthash:8].js' : '[name].js',
      publicPath: '',
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
              // The pane must stay small (test/bundle.test.ts): TypeScript's ES5 helpers come once from
              // tslib instead of once per file, and for-of loops over arrays compile to plain index loops
              // (iterating anything else is then a compile error; Internet Explorer 11 has no iterators).
              // es2020 modules keep import() for webpack, which makes it a part fetched on first use.
              compilerOptions: { module: 'es2020', sourceMap: !production, importHelpers: true, downlevelIteration: false },
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
            transform: (content) => (production ? productionManifest(content.toString('utf8'), baseUrl) : content),
          },
        ],
      }),
      new HelpPagesPlugin(),
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
