/**
 * The data pdfjs asks for while reading (the CMaps Chinese PDFs need when
 * their fonts are not embedded, the standard fonts), from the .js files the
 * build writes beside the page (dist/pdfjs/data/<folder>/<file>.js, each the
 * file's bytes in base64; webpack.config.js). Loaded with a <script> tag, not
 * fetch(): Chromium refuses fetch() and XHR on a page opened from file://
 * (the dist folder on a USB stick, the WPS offline package), but runs a
 * script from the page's own folder there as over http, under script-src 'self'.
 */

/** Where each file lands: the global the data scripts fill in (`self.taizhangPdfData["cmaps/X.bcmap"] = "…"`). */
const GLOBAL = 'taizhangPdfData';
/** pdfjs's names for its data (BinaryDataFactory's `kind`) → the folder under dist/pdfjs/data/. */
const FOLDERS: Record<string, string> = { cMapUrl: 'cmaps', standardFontDataUrl: 'standard_fonts' };
/** CMap and font names are plain (UniGB-UCS2-H.bcmap, FoxitSerif.pfb); a PDF naming anything else gets nothing. */
const PLAIN_NAME = /^[A-Za-z0-9][A-Za-z0-9_.+-]{0,80}$/;

const loaded = new Map<string, Promise<Uint8Array>>();

function store(): Record<string, string | undefined> {
  const scope = globalThis as unknown as Record<string, Record<string, string | undefined> | undefined>;
  return (scope[GLOBAL] ??= {});
}

function bytesOf(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function loadScript(url: string, key: string): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    const done = (): void => {
      script.remove();
      const data = store()[key];
      delete store()[key];
      if (typeof data === 'string') resolve(bytesOf(data));
      else reject(new Error(`${url} 中没有 ${key}`));
    };
    script.onload = done;
    script.onerror = () => {
      script.remove();
      reject(new Error(`无法加载 ${url}`));
    };
    script.src = url;
    document.head.append(script);
  });
}

/** The bytes of one data file; `base` is dist/pdfjs/data/ as an absolute URL. Each file is loaded once per page. */
export function pdfDataFile(base: string, kind: string, filename: string): Promise<Uint8Array> {
  const folder = FOLDERS[kind];
  if (!folder || !PLAIN_NAME.test(filename)) return Promise.reject(new Error(`没有这个 pdfjs 数据文件：${kind} ${filename}`));
  const key = `${folder}/${filename}`;
  let bytes = loaded.get(key);
  if (!bytes) {
    bytes = loadScript(`${base}${key}.js`, key);
    loaded.set(key, bytes);
    bytes.catch(() => loaded.delete(key));
  }
  return bytes;
}
