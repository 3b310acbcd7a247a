/**
 * The add-in's URLs come from one place: manifest.xml is written for the
 * development site (https://localhost:3000/); a build for a real server swaps
 * that base for ADDIN_BASE_URL. Pure functions, so the manifest test can run
 * them without webpack.
 */
const DEV_BASE_URL = 'https://localhost:3000/';

/** `https://intranet.example.edu/taizhang` → `https://intranet.example.edu/taizhang/`; anything but plain https is refused. */
function normaliseBaseUrl(given) {
  let url;
  try {
    url = new URL(String(given).trim());
  } catch {
    throw new Error(`ADDIN_BASE_URL“${given}”不是有效的网址，应形如 https://intranet.example.edu/taizhang/`);
  }
  if (url.protocol !== 'https:') throw new Error(`ADDIN_BASE_URL 必须以 https:// 开头（Office 只从 https 加载加载项），现为“${given}”`);
  if (url.search || url.hash || url.username || url.password) throw new Error(`ADDIN_BASE_URL 不能带 ?、# 或用户名密码，现为“${given}”`);
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
}

const escapeXml = (text) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** The manifest with every development URL moved under `baseUrl`. */
function rebaseManifest(xml, baseUrl) {
  const base = normaliseBaseUrl(baseUrl);
  if (!xml.includes(DEV_BASE_URL)) throw new Error(`manifest.xml 中没有 ${DEV_BASE_URL} 开头的网址，无法替换`);
  return xml.split(DEV_BASE_URL).join(escapeXml(base));
}

module.exports = { DEV_BASE_URL, normaliseBaseUrl, rebaseManifest };
