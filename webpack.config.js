/**
 * Builds the task pane (src/taskpane) into a static dist/: the browser page
 * (taskpane.html, no office.js; index.html is the same page), the add-in's entry page (addin.html: the same
 * page with office.js in its <head>), their scripts, a copy of office.js from
 * @microsoft/office-js, the icons and manifest.xml pointed at ADDIN_BASE_URL.
 *
 * Where addin.html loads office.js from (OFFICE_JS): Microsoft supports only
 * its CDN, so `cdn` (the default) loads it from there and falls back to the
 * copy in dist/office/ when the CDN cannot be reached; `china` uses the CDN of
 * Office 365 operated by 21Vianet; `self` makes the copy the only source (an
 * intranet without internet access; development use as far as Microsoft is concerned).
 *
 *   npm run build                                   → dist/ for https://localhost:3000/
 *   ADDIN_BASE_URL=https://intranet.example.edu/taizhang/ npm run build
 *   OFFICE_JS=self npm run build                    → office.js only from this site
 *   npm run dev-server                              → https://localhost:3000/taskpane.html
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const zlib = require('node:zlib');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const { DEV_BASE_URL, rebaseManifest } = require('./scripts/addin-manifest.js');
const { WpsOfflinePlugin } = require('./scripts/wps-package.js');

const OFFICE_DIST = path.join(__dirname, 'node_modules', '@microsoft', 'office-js', 'dist');
/** What the page fetches before anyone clicks: the html, its stylesheet, the old-engine check, office.js and the entry chunks. */
const FIRST_LOAD_TARGET = 150 * 1024;

/** office.js and what it loads for Excel: the host scripts, the locale strings, telemetry. Not the other hosts, not debug builds. */
const officePatterns = [
  'office.js',
  'o15apptofilemappingtable.js',
  'es6-promise.js',
  'excel*.js',
  '*/office_strings.js',
  'telemetry/*.js',
  'ariatelemetry/*.js',
].map((from) => ({
  from,
  context: OFFICE_DIST,
  to: 'office/',
  globOptions: { ignore: ['**/*.debug.js', '**/*vsdoc*'] },
  // Microsoft ships these minified; re-minifying them cost minutes per build.
  info: { minimized: true },
}));

/** Microsoft's CDN addresses for office.js (docs: "Referencing the Office JavaScript API library"). */
const OFFICE_CDNS = {
  cdn: 'https://officeapis.public.onecdn.static.microsoft/1/office.js',
  china: 'https://appsforoffice.cdn.partner.office365.cn/appsforoffice/lib/1/hosted/office.js',
};
/** The pages' Content-Security-Policy, with office.js's origin added for the pages that load it (docs/deploy.md). */
const policy = (scriptOrigin) =>
  `default-src 'none'; script-src 'self'${scriptOrigin ? ` ${scriptOrigin}` : ''}; style-src 'self'; img-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'`;

/** The office.js tags of addin.html and commands.html, and the policy they need, for OFFICE_JS. */
function officeLoading(source = process.env.OFFICE_JS || 'cdn') {
  if (source === 'self') return { head: '  <script src="office/office.js"></script>', csp: policy() };
  const url = OFFICE_CDNS[source];
  if (!url) throw new Error(`OFFICE_JS 应为 cdn、china 或 self，而不是 “${source}”`);
  const head = [`  <script src="${url}"></script>`, '  <script src="office-fallback.js"></script>'].join('\n');
  return { head, csp: policy(new URL(url).origin) };
}

/**
 * pdfjs for PDF plans (Mozilla's legacy build), in dist/pdfjs/, loaded only when a PDF is picked
 * (src/taskpane/pdf-runtime.ts): pdfjs and its worker code are lazy webpack chunks there, and
 * its data (the CMaps Chinese PDFs need, the standard fonts) are scripts in dist/pdfjs/data/, each a file's
 * bytes in base64 (src/taskpane/pdf-data-scripts.ts). Scripts only, loaded by <script> tags: that works from
 * file:// (a USB stick, the WPS offline package) as over http, where module scripts and fetch() do not, and
 * every web server (IIS too) knows .js. pdfjs needs a newer browser than WPS's floor (docs/wps-support.md)
 * anyway: its code is not lowered to ES2019 (which only took build time), and its chunks sit in pdfjs/, outside
 * the old-engine scan of the page's own scripts (test/wps-old-engine.test.ts).
 */
