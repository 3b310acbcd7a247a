import { detached } from '../src/core/detached.js';
import { memoizeText } from '../src/core/memo.js';
import { readDeadline } from '../src/core/deadline/index.js';
import { matchKey } from '../src/core/ledger/cell-text.js';

describe('memoizeText', () => {
  it('computes each distinct text once, including results that are undefined', () => {
    const seen: string[] = [];
    const upper = memoizeText((text) => {
      seen.push(text);
      return text === 'none' ? undefined : text.toUpperCase();
    });
    expect([upper('a'), upper('b'), upper('a'), upper('none'), upper('none')]).toEqual(['A', 'B', 'A', undefined, undefined]);
    expect(seen).toEqual(['a', 'b', 'none']);
  });

  it('starts over when full, so it stays bounded and still answers correctly', () => {
    const seen: string[] = [];
    const length = memoizeText((text) => {
      seen.push(text);
      return text.length;
    }, 2);
    expect([length('a'), length('bb'), length('ccc'), length('a')]).toEqual([1, 2, 3, 1]);
    // 'ccc' found the cache full and started a new one: 'a' had to be computed again.
    expect(seen).toEqual(['a', 'bb', 'ccc', 'a']);
  });

  it('detached keeps the text', () => {
    const long = '仪征市教育系统2024年党建统群工作要点'.repeat(3);
    expect(detached(long.slice(5, 40))).toBe(long.slice(5, 40));
    expect(detached('短')).toBe('短');
  });
});

describe('memoised readers give the same answers as before', () => {
  it('matchKey folds full-width forms and spaces the same on a repeat call', () => {
    expect(matchKey('工作 任务。')).toBe('工作任务');
    expect(matchKey('工作 任务。')).toBe('工作任务');
    expect(matchKey('ＡＢＣ１２３')).toBe('ABC123');
  });

  it('readDeadline answers per plan year, and shares frozen results', () => {
    const first = readDeadline('6月底前', { year: 2024 });
    expect(first).toEqual({ kind: 'date', date: '2024-06-30', precision: 'month', text: '6月底前' });
    expect(readDeadline('6月底前', { year: 2025 })).toMatchObject({ date: '2025-06-30' });
    expect(readDeadline(' 6月底前 ', { year: 2024 })).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
  });
});
