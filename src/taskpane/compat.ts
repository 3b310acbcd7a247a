/**
 * The two DOM methods the page uses that are newer than its floor engine (Chrome 73, what legacy.js
 * checks for; WPS 表格's embedded Chromium can be that old, docs/wps-support.md): added when missing,
 * with the behaviour the page relies on. Imported first by index.ts, so every mode has them.
 */
type ChildNodeLike = Node | string;

if (typeof Element !== 'undefined' && typeof Element.prototype.replaceChildren !== 'function') {
  // Chrome 86: remove every child, then append the given nodes and strings in order.
  Element.prototype.replaceChildren = function replaceChildren(this: Element, ...nodes: ChildNodeLike[]): void {
    while (this.firstChild) this.removeChild(this.firstChild);
    for (const node of nodes) this.appendChild(typeof node === 'string' ? document.createTextNode(node) : node);
  };
}

if (typeof Blob !== 'undefined' && typeof Blob.prototype.arrayBuffer !== 'function') {
  // Chrome 76: a picked file's bytes, through FileReader.
  Blob.prototype.arrayBuffer = function arrayBuffer(this: Blob): Promise<ArrayBuffer> {
    return new Promise((resolve, reject) => {
      const reader = new FileReader();
      reader.onload = () => resolve(reader.result as ArrayBuffer);
      reader.onerror = () => reject(reader.error);
      reader.readAsArrayBuffer(this);
    });
  };
}

export {};
