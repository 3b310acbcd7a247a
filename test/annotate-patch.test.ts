/**
 * The pieces that patch a school's package for the annotated copy, on small
 * hand-written parts: each changes exactly what it must and leaves every other
 * character of the part as it was.
 */
import type { CellMark } from '../src/xlsx/patch/marks';
import { locateCells } from '../src/xlsx/patch/sheet-cells';
import { StylesPatch } from '../src/xlsx/patch/styles';
import { NOTE_AUTHOR, patchComments } from '../src/xlsx/patch/comments';
import { patchWorkbook } from '../src/xlsx/patch/workbook-part';
import { patchVml } from '../src/xlsx/patch/vml';
import { SheetGeometry } from '../src/xlsx/patch/sheet-geometry';
import { applyEdits } from '../src/xlsx/patch/xml-tags';
import { STYLES } from '../src/core/template/styles';

const mark = (ref: string, severity: CellMark['severity'] = 'error'): CellMark => {
  const m = /^([A-Z]+)(\d+)$/.exec(ref)!;
  const col = [...m[1]!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return { row: Number(m[2]), col, ref, severity, lines: [`【错误】${ref} 有问题`] };
};

/** Applies the located edits, each marked cell getting style 100 + its old style. */
function marked(xml: string, refs: string[]): string {
  const located = locateCells(xml, refs.map((r) => mark(r)));
  if (!located) throw new Error('no sheetData');
  return applyEdits(xml, located.edits((site) => 100 + site.style));
}

describe('marking cells in a worksheet part', () => {
  const head = '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:dimension ref="A2:C7"/>' +
    '<x:cols><x:col min="1" max="1" width="9" style="5"/><x:col min="3" max="4" width="9" style="6"/></x:cols>';
  const rows =
    '<x:row r="2" spans="2:2"><x:c r="B2" s="1" t="s"><x:v>7</x:v></x:c></x:row>' +
    // no r= on the row or its cells: row 3, cells A3 and B3
    '<x:row><x:c t="inlineStr"><x:is><x:t>甲</x:t></x:is></x:c><x:c s="2"><x:f t="shared" ref="B3:B4" si="0">A3&amp;"x"</x:f><x:v>1</x:v></x:c></x:row>' +
    '<x:row r="7" s="3" customFormat="1"/>';
  const sheet = `${head}<x:sheetData>${rows}</x:sheetData><x:pageSetup fitToWidth="1"/></x:worksheet>`;

  test('existing cells get s= and nothing else changes; missing cells and rows are inserted in order, in the file\'s prefix', () => {
    const out = marked(sheet, ['A1', 'B2', 'D2', 'A3', 'B3', 'C3', 'B7', 'A9']);
    expect(out).toBe(
      head.replace('ref="A2:C7"', 'ref="A1:D9"') +
        '<x:sheetData>' +
        '<x:row r="1"><x:c r="A1" s="105"/></x:row>' +
        '<x:row r="2" spans="2:4"><x:c r="B2" s="101" t="s"><x:v>7</x:v></x:c><x:c r="D2" s="106"/></x:row>' +
        '<x:row><x:c t="inlineStr" s="100"><x:is><x:t>甲</x:t></x:is></x:c><x:c s="102"><x:f t="shared" ref="B3:B4" si="0">A3&amp;"x"</x:f><x:v>1</x:v></x:c><x:c r="C3" s="106"/></x:row>' +
        '<x:row r="7" s="3" customFormat="1"><x:c r="B7" s="103"/></x:row>' +
        '<x:row r="9"><x:c r="A9" s="105"/></x:row>' +
        '</x:sheetData><x:pageSetup fitToWidth="1"/></x:worksheet>',
    );
  });

  test('no marks: the part is unchanged', () => {
    expect(marked(sheet, [])).toBe(sheet);
  });

  test('an empty <sheetData/> gets the rows', () => {
    const empty = '<worksheet><sheetData/><pageMargins left="1"/></worksheet>';
    expect(marked(empty, ['B2', 'A5'])).toBe('<worksheet><sheetData><row r="2"><c r="B2" s="100"/></row><row r="5"><c r="A5" s="100"/></row></sheetData><pageMargins left="1"/></worksheet>');
  });

  test('a part without sheetData cannot be marked', () => {
    expect(locateCells('<worksheet/>', [mark('A1')])).toBeUndefined();
  });
});

describe('styles.xml', () => {
  const styles =
    '<?xml version="1.0"?><x:styleSheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
    '<x:fonts count="1"><x:font><x:sz val="11"/></x:font></x:fonts>' +
    '<x:borders count="1"><x:border/></x:borders><x:cellStyleXfs count="1"><x:xf/></x:cellStyleXfs>' +
    '<x:cellXfs count="2"><x:xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
    '<x:xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"><x:alignment wrapText="1"/></x:xf></x:cellXfs>' +
    '</x:styleSheet>';

  test('a marked style is a copy of the cell\'s own with the mark fill; the missing fills list is created with its two reserved entries', () => {
    const patch = StylesPatch.from(styles)!;
    expect(patch.markXf(1, 'error')).toBe(2);
    expect(patch.markXf(1, 'error')).toBe(2);
    expect(patch.markXf(1, 'warning')).toBe(3);
    expect(patch.markXf(7, 'error')).toBe(4); // past the table: the default format
    expect(patch.text).toBe(
      '<?xml version="1.0"?><x:styleSheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
        '<x:fonts count="1"><x:font><x:sz val="11"/></x:font></x:fonts>' +
        '<x:fills count="4"><x:fill><x:patternFill patternType="none"/></x:fill><x:fill><x:patternFill patternType="gray125"/></x:fill>' +
        '<x:fill><x:patternFill patternType="solid"><x:fgColor rgb="FFFFC7CE"/><x:bgColor indexed="64"/></x:patternFill></x:fill>' +
        '<x:fill><x:patternFill patternType="solid"><x:fgColor rgb="FFFFEB9C"/><x:bgColor indexed="64"/></x:patternFill></x:fill></x:fills>' +
        '<x:borders count="1"><x:border/></x:borders><x:cellStyleXfs count="1"><x:xf/></x:cellStyleXfs>' +
        '<x:cellXfs count="5"><x:xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
        '<x:xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"><x:alignment wrapText="1"/></x:xf>' +
        '<x:xf numFmtId="14" fontId="0" fillId="2" borderId="0" xfId="0" applyNumberFormat="1" applyFill="1"><x:alignment wrapText="1"/></x:xf>' +
        '<x:xf numFmtId="14" fontId="0" fillId="3" borderId="0" xfId="0" applyNumberFormat="1" applyFill="1"><x:alignment wrapText="1"/></x:xf>' +
        '<x:xf numFmtId="0" fontId="0" fillId="2" borderId="0" xfId="0" applyFill="1"/></x:cellXfs>' +
        '</x:styleSheet>',
    );
  });

  test('appending to a copy patched before reuses the entries already there', () => {
    const first = StylesPatch.from(styles)!;
    const table = first.addStyles({ fixed: STYLES.fixed, header: STYLES.header });
    first.markXf(0, 'error');
    const once = first.text;
    const again = StylesPatch.from(once)!;
    expect(again.addStyles({ fixed: STYLES.fixed, header: STYLES.header }).xf).toEqual(table.xf);
    again.markXf(0, 'error');
    expect(again.text).toBe(once);
  });
});

describe('comments and their drawing', () => {
  const comments =
    '<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors><author>张老师</author><author>' + NOTE_AUTHOR + '</author></authors>' +
    '<commentList><comment ref="B2" authorId="0"><text><t>请核对</t><r><t xml:space="preserve">\n【警告】上次加的</t></r></text></comment>' +
    '<comment ref="C3" authorId="1"><text><r><t>【错误】旧的</t></r></text></comment>' +
    '<comment ref="D4" authorId="0"><text><t>学校自己的</t></text></comment></commentList></comments>';

  test("the school's comments stay; ours from an earlier check go (whole, or the lines under theirs); a marked cell the school commented gets our lines under theirs", () => {
    const result = patchComments(comments, [mark('B2'), mark('E5')])!;
    expect(result.dropped).toEqual(['C3']);
    expect(result.added.map((m) => m.ref)).toEqual(['E5']);
    expect(result.text).toBe(
      '<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors><author>张老师</author><author>' + NOTE_AUTHOR + '</author></authors>' +
        '<commentList><comment ref="B2" authorId="0"><text><t>请核对</t><r><t xml:space="preserve">\n【错误】B2 有问题</t></r></text></comment>' +
        '<comment ref="D4" authorId="0"><text><t>学校自己的</t></text></comment>' +
        '<comment ref="E5" authorId="1"><text><r><t>【错误】E5 有问题</t></r></text></comment></commentList></comments>',
    );
  });

  test('after a program re-saved the copy (authors lost, runs split where the font changes) our comments and lines are still found', () => {
    const resaved =
      '<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors><author> </author></authors><commentList>' +
      '<comment ref="B5" authorId="0"><text><r><rPr><sz val="11"/></rPr><t xml:space="preserve">【错误】联系电话“</t></r><r><t>8345”不像…</t></r></text></comment>' +
      '<comment ref="G3" authorId="0"><text><r><t>学校：时限待定</t></r><r><t xml:space="preserve">\n【错误】完成时限“</t></r><r><t>下个月”…</t></r></text></comment>' +
      '</commentList></comments>';
    const result = patchComments(resaved, [mark('G3')])!;
    expect(result.dropped).toEqual(['B5']);
    expect(result.text).toBe(
      '<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors><author> </author><author>' + NOTE_AUTHOR + '</author></authors><commentList>' +
        '<comment ref="G3" authorId="0"><text><r><t>学校：时限待定</t></r><r><t xml:space="preserve">\n【错误】G3 有问题</t></r></text></comment>' +
        '</commentList></comments>',
    );
  });

  test('a drawing keeps its other shapes, loses the dropped note and gains a note for each new comment', () => {
    const shape = (id: number, row: number, col: number, kind = 'Note'): string =>
      `<v:shape id="_x0000_s${id}" type="#_x0000_t202"><x:ClientData ObjectType="${kind}"><x:Row>${row}</x:Row><x:Column>${col}</x:Column></x:ClientData></v:shape>`;
    const vml = `<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"><v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202"/>${shape(1025, 1, 1)}${shape(1026, 2, 2)}${shape(1030, 2, 2, 'Button')}</xml>`;
    const geometry = new SheetGeometry('<worksheet><sheetData/></worksheet>', 11);
    const out = patchVml(vml, [mark('E5')], new Set(['2,2']), geometry);
    expect(out).toContain(shape(1025, 1, 1));
    expect(out).not.toContain(shape(1026, 2, 2));
    expect(out).toContain(shape(1030, 2, 2, 'Button'));
    expect(out).toMatch(/<v:shape id="_x0000_s1031" type="#_x0000_t202"[^>]*visibility:hidden[\s\S]*<x:Row>4<\/x:Row><x:Column>4<\/x:Column><\/x:ClientData><\/v:shape><\/xml>$/);
  });
});

describe('workbook.xml', () => {
  const wb =
    '<workbook xmlns="m" xmlns:r="rel"><bookViews><workbookView activeTab="2" firstSheet="1"/></bookViews><sheets>' +
    '<sheet name="甲" sheetId="3" r:id="rId1"/><sheet name="校验结果" sheetId="9" r:id="rId2"/><sheet name="乙" sheetId="4" r:id="rId3"/></sheets>' +
    '<definedNames><definedName name="_xlnm.Print_Titles" localSheetId="0">甲!$1:$2</definedName>' +
    '<definedName name="_xlnm.Print_Titles" localSheetId="1">校验结果!$1:$2</definedName>' +
    '<definedName name="_xlnm.Print_Titles" localSheetId="2">乙!$1:$2</definedName><definedName name="全局">甲!$A$1</definedName></definedNames>' +
    '<calcPr/></workbook>';

  test('the report goes first and is active, the old one goes, and sheet-scoped names follow their sheets', () => {
    const out = patchWorkbook(wb, 1, { name: '校验结果', relId: 'rId9', names: [{ name: '_xlnm.Print_Titles', refersTo: "'校验结果'!$1:$2", localSheetId: 0 }] })!;
    expect(out.activeTab).toBe(2);
    expect(out.text).toBe(
      '<workbook xmlns="m" xmlns:r="rel"><bookViews><workbookView activeTab="0" firstSheet="0"/></bookViews><sheets>' +
        '<sheet name="校验结果" sheetId="10" r:id="rId9"/><sheet name="甲" sheetId="3" r:id="rId1"/><sheet name="乙" sheetId="4" r:id="rId3"/></sheets>' +
        '<definedNames><definedName name="_xlnm.Print_Titles" localSheetId="0">\'校验结果\'!$1:$2</definedName>' +
        '<definedName name="_xlnm.Print_Titles" localSheetId="1">甲!$1:$2</definedName>' +
        '<definedName name="_xlnm.Print_Titles" localSheetId="2">乙!$1:$2</definedName><definedName name="全局">甲!$A$1</definedName></definedNames>' +
        '<calcPr/></workbook>',
    );
  });
});
