/** pdfjs-dist's minified builds, which webpack bundles into the page's lazy pdfjs chunks (pdf-runtime.ts). */
declare module 'pdfjs-dist/legacy/build/pdf.min.mjs' {
  export * from 'pdfjs-dist/legacy/build/pdf.mjs';
}
declare module 'pdfjs-dist/legacy/build/pdf.worker.min.mjs' {
  /** What pdfjs's main thread runs when it has no worker (`globalThis.pdfjsWorker`). */
  export const WorkerMessageHandler: unknown;
}
