/**
 * The 完成时限 forms that the deadline reader accepts, as shown to users in the
 * 填报说明 sheet and in the input prompt of the 完成时限 column. Kept next to the
 * reader's tests: every example here must be understood by `readDeadline`.
 */
export const DEADLINE_FORM_EXAMPLES: readonly { label: string; examples: readonly string[] }[] = [
  { label: '具体日期', examples: ['2024-06-30', '2024/6/30', '2024.6.30', '2024年6月30日', '6月30日'] },
  { label: '月底、年底', examples: ['6月底前', '2024年6月底前', '年底前', '年内'] },
  { label: '半年、季度', examples: ['上半年', '下半年', '第三季度', '三季度末'] },
  { label: '周期性工作', examples: ['每月', '每季度', '每学期', '每年'] },
  { label: '长期工作', examples: ['长期坚持', '长期', '持续推进', '常态化'] },
];

/** One short line for an Excel input prompt (Excel caps prompt text at 255 characters). */
export const DEADLINE_PROMPT_ZH =
  '可填：2024年6月30日、2024-06-30、6月底前、年底前、上半年、第三季度、每月、每学期、长期坚持 等。';
