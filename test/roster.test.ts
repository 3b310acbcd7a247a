import ExcelJS from 'exceljs';
import { readRoster } from '../src/app/load-roster';

const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

test('a text roster: one school per line, numbering, comments, blanks and repeats dropped', () => {
  expect(readRoster(encode('\ufeff1. 仪征市实验小学\n2、仪征市第二中学 # 初中\n\n仪征市实验小学\n'), '名单.txt')).toEqual(['仪征市实验小学', '仪征市第二中学']);
});

test('a workbook roster: the column headed 学校名称, below its header', async () => {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('名单');
  sheet.addRow(['2024 年应报学校']);
  sheet.addRow(['序号', '学校名称', '联系人']);
  sheet.addRow([1, '仪征市实验小学', '王芳']);
  sheet.addRow([2, '仪征市月塘小学', '李雷']);
  const names = readRoster(new Uint8Array(await workbook.xlsx.writeBuffer()), '名单.xlsx');
  expect(names).toEqual(['仪征市实验小学', '仪征市月塘小学']);
});

test('an empty or unreadable roster is a fault that names the file', () => {
  expect(() => readRoster(encode('\n# 空\n'), '空.txt')).toThrow(expect.objectContaining({ code: 'FAULT_ROSTER_INVALID', params: { file: '空.txt', detail: '文件里没有学校名称' } }));
  const broken = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]);
  expect(() => readRoster(broken, '坏.xlsx')).toThrow(expect.objectContaining({ code: 'FAULT_ROSTER_INVALID' }));
});
