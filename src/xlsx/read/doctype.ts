/**
 * Whether a part declares a DOCTYPE: the door of XML bombs ("billion laughs")
 * and external entities. Excel, WPS and LibreOffice never write one, and the
 * Open Packaging Conventions forbid DTDs in a package's parts. Our scanner
 * would skip it unexpanded, but exceljs (the annotated copy) and other
 * programs the file travels on to might not: such a file is refused at once.
 * Only the prolog is looked at (what comes before the root element), where
 * XML allows a DOCTYPE; linear in its length.
 */
import { scanned, type XmlSource } from './xml-text.js';

export function declaresDoctype(source: XmlSource): boolean {
  const { text } = scanned(source);
  let at = text.indexOf('<');
  while (at >= 0) {
    const next = text.charCodeAt(at + 1);
    let end: number;
    if (next === 63 /* ? */) {
      end = text.indexOf('?>', at + 2);
      if (end < 0) return false;
      end += 2;
    } else if (text.startsWith('<!--', at)) {
      end = text.indexOf('-->', at + 4);
      if (end < 0) return false;
      end += 3;
    } else {
      // The root element, or (case aside, as a lenient parser reads it) the DOCTYPE.
      return next === 33 /* ! */ && text.slice(at + 2, at + 9).toUpperCase() === 'DOCTYPE';
    }
    at = text.indexOf('<', end);
  }
  return false;
}
