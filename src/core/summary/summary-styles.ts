/**
 * Styles of the bureau summary, added to the ledger's own (`STYLES`) in the
 * spec. Body text is a size smaller than the ledger's: the summary sheets are
 * wide tables printed one page wide. State colours follow Excel's built-in
 * good / neutral / bad cell styles, which people already read at a glance.
 */
import type { StyleSpec } from '../workbook/spec.js';
import { BODY_FONT, HEADING_FONT } from '../template/styles.js';
import type { Light, TaskState } from '../rollup/types.js';

export const SUMMARY_BODY_SIZE = 10;
/** The state cells of 汇总 are narrow: one size smaller again. */
export const STATE_SIZE = 9;

const body = { name: BODY_FONT, size: SUMMARY_BODY_SIZE };
const boxed = { border: 'thin', vertical: 'center', wrap: true, locked: true } as const;
const state = (fill: string | undefined, color: string): StyleSpec => ({
  font: { name: BODY_FONT, size: STATE_SIZE, color },
  ...(fill ? { fill } : {}),
  ...boxed,
  horizontal: 'center',
});

export const SUMMARY_STYLE = {
  title: 'sumTitle',
  subtitle: 'sumSubtitle',
  section: 'sumSection',
  header: 'sumHeader',
  text: 'sumText',
  center: 'sumCenter',
  rate: 'sumRate',
  ratePlain: 'sumRatePlain',
  total: 'sumTotal',
  totalRate: 'sumTotalRate',
  totalRatePlain: 'sumTotalRatePlain',
  good: 'sumGood',
  warn: 'sumWarn',
  bad: 'sumBad',
  neutral: 'sumNeutral',
  muted: 'sumMuted',
  /** A school name that needs attention: bold, so it stands out in black and white too. */
  flagged: 'sumFlagged',
} as const;
export type SummaryStyleName = (typeof SUMMARY_STYLE)[keyof typeof SUMMARY_STYLE];

export const SUMMARY_STYLES: Record<SummaryStyleName, StyleSpec> = {
  sumTitle: { font: { name: HEADING_FONT, size: 16 }, horizontal: 'center', vertical: 'center', wrap: true, locked: true },
  sumSubtitle: { font: body, horizontal: 'left', vertical: 'center', wrap: true, locked: true },
  sumSection: { font: { name: HEADING_FONT, size: 11 }, horizontal: 'left', vertical: 'center', locked: true },
  sumHeader: { font: { name: HEADING_FONT, size: SUMMARY_BODY_SIZE }, fill: 'D9E2F3', ...boxed, horizontal: 'center' },
  sumText: { font: body, ...boxed, horizontal: 'left' },
  sumCenter: { font: body, ...boxed, horizontal: 'center' },
  sumRate: { font: body, ...boxed, horizontal: 'center', numFmt: '0.0%' },
  sumRatePlain: { font: { name: BODY_FONT, size: STATE_SIZE }, ...boxed, horizontal: 'center', numFmt: '0%' },
  sumTotal: { font: { name: HEADING_FONT, size: SUMMARY_BODY_SIZE }, fill: 'EDEDED', ...boxed, horizontal: 'center' },
  sumTotalRate: { font: { name: HEADING_FONT, size: SUMMARY_BODY_SIZE }, fill: 'EDEDED', ...boxed, horizontal: 'center', numFmt: '0.0%' },
  sumTotalRatePlain: { font: { name: HEADING_FONT, size: STATE_SIZE }, fill: 'EDEDED', ...boxed, horizontal: 'center', numFmt: '0%' },
  sumGood: state('C6EFCE', '006100'),
  sumWarn: state('FFEB9C', '9C5700'),
  sumBad: state('FFC7CE', '9C0006'),
  sumNeutral: state('EDEDED', '404040'),
  sumMuted: state(undefined, '808080'),
  sumFlagged: { font: { name: HEADING_FONT, size: SUMMARY_BODY_SIZE, bold: true }, ...boxed, horizontal: 'left' },
};

export const STATE_STYLE: Record<TaskState, SummaryStyleName> = {
  已完成: SUMMARY_STYLE.good,
  推进中: SUMMARY_STYLE.warn,
  未开始: SUMMARY_STYLE.neutral,
  逾期: SUMMARY_STYLE.bad,
  未填: SUMMARY_STYLE.muted,
};

/** 汇总's task cells are coloured by light (the text stays the state): 红 逾期, 黄 临期或滞后, 绿 正常. */
export const LIGHT_STYLE: Record<Light, SummaryStyleName> = {
  红: SUMMARY_STYLE.bad,
  黄: SUMMARY_STYLE.warn,
  绿: SUMMARY_STYLE.good,
  未填: SUMMARY_STYLE.muted,
};
