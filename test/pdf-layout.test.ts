/**
 * The pure parts of reading a PDF plan, on glyph runs built here: lines from
 * positions, spaces from gaps, running headers/footers and page numbers
 * dropped, paragraphs rejoined. (pdfjs itself runs in test/plan-pdf.test.ts,
 * through the built CLI: jest cannot load ES modules.)
 */
import { rebuildLines, type TextRun, type VisualLine } from '../src/pdf/lines';
import { dropPageFurniture, isPageNumber, type PageLines } from '../src/pdf/page-furniture';
import { paragraphsOf } from '../src/pdf/paragraphs';

const EM = 10;

/** A run of `text` at x, baseline y, each character `advance` ems wide (Chinese 1, Latin 0.5). */
function run(text: string, x: number, y: number, size = EM): TextRun {
  const width = [...text].reduce((w, c) => w + (/[\u3000-\u9fff\uff00-\uffef“”]/.test(c) ? 1 : 0.5) * size, 0);
  return { text, x, y, width, size };
}

/** Runs one after another with the given gaps (points) between them. */
function row(y: number, x: number, parts: [string, number][]): TextRun[] {
  const runs: TextRun[] = [];
  let at = x;
  for (const [text, gap] of parts) {
    const r = run(text, at, y);
    runs.push(r);
    at += r.width + gap;
  }
  return runs;
}

describe('rebuildLines', () => {
  test('groups runs by baseline and reads each line left to right, whatever order they were drawn in', () => {
    const runs = [run('第二行', 50, 700), run('右边', 80, 720), run('左边', 50, 720.8), run('末尾', 80, 700)];
    expect(rebuildLines(runs).map((l) => l.text)).toEqual(['左边右边', '第二行末尾']);
  });

  test('spaces come from gaps: none between Chinese, one between Latin words, one for a wide Chinese–Latin gap', () => {
    const line = rebuildLines(row(700, 50, [['仪征', 3], ['教育', 4], ['Office', 2.5], ['Writer', 4], ['平台', 1.5], ['2024', 2], ['年', 0]]))[0]!;
    // 3 pt (0.3 em) between 仪征 and 教育: justification, not a space; 4 pt before Office: a space. 2.5 pt between Latin words: a space.
    // 4 pt after Writer: a space typed between Latin and Chinese; 2 pt before 年: the narrow gap Writer adds itself.
    expect(line.text).toBe('仪征教育 Office Writer 平台2024年');
  });

  test('a space pdfjs put between Chinese and digits is dropped (the automatic gap), one before a Latin word is kept', () => {
    expect(rebuildLines([run('全科；2025 年 3 月底前） 使用 Office 365', 50, 700)])[0]!.text).toBe('全科；2025年3月底前） 使用 Office 365');
  });

  test('a run drawn twice a hair apart (fake bold) is read once, and blank runs are ignored', () => {
    const runs = [run('关于印发', 50, 700), run('关于印发', 50.3, 700.2), run(' ', 90, 700), run('通知', 90, 700)];
    expect(rebuildLines(runs).map((l) => l.text)).toEqual(['关于印发通知']);
  });

  test('a line keeps its extent and the size of most of its text', () => {
    const [line] = rebuildLines([run('一', 60, 700, 16), run('、标题文字较长', 76, 700, 16), run('1', 188, 704, 8)]);
    expect(line).toMatchObject({ left: 60, size: 16, y: 700 });
    expect(line!.right).toBeCloseTo(192);
  });
});

describe('page numbers', () => {
  test.each(['— 3 —', '- 3 -', '－ 12 －', '3', '第 3 页', '第3页 共5页', '第 3 页，共 5 页', '共 5 页 第 3 页', '3 / 5', 'Page 3 of 5', '— ３ —'])('%s is a page number', (text) => {
    expect(isPageNumber(text)).toBe(true);
  });

  test.each(['2024', '1.', '三、工作要求', '第三章', '共5项任务', '3. 开展活动'])('%s is not', (text) => {
    expect(isPageNumber(text)).toBe(false);
  });
});

function line(text: string, y: number, left = 50, size = EM): VisualLine {
  return { text, y, left, right: left + text.length * size, size };
}

function page(lines: VisualLine[]): PageLines {
  return { lines, bottom: 0, top: 842 };
}

describe('dropPageFurniture', () => {
  test('drops a running header and a page number footer, and keeps the text', () => {
    const body = [['加强政治建设', '深化主题教育'], ['夯实组织体系', '规范党员发展'], ['突出队伍建设', '严明纪律规矩']];
    const pages = body.map(([top, bottom], n) =>
      page([line('某某区教育局2025年工作要点', 800), line(top!, 760), line(bottom!, 120), line(`— ${n + 1} —`, 40)]),
    );
    expect(dropPageFurniture(pages).map((lines) => lines.map((l) => l.text))).toEqual(body);
  });

  test('a footer with its own text and the page number is recognised by repeating, numbers aside', () => {
    const pages = ['第一页的正文', '第二页的正文'].map((text, n) => page([line(text, 760), line(`仪征市教育局 第${n + 1}页 共2页`, 30)]));
    expect(dropPageFurniture(pages).map((lines) => lines.map((l) => l.text))).toEqual([['第一页的正文'], ['第二页的正文']]);
  });

  test('the same line on one page only, or in the middle of pages, is text', () => {
    const pages = [
      page([line('中共仪征市委教育工作委员会', 800), line('要点', 500), line('重复的正文', 400)]),
      page([line('第二页正文', 800), line('重复的正文', 400), line('结尾', 300)]),
    ];
    expect(dropPageFurniture(pages).map((lines) => lines.map((l) => l.text))).toEqual([
      ['中共仪征市委教育工作委员会', '要点', '重复的正文'],
      ['第二页正文', '重复的正文', '结尾'],
    ]);
  });

  test('a bare number in the middle of the page is not a page number', () => {
    const pages = [page([line('第一行', 800), line('第二行', 780), line('第三行', 760), line('5', 500), line('第四行', 480), line('第五行', 460), line('第六行', 440)])];
    expect(dropPageFurniture(pages)[0]!.map((l) => l.text)).toContain('5');
  });
});

