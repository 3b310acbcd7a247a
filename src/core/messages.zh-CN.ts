/**
 * The one zh-CN table of problem and fault messages, keyed by stable code.
 * `{name}` placeholders are filled from the params. Each message says
 * what is wrong and what to do, so a clerk can fix it without asking anyone.
 *
 * Add codes in the section of the module that produces them; never reuse or
 * rename a code once shipped (bureaus keep old reports).
 */
export const MESSAGES_ZH_CN = {
  // ── Plan parser (src/core/plan-parser) ──────────────────────────────────
  PLAN_EMPTY: '文件中没有可读的文字。请确认选择的是工作要点正文（.txt 或 .docx）。',
  PLAN_NO_PILLARS: '没有找到“一、二、三……”形式的大项标题，无法识别工作要点结构。请确认每个大项单独成段，并以“一、”等开头。',
  PLAN_NO_TASKS: '没有找到“1. 2. 3.……”形式的具体任务。请确认每项任务单独成段，并以“1.”或“1．”等开头。',
  PLAN_PILLAR_GAP: '大项编号不连续：应为“{expected}、”，实际为“{found}、”。请检查是否漏了一个大项或编号写错。',
  PLAN_PILLAR_DUPLICATE: '大项编号“{found}、”重复出现。请检查编号。',
  PLAN_PILLAR_EMPTY: '大项“{title}”下没有具体任务。请确认任务以“1.”等编号开头。',
  PLAN_GROUP_GAP: '分组编号不连续：应为“（{expected}）”，实际为“（{found}）”。',
  PLAN_TASK_GAP: '任务编号不连续：应为 {expected}，实际为 {found}。请检查是否漏了一项任务或编号写错。',
  PLAN_TASK_DUPLICATE: '任务编号 {found} 重复出现。台账会按出现顺序分别列出，请核对原文。',
  PLAN_TASK_EMPTY: '任务 {found} 只有编号，没有内容。请补全任务内容。',
  PLAN_TASK_BEFORE_PILLAR: '第一个大项之前出现了编号任务“{text}”，已忽略。请确认它是否应属于某个大项。',
  PLAN_YEAR_GUESSED: '未能从标题或发文日期中读出年度，按 {year} 年处理。如不正确，请在标题中写明年度（如“2024 年工作要点”）。',
  PLAN_DECODE_REPLACED: '文件中有 {count} 处无法识别的字符（已用 � 代替），文件编码可能不是 UTF-8、UTF-16 或 GB18030。请用记事本“另存为 UTF-8”后重试。',

  // ── Deadline reader (src/core/deadline) ─────────────────────────────────
  DEADLINE_UNKNOWN: '完成时限“{value}”无法识别。请写成如“2024年6月30日”“6月底前”“年底前”“每学期”“长期坚持”等形式。',

  // ── Template spec (src/core/template) ───────────────────────────────────

  // ── Submission reader (src/xlsx/read) ───────────────────────────────────

  // ── Validation (src/core/validate) ──────────────────────────────────────

  // ── Roll-up (src/core/rollup) ───────────────────────────────────────────

  // ── Faults: thrown as TaizhangError, shown with their code ──────────────
  FAULT_USAGE: '命令用法有误：{detail}。运行 taizhang --help 查看用法。',
  FAULT_FILE_NOT_FOUND: '找不到文件“{file}”。请检查路径是否正确。',
  FAULT_FILE_UNREADABLE: '无法读取文件“{file}”：{detail}。',
  FAULT_PLAN_FORMAT: '不支持的工作要点文件类型“{file}”。请提供 .txt 或 .docx 文件；.doc 或 .pdf 请先另存为 .docx 或 .txt。',
  FAULT_DOCX_INVALID: '“{file}”不是有效的 Word 文档（.docx），可能已损坏或只是改了扩展名。请用 Word 或 WPS 打开后另存为 .docx。',
  FAULT_OUTPUT_WRITE: '无法写入输出文件“{file}”：{detail}。请确认目录存在、有写入权限，且文件没有在 Excel/WPS 中打开。',
  FAULT_INTERNAL: '程序内部错误：{detail}。请把这条信息和所用文件发给技术支持。',
} as const satisfies Record<string, string>;

export type MessageCode = keyof typeof MESSAGES_ZH_CN;
