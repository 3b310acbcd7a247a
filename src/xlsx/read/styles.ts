/** Reads just enough of styles.xml to know each cell style's number format. */
import { builtinFormatCode, isDateFormat } from '../../core/workbook/number-formats.js';
import { scanXml, type XmlSource } from './xml.js';

export interface CellFormat {
  isDate: boolean;
  /** Undefined for `General`. */
  code?: string;
}

const GENERAL: CellFormat = { isDate: false };

/** Index = the cell's `s` attribute. */
export type CellFormats = CellFormat[];

export function parseStyles(xml: XmlSource | undefined): CellFormats {
  if (xml === undefined) return [];
  const custom = new Map<number, string>();
  const xfIds: number[] = [];
  let inCellXfs = false;
  scanXml(xml, {
    wantText: false,
    open(name, attrs) {
      if (name === 'numFmt') {
        const id = Number(attrs.get('numFmtId'));
        const formatCode = attrs.get('formatCode');
        if (Number.isInteger(id) && formatCode !== undefined) custom.set(id, formatCode);
      } else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) {
        const id = Number(attrs.get('numFmtId') ?? 0);
        xfIds.push(Number.isInteger(id) ? id : 0);
      }
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
    text() {},
  });
  // Many styles share a format: build each distinct one once.
  const byId = new Map<number, CellFormat>();
  return xfIds.map((id) => {
    let format = byId.get(id);
    if (!format) {
      const customCode = custom.get(id);
      const code = customCode ?? builtinFormatCode(id);
      // LibreOffice writes `GENERAL` as a custom code for id 164 and up.
      const general = code === undefined || code.toLowerCase() === 'general';
      format = general ? GENERAL : { isDate: isDateFormat(id, customCode), code };
      byId.set(id, format);
    }
    return format;
  });
}
