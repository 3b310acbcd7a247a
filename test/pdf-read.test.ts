/**
 * readPdfText around pdfjs, with a stand-in for pdfjs that serves text items
 * built here (the real pdfjs runs in test/plan-pdf.test.ts through the CLI):
 * what becomes an issue, what becomes a coded fault, and that the input bytes
 * are handed over as a copy and never changed.
 */
import { createHash } from 'node:crypto';
import { MAX_PAGES, readPdfText, type PdfjsLike, type PdfRuntime } from '../src/pdf/read-pdf';

interface Item {
  str: string;
  transform: number[];
  width: number;
}

function item(str: string, x: number, y: number, size = 12, rotated = false): Item {
  const transform = rotated ? [size * 0.7, size * 0.7, -size * 0.7, size * 0.7, x, y] : [size, 0, 0, size, x, y];
  return { str, transform, width: str.length * size };
}

const PDF_TAIL = new TextEncoder().encode('%PDF-1.7\n…\n%%EOF\n');

interface Fake {
  runtime: PdfRuntime;
  given: Uint8Array[];
  destroyed: number;
}

function fake(pages: Item[][] | (() => Promise<never>), numPages?: number): Fake {
  const state: Fake = { given: [], destroyed: 0, runtime: undefined as unknown as PdfRuntime };
  const engine: PdfjsLike = {
    getDocument(source) {
      state.given.push(source.data);
      const promise =
        typeof pages === 'function'
          ? pages()
          : Promise.resolve({
              numPages: numPages ?? pages.length,
              getPage: async (n: number) => ({ view: [0, 0, 595, 842], getTextContent: async () => ({ items: pages[n - 1] ?? [] }) }),
            });
      return { promise, destroy: async () => void state.destroyed++ };
    },
  };
  state.runtime = { load: async () => engine, cMapUrl: '/cmaps/', standardFontDataUrl: '/fonts/' };
  return state;
}

const PLAN_PAGE = [
  item('某某学校2025年德育工作要点', 150, 780, 18),
  item('一、加强思想引领', 72, 700),
  item('1. 开展主题班会。', 72, 680),
  item('内部资料', 200, 400, 40, true),
];

describe('readPdfText', () => {
  test('reads the text as paragraphs, leaves out a rotated watermark, and destroys the document', async () => {
    const f = fake([PLAN_PAGE]);
    const result = await readPdfText(PDF_TAIL, 'a.pdf', f.runtime);
    expect(result).toEqual({ text: '某某学校2025年德育工作要点\n一、加强思想引领\n1. 开展主题班会。', issues: [] });
    expect(f.destroyed).toBe(1);
  });

  test('pdfjs gets a copy of the bytes (its worker detaches what it is given); the input is unchanged', async () => {
    const f = fake([PLAN_PAGE]);
    const input = new Uint8Array(PDF_TAIL);
    const before = createHash('sha256').update(input).digest('hex');
    await readPdfText(input, 'a.pdf', f.runtime);
    expect(f.given[0]).not.toBe(input);
    expect(f.given[0]).toEqual(input);
    expect(createHash('sha256').update(input).digest('hex')).toBe(before);
  });

  test('no text on any page is PLAN_PDF_NO_TEXT (a scan), with no other issue', async () => {
    const result = await readPdfText(PDF_TAIL, 'scan.pdf', fake([[], [item(' ', 72, 700)]]).runtime);
    expect(result).toEqual({ text: '', issues: [expect.objectContaining({ code: 'PLAN_PDF_NO_TEXT', severity: 'error' })] });
  });

  test('pages without text in the middle are named; a blank last page alone is not', async () => {
    const middle = await readPdfText(PDF_TAIL, 'a.pdf', fake([PLAN_PAGE, [], [], PLAN_PAGE]).runtime);
    expect(middle.issues).toEqual([expect.objectContaining({ code: 'PLAN_PDF_PAGES_NO_TEXT', severity: 'warning', params: { pages: '2、3' } })]);
    const last = await readPdfText(PDF_TAIL, 'a.pdf', fake([PLAN_PAGE, []]).runtime);
    expect(last.issues).toEqual([]);
  });

  test('a file without %%EOF at its end was cut off: PLAN_PDF_TRUNCATED', async () => {
    const cut = new TextEncoder().encode('%PDF-1.7\n1 0 obj\n<<');
    const result = await readPdfText(cut, 'a.pdf', fake([PLAN_PAGE]).runtime);
    expect(result.issues.map((i) => i.code)).toEqual(['PLAN_PDF_TRUNCATED']);
  });

  test.each([
    ['InvalidPDFException', 'FAULT_PDF_INVALID'],
    ['UnknownErrorException', 'FAULT_PDF_INVALID'],
    ['PasswordException', 'FAULT_PDF_ENCRYPTED'],
  ])('pdfjs failing with %s is %s naming the file', async (name, code) => {
    const f = fake(() => Promise.reject(Object.assign(new Error('boom'), { name })));
    await expect(readPdfText(PDF_TAIL, '要点.pdf', f.runtime)).rejects.toMatchObject({ name: 'TaizhangError', code, params: { file: '要点.pdf' } });
    expect(f.destroyed).toBe(1);
  });

  test('pdfjs that cannot be loaded (the page offline, a broken install) is FAULT_PDF_UNAVAILABLE', async () => {
    const runtime: PdfRuntime = { load: () => Promise.reject(new Error('Failed to fetch dynamically imported module')), cMapUrl: '', standardFontDataUrl: '' };
    await expect(readPdfText(PDF_TAIL, 'a.pdf', runtime)).rejects.toMatchObject({
      code: 'FAULT_PDF_UNAVAILABLE',
      params: { file: 'a.pdf', detail: 'Failed to fetch dynamically imported module' },
    });
  });

  test('more pages than a plan can have is FAULT_PDF_TOO_LONG, before any page is read', async () => {
    const f = fake([PLAN_PAGE], MAX_PAGES + 1);
    await expect(readPdfText(PDF_TAIL, 'big.pdf', f.runtime)).rejects.toMatchObject({ code: 'FAULT_PDF_TOO_LONG', params: { pages: MAX_PAGES + 1, limit: MAX_PAGES } });
  });
});
