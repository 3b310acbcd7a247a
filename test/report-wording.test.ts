/** The sentences every front end shows: counts, verdicts, and a roll-up's headline that is green only when nothing is missing. */
import { countsPhrase, rollupVerdict, verdict } from '../src/core/report/wording';

const rollupWith = (a: { rosterGiven: boolean; schoolsMissing: number; filesRefused: number }, severities: ('error' | 'warning')[]) =>
  ({
    asOf: '2024-09-01',
    schools: [{}, {}, {}],
    accounting: { filesFound: 3, ...a },
    problems: severities.map((severity) => ({ severity })),
  }) as unknown as Parameters<typeof rollupVerdict>[0];

test.each([
  [{ errors: 0, warnings: 0 }, '没有发现问题。'],
  [{ errors: 4, warnings: 5 }, '共 4 个错误，5 个警告。'],
  [{ errors: 0, warnings: 2 }, '共 0 个错误，2 个警告。'],
])('verdict %j', (counts, text) => {
  expect(verdict(counts)).toBe(text);
  expect(countsPhrase(counts)).toBe(`${counts.errors} 个错误，${counts.warnings} 个警告`);
});

test.each([
  [{ rosterGiven: true, schoolsMissing: 0, filesRefused: 0 }, ['warning'] as const, 'good', '：名单内学校全部报送，没有无法读取的文件，也没有错误。'],
  [{ rosterGiven: false, schoolsMissing: 0, filesRefused: 0 }, [] as const, 'good', '：没有无法读取的文件，也没有错误。'],
  [{ rosterGiven: true, schoolsMissing: 2, filesRefused: 0 }, [] as const, 'warn', '：2 所学校未报送，见下方。'],
  [{ rosterGiven: true, schoolsMissing: 0, filesRefused: 1 }, ['error'] as const, 'warn', '：1 个文件无法读取，1 个错误，见下方。'],
  [{ rosterGiven: false, schoolsMissing: 5, filesRefused: 0 }, ['error', 'error'] as const, 'warn', '：2 个错误，见下方。'],
])('roll-up headline: %j with %j problems is %s', (accounting, severities, tone, ending) => {
  const v = rollupVerdict(rollupWith(accounting, [...severities]));
  expect(v.tone).toBe(tone);
  expect(v.text).toBe(`已汇总 3 个文件、3 所学校（逾期按 2024-09-01 判断）${ending}`);
});
