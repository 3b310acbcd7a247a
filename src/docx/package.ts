/**
 * The parts of a .docx the plan needs — the main document, its numbering and
 * styles — found the way Word finds them (_rels/.rels names the main part,
 * its own rels name the others), read with the workbook reader's strict zip
 * reader: sizes and ratios checked before anything is inflated, CRCs after.
 * Anything wrong with the package is FAULT_DOCX_INVALID.
 */
import { TaizhangError } from '../core/issues.js';
import { DEFAULT_LIMITS } from '../xlsx/read/types.js';
import { parseRelationships, relKind } from '../xlsx/read/workbook.js';
import { decodeXml, type XmlSource } from '../xlsx/read/xml.js';
import { ZipArchive } from '../xlsx/read/zip.js';

export interface DocxParts {
  document: XmlSource;
  numbering?: XmlSource;
  styles?: XmlSource;
}

export function readDocxParts(bytes: Uint8Array, fileName: string): DocxParts {
  try {
    const zip = new ZipArchive(bytes, DEFAULT_LIMITS);
    const text = (part: string): XmlSource | undefined => {
      const data = zip.read(part);
      return data === undefined ? undefined : decodeXml(data);
    };
    const main = parseRelationships(text('_rels/.rels'), '').find((r) => relKind(r.type) === 'officeDocument' && !r.external)?.part;
    const documentPart = main !== undefined && /\.xml$/i.test(main) && zip.has(main) ? main : 'word/document.xml';
    const document = text(documentPart);
    if (document === undefined) throw new Error('no main document part');
    const folder = documentPart.slice(0, documentPart.lastIndexOf('/') + 1);
    const rels = parseRelationships(text(`${folder}_rels/${documentPart.slice(folder.length)}.rels`), folder);
    const partOf = (kind: string, fallback: string): XmlSource | undefined => {
      const rel = rels.find((r) => relKind(r.type) === kind && !r.external);
      return text(rel?.part ?? `${folder}${fallback}`);
    };
    const numbering = partOf('numbering', 'numbering.xml');
    const styles = partOf('styles', 'styles.xml');
    return { document, ...(numbering !== undefined ? { numbering } : {}), ...(styles !== undefined ? { styles } : {}) };
  } catch (cause) {
    // A refusal from the zip reader (truncated, a bomb, a bad CRC), or no document in it.
    throw new TaizhangError('FAULT_DOCX_INVALID', { file: fileName }, { cause });
  }
}