/** Lines of a left-aligned page 30 ems wide from x = 50, 15 pt apart, paragraphs 25 pt apart. */
function wrapped(paragraphs: string[], options: { indent?: number; gap?: number; width?: number } = {}): VisualLine[] {
  const width = options.width ?? 30;
  const lines: VisualLine[] = [];
  let y = 800;
  for (const text of paragraphs) {
    let rest = text;
    let first = true;
    while (rest.length > 0) {
      const room = first ? width - (options.indent ?? 0) : width;
      const piece = rest.slice(0, room);
      rest = rest.slice(room);
      lines.push(line(piece, y, 50 + (first ? (options.indent ?? 0) * EM : 0)));
      y -= 15;
      first = false;
    }
    y -= options.gap ?? 0;
  }
  return lines;
}

describe('paragraphsOf', () => {
  const long = '坚持以习近平新时代中国特色社会主义思想为指导，深入学习贯彻习近平总书记关于党的建设的重要思想，认真学习贯彻落实习近平总书记关于教育的重要论述。';
  const other = '全面落实中小学校党组织领导的校长负责制，加强学校党建工作力量，实现中小学校党组织领导的校长负责制全覆盖。';

  test('a paragraph wrapped at the margin is one line again; its last, short line ends it', () => {
    expect(paragraphsOf([wrapped([long, other], { gap: 10 })])).toEqual([long, other]);
  });

  test('with first-line indents and no space between paragraphs, the indent starts a paragraph', () => {
    expect(paragraphsOf([wrapped([long, other], { indent: 2 })])).toEqual([long, other]);
  });

  test('a heading or numbered item always starts its own paragraph, even after a full line', () => {
    const full = '这一段恰好写满了一整行的宽度而且没有缩进正好是三十个字的一行';
    expect(full).toHaveLength(30);
    expect(paragraphsOf([wrapped([full, '一、加强政治建设', full, '2. 全面落实校长负责制'])])).toEqual([full, '一、加强政治建设', full, '2. 全面落实校长负责制']);
  });

  test('where headings are indented, a line at the margin that starts like one is the rest of a wrapped line', () => {
    const lines = [
      line('一、压实安全责任', 800, 50 + 2 * EM),
      { ...line('坚持统筹发展和安全，坚持安全第', 785, 50), right: 350 },
      line('一、预防为主、综合治理。', 770, 50),
      line('二、深化专项整治', 755, 50 + 2 * EM),
      { ...line('写满一行的正文写满一行的正文写满一行的正文', 740, 50 + 2 * EM), right: 350 },
      { ...line('写满一行的正文写满一行的正文写满一行的正文', 725, 50), right: 350 },
    ];
    expect(paragraphsOf([lines]).slice(0, 3)).toEqual(['一、压实安全责任', '坚持统筹发展和安全，坚持安全第一、预防为主、综合治理。', '二、深化专项整治']);
  });

  test('where headings start at the margin, one after a full line starts a paragraph', () => {
    const lines = [{ ...line('写满一行的正文写满一行的正文写满一行的正文', 800, 50), right: 350 }, { ...line('写满一行的正文写满一行的正文写满一行的正文', 785, 50), right: 350 }, line('一、预防为主', 770, 50), line('二、综合治理', 755, 50)];
    expect(paragraphsOf([lines])).toHaveLength(3);
  });

  test('a paragraph broken by a page break is joined across the pages', () => {
    const lines = wrapped([long]);
    const [first, second] = [lines.slice(0, 2), lines.slice(2).map((l) => ({ ...l, y: l.y + 600 }))];
    expect(paragraphsOf([first, second])).toEqual([long]);
  });

  test('a larger title and lines that never wrap stay as they are', () => {
    const title = { ...line('仪征市教育系统2024年党建统群工作要点', 820, 120, 16) };
    const short = wrapped(['中共仪征市委教育工作委员会', '仪教委〔2024〕8号', '各园区、镇教育协管员：']);
    expect(paragraphsOf([[title, ...short]])).toEqual([title.text, '中共仪征市委教育工作委员会', '仪教委〔2024〕8号', '各园区、镇教育协管员：']);
  });

  test('Latin words broken at the margin get their space back; Chinese is joined without one', () => {
    const lines = [line('请登录教育云平台，使用 Office 365 在线填报，账号为 school', 800), line('id 加学号。', 785)];
    lines[0] = { ...lines[0]!, right: 350 };
    lines.push({ ...line('这一行是另一个写满宽度的段落中间的一行，用来确定右边距。。', 770), right: 350 }, { ...line('写满宽度的第三行用来确定右边距的位置在哪里。。。。。。', 755), right: 350 });
    expect(paragraphsOf([lines])[0]).toBe('请登录教育云平台，使用 Office 365 在线填报，账号为 school id 加学号。');
  });
});