const PDFJS_DIST = path.join(__dirname, 'node_modules', 'pdfjs-dist');
const DATA_GLOBAL = 'taizhangPdfData';
/** `(self.taizhangPdfData = …)["cmaps/UniGB-UCS2-H.bcmap"] = "<base64>";`: plain ES5, no eval. */
const dataScript = (folder) => (content, from) =>
  Buffer.from(`(self.${DATA_GLOBAL}=self.${DATA_GLOBAL}||{})[${JSON.stringify(`${folder}/${path.basename(from)}`)}]="${content.toString('base64')}";\n`);
const pdfjsPatterns = [
  { from: 'cmaps/*.bcmap', to: 'pdfjs/data/cmaps/[name][ext].js', transform: dataScript('cmaps') },
  { from: 'standard_fonts/*', to: 'pdfjs/data/standard_fonts/[name][ext].js', transform: dataScript('standard_fonts') },
  { from: 'LICENSE', to: 'pdfjs/' },
].map((pattern) => ({ ...pattern, context: PDFJS_DIST, info: { minimized: true } }));

/** Emits dist/manifest.xml with every URL under the base URL given at build time. */
class ManifestPlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap('ManifestPlugin', (compilation) => {
      compilation.hooks.processAssets.tap({ name: 'ManifestPlugin', stage: compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        const source = path.join(__dirname, 'manifest.xml');
        compilation.fileDependencies.add(source);
        const base = process.env.ADDIN_BASE_URL || DEV_BASE_URL;
        const xml = rebaseManifest(fs.readFileSync(source, 'utf8'), base);
        compilation.emitAsset('manifest.xml', new compiler.webpack.sources.RawSource(xml), { minimized: true });
      });
    });
  }
}

/** Prints the gzipped size of the first load, the number the page's users feel on a slow intranet. */
class FirstLoadSizePlugin {
  apply(compiler) {
    compiler.hooks.afterEmit.tap('FirstLoadSizePlugin', (compilation) => {
      // After emit: final (hashed, minified) names and bytes, read back from wherever they were written (disk or the dev server's memory).
      const stats = compilation.getStats().toJson({ all: false, entrypoints: true });
      const entryFiles = (stats.entrypoints.taskpane?.assets ?? []).map((a) => a.name);
      const files = ['addin.html', 'taskpane.css', 'legacy.js', 'office-fallback.js', 'office-ready.js', 'office/office.js', ...entryFiles];
      const read = (file) => compiler.outputFileSystem.readFileSync(path.join(compiler.outputPath, file));
      let total = 0;
      const lines = files.map((file) => {
        const size = zlib.gzipSync(read(file), { level: 9 }).length;
        total += size;
        return `  ${file.padEnd(32)} ${(size / 1024).toFixed(1).padStart(7)} KB`;
      });
      const verdict = total <= FIRST_LOAD_TARGET ? '在 150 KB 目标内' : '超出 150 KB 目标';
      console.log(`\n首次加载（gzip）：${(total / 1024).toFixed(1)} KB，${verdict}\n${lines.join('\n')}\n`);
    });
  }
}

/** The office-addin-dev-certs files, read directly (trusting the CA needs admin rights this may lack). */
function devServerOptions() {
  const dir = path.join(os.homedir(), '.office-addin-dev-certs');
  const files = { key: 'localhost.key', cert: 'localhost.crt', ca: 'ca.crt' };
  try {
    const options = Object.fromEntries(Object.entries(files).map(([k, f]) => [k, fs.readFileSync(path.join(dir, f))]));
    return { type: 'https', options };
  } catch {
    console.warn(
      `\n[dev-server] 没有找到开发证书（${dir}）。先运行 npx office-addin-dev-certs install 生成并信任证书。` +
        '\n[dev-server] 现在改用 http://localhost:3000 提供页面：浏览器中可用，但 Excel 只加载 https 的加载项。\n',
    );
    return { type: 'http' };
  }
}

