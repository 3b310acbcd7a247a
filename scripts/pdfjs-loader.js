/**
 * webpack loader for pdfjs-dist's builds bundled into the page's pdfjs chunks: `import.meta.url` becomes the
 * page's address. webpack would write the build machine's own path there (file:///…/node_modules/…), which has
 * no business in the shipped files; pdfjs reads it only in its Node code and as the base of the image decoders'
 * wasm, neither of which runs when the page reads a plan's text.
 */
module.exports = function pdfjsLoader(source) {
  return source.split('import.meta.url').join('self.location.href');
};
