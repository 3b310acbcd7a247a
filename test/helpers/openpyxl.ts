/**
 * A second reader for tests: openpyxl (Debian's python3-openpyxl, at
 * /usr/bin/python3: the PATH python may lack it). It reads back what a
 * spreadsheet program sees of every cell's look (fill, font, border, format,
 * alignment, protection), each cell's comment, and each sheet's print setup.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';

export const PYTHON = '/usr/bin/python3';

const SCRIPT = String.raw`
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
out = []
def color(c):
    return None if c is None else (c.rgb if c.type == 'rgb' else '%s:%s' % (c.type, c.value))
for ws in wb.worksheets:
    cells, comments = {}, {}
    for row in ws.iter_rows():
        for c in row:
            f, font, b, a = c.fill, c.font, c.border, c.alignment
            cells[c.coordinate] = {
                'fill': [f.patternType, color(f.fgColor)],
                'rest': [font.name, font.sz, font.b, color(font.color), b.left.style, b.right.style, b.top.style, b.bottom.style,
                         c.number_format, a.horizontal, a.vertical, a.wrap_text, c.protection.locked],
            }
            if c.comment is not None:
                comments[c.coordinate] = c.comment.text
    pr = ws.sheet_properties.pageSetUpPr
    ps = ws.page_setup
    out.append({'name': ws.title, 'cells': cells, 'comments': comments,
                'print': {'fitToPage': None if pr is None else pr.fitToPage, 'fitToWidth': ps.fitToWidth, 'fitToHeight': ps.fitToHeight,
                          'orientation': ps.orientation, 'paperSize': ps.paperSize, 'titles': ws.print_title_rows,
                          'area': ws.print_area, 'footer': ws.oddFooter.center.text}})
json.dump(out, sys.stdout, ensure_ascii=False)
`;

export interface CellLook {
  fill: [string | null, string | null];
  rest: unknown[];
}

export interface SheetLook {
  name: string;
  cells: Record<string, CellLook>;
  comments: Record<string, string>;
  print: Record<string, unknown>;
}

export function hasOpenpyxl(): boolean {
  return fs.existsSync(PYTHON) && spawnSync(PYTHON, ['-c', 'import openpyxl'], { encoding: 'utf8' }).status === 0;
}

/** What openpyxl reads from the file at `file`, sheet by sheet in tab order; throws if it cannot open it. */
export function readWithOpenpyxl(file: string): SheetLook[] {
  const result = spawnSync(PYTHON, ['-c', SCRIPT, file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: 60_000 });
  if (result.status !== 0) throw new Error(`openpyxl could not read ${file}:\n${result.stderr}`);
  return JSON.parse(result.stdout) as SheetLook[];
}
