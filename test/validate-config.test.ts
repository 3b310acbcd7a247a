/**
 * Rules as configuration: defaults, a bureau's partial JSON, switching a rule
 * off or changing its severity, and the refusals that keep a typo from
 * silently doing nothing. Also the phone-number forms accepted.
 */
import { TaizhangError } from '../src/core/issues';
import { MESSAGES_ZH_CN } from '../src/core/messages.zh-CN';
import { isPhoneList } from '../src/core/validate/info-rules';
import { defaultRules, VALIDATE_CODES } from '../src/core/validate/validate-ledger';
import { ValidationRules } from '../src/core/validate/rules';
import { fillLedger } from './helpers/fill-ledger';
import { brief, seedPlan, SHEET, validateBytes, withChanges } from './helpers/validate-fixture';

test('defaults: parse({}) is defaultRules, with the template status list and the standard prefixes', () => {
  expect(ValidationRules.parse({})).toEqual(defaultRules);
  expect(defaultRules).toEqual({
    severity: {},
    statusValues: ['未开始', '推进中', '已完成'],
    doneStatus: '已完成',
    deadlineWindow: { monthsAfterYearEnd: 0 },
    formulaPrefixes: ['=', '+', '-', '@', '\t', '\r'],
    allowDashOnly: true,
    pace: { dueSoonDays: 15, notStartedShare: 0.5, lowestCount: 3 },
  });
});

test('a typo in a rules file is refused, not ignored', () => {
  expect(ValidationRules.safeParse({ severity: { VALIDATE_OVERDU: 'off' } }).success).toBe(false);
  expect(ValidationRules.safeParse({ severity: { VALIDATE_OVERDUE: 'silent' } }).success).toBe(false);
  expect(ValidationRules.safeParse({ statusValue: ['完成'] }).success).toBe(false);
  expect(ValidationRules.safeParse({ deadlineWindow: { to: '2024/12/31' } }).success).toBe(false);
  expect(ValidationRules.safeParse({ statusValues: [] }).success).toBe(false);
});

test('every code has a zh-CN message that says what to do (请)', () => {
  for (const code of VALIDATE_CODES) {
    const message = (MESSAGES_ZH_CN as Record<string, string>)[code];
    expect(message).toBeDefined();
    expect(message).toContain('请');
  }
});

describe('on a ledger with several problems', () => {
  let bytes: Uint8Array;
  beforeAll(async () => {
    bytes = await fillLedger(
      seedPlan,
      withChanges({
        tasks: {
          P2T6: { status: '已暂停', deadline: '2025-02-28', remark: '@张三' },
          P3T8: { deadline: '2024-08-31' }, // overdue, 推进中
          P1T2: { remark: '-' },
        },
      }),
    );
  });
  const run = (rules: unknown) => brief(validateBytes(bytes, { rules: ValidationRules.parse(rules) }).issues);

  test('with the defaults', () => {
    expect(run({})).toEqual([
      `VALIDATE_DEADLINE_OUTSIDE_WINDOW ${SHEET.p2}!G5`,
      `VALIDATE_STATUS_INVALID ${SHEET.p2}!I5`,
      `VALIDATE_FORMULA_PREFIX ${SHEET.p2}!J5`,
      `VALIDATE_OVERDUE ${SHEET.p3}!G3`,
    ]);
  });

  test('severity: off drops a rule, and a warning can be made an error', () => {
    const issues = validateBytes(bytes, { rules: ValidationRules.parse({ severity: { VALIDATE_FORMULA_PREFIX: 'off', VALIDATE_OVERDUE: 'error' } }) }).issues;
    expect(issues.map((i) => [i.code, i.severity])).toEqual([
      ['VALIDATE_DEADLINE_OUTSIDE_WINDOW', 'warning'],
      ['VALIDATE_STATUS_INVALID', 'error'],
      ['VALIDATE_OVERDUE', 'error'],
    ]);
  });

  test('a bureau that allows 已暂停 and deadlines into the next term', () => {
    expect(run({ statusValues: ['未开始', '推进中', '已暂停', '已完成'], deadlineWindow: { monthsAfterYearEnd: 2 } })).toEqual([
      `VALIDATE_FORMULA_PREFIX ${SHEET.p2}!J5`,
      `VALIDATE_OVERDUE ${SHEET.p3}!G3`,
    ]);
  });

  test('an explicit window: from/to replace the plan dates', () => {
    const issues = validateBytes(bytes, { rules: ValidationRules.parse({ deadlineWindow: { from: '2024-09-01', to: '2025-06-30' } }) }).issues;
    const outside = issues.filter((i) => i.code === 'VALIDATE_DEADLINE_OUTSIDE_WINDOW');
    // 2025-02-28 is inside now; the June and August dates are before the new start.
    expect(outside.map((i) => `${i.where.sheet}!${i.where.cell}`)).not.toContain(`${SHEET.p2}!G5`);
    expect(outside.map((i) => `${i.where.sheet}!${i.where.cell}`)).toContain(`${SHEET.p3}!G3`);
    expect(outside[0]!.params).toMatchObject({ from: '2024-09-01', to: '2025-06-30' });
  });

  test('formula prefixes are configurable, and a lone "-" can be flagged too', () => {
    expect(run({ formulaPrefixes: ['='] })).not.toContain(`VALIDATE_FORMULA_PREFIX ${SHEET.p2}!J5`);
    expect(run({ allowDashOnly: false })).toContain(`VALIDATE_FORMULA_PREFIX ${SHEET.p1}!J4`);
  });

  test('a later asOf makes more tasks overdue; asOf must be a date', () => {
    const late = brief(validateBytes(bytes, { asOf: '2024-12-01' }).issues).filter((l) => l.startsWith('VALIDATE_OVERDUE'));
    // 三 G3 (08-31), the row inserted under it (三季度末 → 09-30) and 四 G7 (2024-11-30).
    expect(late).toEqual([
      `VALIDATE_OVERDUE ${SHEET.p3}!G3`,
      `VALIDATE_OVERDUE ${SHEET.p3}!G4`,
      `VALIDATE_OVERDUE ${SHEET.p4}!G7`,
    ]);
    expect(() => validateBytes(bytes, { asOf: '2024/12/01' })).toThrow(TaizhangError);
  });
});

test.each([
  ['13812345678', true],
  ['138 1234 5678', true],
  ['138-1234-5678', true],
  ['+86 138 1234 5678', true],
  ['１３８１２３４５６７８', true],
  ['0514-83456789', true],
  ['0514－83456789', true],
  ['(0514)83456789', true],
  ['（0514）8345678', true],
  ['0514-83456789-123', true],
  ['0514-83456789转123', true],
  ['010 12345678', true],
  ['83456789', true],
  ['13812345678/0514-83456789', true],
  ['13812345678、83456789', true],
  ['12812345678', false],
  ['1381234567', false],
  ['138123456789', false],
  ['8345678', false],
  ['0514-834', false],
  ['张老师', false],
  ['13812345678/', false],
])('phone %s → %s', (text, ok) => {
  expect(isPhoneList(text)).toBe(ok);
});