module.exports = (env, argv) => {
  const mode = argv.mode ?? 'production';
  const serving = Boolean(env && env.WEBPACK_SERVE);
  const office = officeLoading();
  const page = { template: 'src/taskpane/taskpane.html', chunks: ['taskpane'], inject: 'head', scriptLoading: 'defer' };
  return {
    mode,
    // webpack's own runtime (chunk loading) in ES2019 too, for WPS's embedded Chromium.
    target: ['web', 'es2019'],
    entry: { taskpane: './src/taskpane/index.ts' },
    output: {
      path: path.resolve(__dirname, 'dist'),
      // Hashed names: Office caches add-in files hard; a new build must be fetched anew.
      filename: mode === 'production' ? '[name].[contenthash:8].js' : '[name].js',
      chunkFilename: mode === 'production' ? '[name].[contenthash:8].js' : '[name].js',
      clean: true,
    },
    resolve: {
      extensions: ['.ts', '.js'],
      // Sources import './x.js' (nodenext style); let webpack find the .ts file behind it.
      extensionAlias: { '.js': ['.ts', '.js'] },
    },
    module: {
      rules: [
        {
          test: /\.ts$/,
          loader: 'ts-loader',
          exclude: /node_modules/,
          // ES2019: WPS 表格's embedded Chromium is older than WebView2 (docs/wps-support.md); IE11 gets the fallback message.
          options: { transpileOnly: true, configFile: 'tsconfig.json', compilerOptions: { target: 'ES2019', sourceMap: mode !== 'production' } },
        },
        // The packages' JavaScript, lowered to the same ES2019 syntax (scripts/es2019-loader.js).
        { test: /\.(c|m)?js$/, include: /node_modules/, exclude: /[\\/]pdfjs-dist[\\/]/, loader: path.join(__dirname, 'scripts', 'es2019-loader.js') },
        // pdfjs without the build machine's path for its import.meta.url (scripts/pdfjs-loader.js).
        { test: /[\\/]pdfjs-dist[\\/].*\.mjs$/, loader: path.join(__dirname, 'scripts', 'pdfjs-loader.js') },
        // The bundled seed plan, as its text (the CLI's default plan).
        { test: /\.txt$/, type: 'asset/source' },
      ],
    },
    plugins: [
      // The browser page: no office.js (in a plain browser it would call Microsoft's telemetry).
      new HtmlWebpackPlugin({ ...page, filename: 'taskpane.html', csp: policy(), officeHead: '' }),
      // The same page as index.html: what someone given the dist folder (a USB stick, a web server's root) opens first.
      new HtmlWebpackPlugin({ ...page, filename: 'index.html', csp: policy(), officeHead: '' }),
      // The add-in's page (the manifest's SourceLocation): office.js first in <head>, then an ES5 Office.onReady.
      new HtmlWebpackPlugin({ ...page, filename: 'addin.html', csp: office.csp, officeHead: `${office.head}\n  <script src="office-ready.js"></script>` }),
      new HtmlWebpackPlugin({ template: 'src/taskpane/commands.html', filename: 'commands.html', chunks: [], inject: false, csp: office.csp, officeHead: office.head }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'src/taskpane/taskpane.css', to: 'taskpane.css' },
          // Plain scripts as files: the pages' Content-Security-Policy runs no inline script.
          { from: 'src/taskpane/legacy.js', to: 'legacy.js' },
          { from: 'src/taskpane/commands.js', to: 'commands.js' },
          { from: 'src/taskpane/office-fallback.js', to: 'office-fallback.js' },
          { from: 'src/taskpane/office-ready.js', to: 'office-ready.js' },
          { from: 'assets/icon-*.png', to: 'assets/[name][ext]', info: { minimized: true } },
          // The WPS 表格 加载项 shell (ribbon.xml, ES5 main.js, publish.xml/jsplugins.xml): docs/deploy.md 第 4 节.
          { from: 'wps', to: 'wps', info: { minimized: true } },
          ...officePatterns,
          ...pdfjsPatterns,
        ],
      }),
      new ManifestPlugin(),
      // The WPS 加载项 as an offline package (dist/wps-offline/), beside the online shell in dist/wps/.
      new WpsOfflinePlugin(require('./package.json').version),
      new FirstLoadSizePlugin(),
    ],
    performance: { hints: false },
    devtool: mode === 'development' ? 'source-map' : false,
    devServer: serving && {
      port: 3000,
      server: devServerOptions(),
      static: false,
      open: false,
      headers: { 'Cache-Control': 'no-store' },
    },
  };
};

// For the manifest test: the same plugin the build uses, run on its own.
module.exports.ManifestPlugin = ManifestPlugin;
module.exports.officeLoading = officeLoading;
