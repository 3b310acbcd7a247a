/** Small DOM helpers for the pane: building elements, the progress line, errors and downloads. */
import { messageFor, TaizhangError } from '../../core/issues.js';

type Attrs = Record<string, string | boolean>;
type Child = Node | string | null | undefined;

/**
 * `h('li', {class: 'x'}, 'text', child)`: an element with attributes and children. A list of children
 * (one per row or problem) is passed as an array, not spread: a call takes only so many arguments.
 */
export function h(tag: string, attrs: Attrs = {}, ...children: (Child | readonly Child[])[]): HTMLElement {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === false) continue;
    node.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children) {
    if (Array.isArray(child)) for (const c of child as readonly Child[]) append(node, c);
    else append(node, child as Child);
  }
  return node;
}

function append(node: HTMLElement, child: Child): void {
  if (child != null) node.append(child);
}

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const node = document.getElementById(id);
  if (!node) throw new Error(`#${id} missing from taskpane.html`);
  return node as T;
}

/** Visible progress: a bar (indeterminate without numbers) and a sentence read out by screen readers. */
export function showProgress(text: string, done?: number, total?: number): void {
  const area = byId('progress-area');
  const bar = byId<HTMLProgressElement>('progress');
  area.hidden = false;
  if (done !== undefined && total !== undefined && total > 0) {
    bar.max = total;
    bar.value = done;
  } else {
    bar.removeAttribute('value');
  }
  byId('progress-text').textContent = text;
}

export function hideProgress(): void {
  byId('progress-area').hidden = true;
}

export function clearError(): void {
  const box = byId('error');
  box.hidden = true;
  box.textContent = '';
}

/** A fault as the clerk sees it: code and message in the page, never only in the console. */
export function showFault(error: unknown): void {
  const code = error instanceof TaizhangError ? error.code : 'FAULT_INTERNAL';
  const message = error instanceof TaizhangError ? error.message : messageFor('FAULT_INTERNAL', { detail: String((error as Error)?.message ?? error) });
  const box = byId('error');
  box.replaceChildren(h('strong', {}, '出错了'), ' ', h('code', { class: 'code' }, code), h('p', {}, message));
  box.hidden = false;
  console.error(error);
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const liveUrls: string[] = [];

/** Forget the files of the previous result so their memory is freed. */
export function releaseDownloads(): void {
  for (const url of liveUrls.splice(0)) URL.revokeObjectURL(url);
}

/** A download link for bytes made in the page (a blob: URL on this origin; nothing is uploaded). */
function downloadLink(bytes: Uint8Array, fileName: string, label: string): HTMLAnchorElement {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: XLSX_TYPE }));
  liveUrls.push(url);
  return h('a', { class: 'button', href: url, download: fileName }, label) as HTMLAnchorElement;
}

/** Where the pane cannot save files (Excel for Mac), how to get to the browser page, which can. */
let noDownloads: { open?: () => void } | undefined;

/** From now on files are offered through the browser page instead of a download (`open` undefined: only say so). */
export function offerFilesThroughBrowser(open: (() => void) | undefined): void {
  noDownloads = open ? { open } : {};
}

/** A file made in the page, as the user gets it: `node` to show, `start()` to begin the download at once where that works. */
export interface FileOffer {
  node: HTMLElement;
  start(): void;
}

export function offerFile(bytes: Uint8Array, fileName: string, label = `下载 ${fileName}`): FileOffer {
  if (!noDownloads) {
    const link = downloadLink(bytes, fileName, label);
    return { node: link, start: () => link.click() };
  }
  const open = noDownloads.open;
  const button = open ? h('button', { type: 'button', class: 'secondary open-browser' }, '在浏览器中打开本页') : null;
  button?.addEventListener('click', () => open!());
  const node = h('div', { class: 'note no-download', 'data-file': fileName },
    h('p', {}, `Excel for Mac 的加载项窗口不能保存文件（微软的限制），“${fileName}”无法在这里下载。`),
    h('p', {}, open ? '请在浏览器中打开本页，选同样的文件再做一次，即可下载：' : '请在浏览器（Safari、Chrome、Edge）中打开本页，选同样的文件再做一次，即可下载。'),
    button,
  );
  return { node, start: () => undefined };
}

export async function readPicked(file: File): Promise<{ name: string; bytes: Uint8Array; lastModified: number }> {
  return { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()), lastModified: file.lastModified };
}

