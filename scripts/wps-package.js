/**
 * The WPS 表格 加载项's offline package, written by `npm run build` beside the
 * online shell (dist/wps/, which loads the page from the server):
 *
 *   dist/wps-offline/taizhang_<version>/      the add-in folder WPS keeps under jsaddons: the shell
 *                                             (ribbon.xml, main.js, index.html, manifest.xml) and the
 *                                             page itself (taskpane.html, its scripts, styles, icons, pdfjs)
 *   dist/wps-offline/taizhang_<version>.zip   the same folder as one file, to copy to the PCs
 *   dist/wps-offline/jsplugins.xml            the list entry naming it with its version
 *
 * No server is needed once installed: main.js opens the page from the same folder (PAGE_DIR './').
 * `<version>` is package.json's: WPS reinstalls when the name/version pair changes (docs/deploy.md).
 * The .zip is made with fflate (already a dependency): no 7-Zip at build time. WPS versions that
 * download the package themselves expect wpsjs's .7z; docs/deploy.md says how to make one from the folder.
 */
const { zipSync } = require('fflate');

const NAME = 'taizhang';
/** What only the online site or Office needs: Office's own pages, scripts and chunk, the online shell, this package. */
const LEFT_OUT = [/^excel\.[0-9a-f]+\.js$/, /^addin\.html$/, /^commands\./, /^office\//, /^office-(fallback|ready)\.js$/, /^manifest\.xml$/, /^wps\//, /^wps-offline\//];

function offlineMainJs(source) {
  const online = "var PAGE_DIR = '../';";
  if (!source.includes(online)) throw new Error(`wps/main.js 中没有找到 ${online}：离线包无法改为同目录的网页`);
  return source.replace(online, "var PAGE_DIR = './';");
}

function offlineJsplugins(version) {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<!-- 离线部署：把 ${NAME}_${version} 文件夹（或解压 ${NAME}_${version}.zip）放到每台电脑的 jsaddons 目录，本文件放在同一目录，`,
    '     oem.ini 的 JSPluginsServer 指向本文件（docs/deploy.md 第 4 节）。升级时换新文件夹并改 version。 -->',
    '<jsplugins>',
    `  <jsplugin name="${NAME}" type="et" enable="true" version="${version}" url="https://内网服务器/taizhang/wps-offline/${NAME}_${version}.7z"/>`,
    '</jsplugins>',
    '',
  ].join('\n');
}

/** Every file under `dir` (output file system), as paths relative to it. */
function listFiles(fs, dir, prefix = '') {
  return fs.readdirSync(dir).flatMap((entry) => {
    const full = `${dir}/${entry}`;
    return fs.statSync(full).isDirectory() ? listFiles(fs, full, `${prefix}${entry}/`) : [`${prefix}${entry}`];
  });
}

class WpsOfflinePlugin {
  constructor(version) {
    this.version = version;
  }

  apply(compiler) {
    // After emit: the final (hashed, minified) files as written, references and all (dev server: in memory).
    compiler.hooks.afterEmit.tap('WpsOfflinePlugin', () => {
      const fs = compiler.outputFileSystem;
      const out = compiler.outputPath;
      const folder = `${NAME}_${this.version}`;
      const files = {};
      for (const name of listFiles(fs, out)) {
        if (name.startsWith('wps/')) {
          const shellName = name.slice('wps/'.length);
          if (/^(publish|jsplugins)\.xml$/.test(shellName)) continue;
          const bytes = fs.readFileSync(`${out}/${name}`);
          files[shellName] = shellName === 'main.js' ? Buffer.from(offlineMainJs(bytes.toString('utf8'))) : bytes;
        } else if (!LEFT_OUT.some((pattern) => pattern.test(name))) {
          files[name] = fs.readFileSync(`${out}/${name}`);
        }
      }
      const zipped = {};
      for (const [name, bytes] of Object.entries(files)) {
        const target = `${out}/wps-offline/${folder}/${name}`;
        fs.mkdirSync(target.slice(0, target.lastIndexOf('/')), { recursive: true });
        fs.writeFileSync(target, bytes);
        zipped[`${folder}/${name}`] = new Uint8Array(bytes);
      }
      // Fixed times: the same build gives the same .zip.
      fs.writeFileSync(`${out}/wps-offline/${folder}.zip`, Buffer.from(zipSync(zipped, { level: 6, mtime: new Date('2024-01-01T00:00:00Z') })));
      fs.writeFileSync(`${out}/wps-offline/jsplugins.xml`, offlineJsplugins(this.version));
    });
  }
}

module.exports = { WpsOfflinePlugin, offlineMainJs, offlineJsplugins, NAME };
