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
  PLAN_EMPTY: '文件中没有可读的文字。请确认选择的是工作要点正文（.txt、.docx 或 .pdf）。',
  PLAN_NO_PILLARS:
    '没有读出工作要点的结构：共 {paragraphs} 段文字，找到 {pillars} 个“一、”大项、{numbered} 个“（一）”“1.”“（1）”编号段落{unread}。' +
    '请确认每个大项、每项任务单独成段，并以“一、”“1.”等编号开头；编号若是 Word 的自动编号，请提供 .docx 原件；工作要点若是一张任务分解表，请提供 .xlsx、.csv 或含表格的 .docx。',
  PLAN_NO_TASKS:
    '找到 {pillars} 个大项，但其下没有编号的任务：共 {paragraphs} 段文字，{numbered} 个“（一）”“1.”“（1）”编号段落{unread}。' +
    '请确认每项任务单独成段，并以“1.”“（一）”等编号开头；任务若在另一级编号上，可用命令行选项 --task-level 指定。',
  PLAN_PILLAR_GAP: '大项编号不连续：应为“{expected}、”，实际为“{found}、”。请检查是否漏了一个大项或编号写错。',
  PLAN_PILLAR_DUPLICATE: '大项编号“{found}、”重复出现。请检查编号。',
  PLAN_PILLAR_EMPTY: '大项“{title}”下没有具体任务。请确认任务以“1.”等编号开头。',
  PLAN_GROUP_GAP: '分组编号不连续：应为“（{expected}）”，实际为“（{found}）”。',
  PLAN_TASK_GAP: '任务编号不连续：应为 {expected}，实际为 {found}。请检查是否漏了一项任务或编号写错。',
  PLAN_TASK_DUPLICATE: '任务编号 {found} 重复出现。台账会按出现顺序分别列出，请核对原文。',
  PLAN_TASK_EMPTY: '任务 {found} 只有编号，没有内容。请补全任务内容。',
  PLAN_TASK_BEFORE_PILLAR: '第一个大项之前出现了编号任务“{text}”，已忽略。请确认它是否应属于某个大项。',
  PLAN_TRAILER_IGNORED: '从这一行起的 {count} 行（“{text}”等）是文末的附件、署名、日期或抄送，不属于最后一项任务，未计入任务内容。',
  PLAN_YEAR_GUESSED: '未能从标题或发文日期中读出年度，按 {year} 年处理。如不正确，请在标题中写明年度（如“2024 年工作要点”）。',
  PLAN_FLAT_LIST: '没有“一、二、三……”形式的大项标题，全部 {count} 项任务归入一个大项“{title}”（台账中为一张表）。如果原文有大项，请确认大项标题单独成段并以“一、”等开头。',
  PLAN_PILLAR_PROSE: '大项“{title}”下只有说明文字，没有编号任务（指导思想、工作目标常是这样），台账中这一大项的表没有任务行。如果其中有要落实的任务，请给它们加上“1.”等编号。',
  PLAN_LINES_SPLIT: '有 {count} 处大项或任务的编号在一行中间（从网页或 PDF 复制的文字丢了换行），已在这些编号处分段。请在大纲中核对分段是否正确。',
  PLAN_CONTENTS_SKIPPED: '从这一行起的 {count} 行是目录或提纲（正文前重复列出的大项标题），没有当作大项读取。',
  PLAN_NOTE_IN_TEXT: '任务“{task}”的正文中间有“{text}”，像是责任单位或完成时限，但不在任务末尾，没有预填进台账。请核对后在台账中填写，或把它移到任务末尾。',
  PLAN_UNREAD_NUMBERING: '有{found}，taizhang 不把这类编号当作大项或任务，它们的文字并入了前面的段落。如果这些是大项标题，请改为“一、二、三……”的形式后重试。',
  PLAN_TASK_LEVEL_ABSENT: '指定的任务层级第 {level} 级（“{sample}”）在正文中没有出现；正文中的编号层级有：{found}。请改用其中一级，或不指定，由 taizhang 自动选择。',
  PLAN_TABLE_COLUMN: '表格第 {column} 列“{header}”作为“{role}”列。如不对，请用 --columns {role}=列号 改选（没有这一列写“{role}=无”）。',
  PLAN_TABLE_COLUMN_GIVEN: '按指定，表格第 {column} 列“{header}”作为“{role}”。',
  PLAN_TABLE_COLUMN_MISSING: '指定给“{role}”的列“{column}”不在表格中（表头共 {count} 列）。请检查 --columns 中的列号。',
  PLAN_TABLE_PILLARS: '大项取自{source}，共 {count} 个。',
  PLAN_TABLE_NO_HEADER: '“{sheet}”是一张表格，但前 {rows} 行中没有找到任务表的表头（如“序号”“工作任务”“工作内容”“责任单位”“完成时限”）。请确认任务分解表有一行表头，或用 --columns 工作任务=B 等指定各列。',
  PLAN_TABLE_NO_TASK_COLUMN: '表头（{headers}）中没有“工作任务”“重点任务”“工作内容”这类列，无法确定任务写在哪一列。请用 --columns 工作任务=B 指定。',
  PLAN_TABLE_NO_ROWS: '表头下没有任务行（表头在第 {row} 行）。请确认任务写在表头下面的各行中。',
  PLAN_TABLE_ROW_SKIPPED: '第 {row} 行“{text}”不像任务（没有任务内容，或是说明、合计行），没有读入。',
  PLAN_DECODE_REPLACED: '文件中有 {count} 处无法识别的字符（已用 � 代替），文件编码可能不是 UTF-8、UTF-16 或 GB18030。请用记事本“另存为 UTF-8”后重试。',
  PLAN_PDF_NO_TEXT: 'PDF 中没有可读取的文字：它没有文字层，多半是扫描件或由图片生成。请使用原始电子版 PDF 或 .docx，扫描件需先做文字识别。',
  PLAN_PDF_PAGES_NO_TEXT: 'PDF 第 {pages} 页没有文字层（可能是扫描页或空白页），这些页上的内容没有读入。如果它们属于工作要点正文，请使用原始电子版 PDF 或 .docx。',
  PLAN_PDF_TRUNCATED: 'PDF 文件的结尾缺失，可能没有下载或复制完整，后面的页可能没有读入。请重新获取完整的文件后再试。',

  // ── Deadline reader (src/core/deadline) ─────────────────────────────────
  DEADLINE_UNKNOWN: '完成时限“{value}”无法识别。请写成如“2024年6月30日”“6月底前”“年底前”“每学期”“长期坚持”等形式。',

  // ── Template spec (src/core/template) ───────────────────────────────────

  // ── Workbooks written (src/core/workbook) ───────────────────────────────
  WORKBOOK_TEXT_CUT: '这个单元格的文字有 {length} 字，超过了 Excel 每个单元格最多 {limit} 字的上限，只写入了前面的部分，末尾注明“以下从略”。完整的文字请查看原文件。',

  // ── Submission reader (src/xlsx/read) ───────────────────────────────────
  XLSX_READ_EMPTY: '文件“{file}”是空的（0 字节）。请重新导出或重新发送该文件。',
  XLSX_READ_TEXT_FILE: '文件“{file}”实际上是{kind}文件，不是 Excel 工作簿。请用 Excel 或 WPS 打开后“另存为”Excel 工作簿（.xlsx）再提交。',
  XLSX_READ_NOT_ZIP: '文件“{file}”不是 Excel 工作簿（.xlsx），可能已损坏或只是改了扩展名。请用 Excel 或 WPS 打开后另存为 .xlsx 再提交。',
  XLSX_READ_ENCRYPTED: '文件“{file}”设置了打开密码，无法读取。请在 Excel/WPS 中取消密码（文件→信息→保护工作簿→用密码进行加密，清空密码）后保存，再提交。',
  XLSX_READ_LEGACY_XLS: '文件“{file}”是旧版 Excel（.xls）或 WPS 表格（.et）格式。请用 Excel 或 WPS 打开，“另存为”Excel 工作簿（.xlsx）后再提交。',
  XLSX_READ_LEGACY_OFFICE: '文件“{file}”是旧版 Office 文件（如 .doc），不是 Excel 工作簿。请提交用台账模板填写的 .xlsx 文件。',
  XLSX_READ_NOT_WORKBOOK: '文件“{file}”是{kind}，不是 Excel 工作簿（.xlsx）。请提交用台账模板填写的 .xlsx 文件。',
  XLSX_READ_ODS: '文件“{file}”是 OpenDocument 表格（.ods），不是 Excel 工作簿。请用 WPS、Excel 或 LibreOffice 打开，“另存为”Excel 工作簿（.xlsx）后再提交。',
  XLSX_READ_OLE_DAMAGED: '文件“{file}”开头像旧版 Office 文件，但内部目录已损坏，认不出是什么文件（不是设了密码的工作簿）。请用 Excel 或 WPS 打开后另存为 .xlsx，打不开时请让报送单位重新发送。',
  XLSX_READ_OTHER_FILE: '“{file}”是{kind}，不是台账表格，没有读取。',
  XLSX_READ_ZIP_TRUNCATED: '文件“{file}”不完整（{detail}），可能下载或拷贝时中断了。请重新下载或让报送单位重新发送。',
  XLSX_READ_ZIP_CORRUPT: '文件“{file}”已损坏，无法读取（{detail}）。请用 Excel 或 WPS 打开修复后另存为 .xlsx，或让报送单位重新发送。',
  XLSX_READ_ZIP_CRC: '文件“{file}”中的“{entry}”校验失败，数据已损坏。请让报送单位重新保存并发送该文件。',
  XLSX_READ_ZIP_SIZE_MISMATCH: '文件“{file}”中的“{entry}”实际大小与记录不符，文件已损坏或被篡改。请让报送单位重新保存并发送该文件。',
  XLSX_READ_ZIP64: '文件“{file}”是按超大文件的方式保存的（ZIP64），暂不支持（台账文件不应这么大）。请删除无关工作表和图片后重新保存为 .xlsx。',
  XLSX_READ_ZIP_ENCRYPTED: '文件“{file}”中的“{entry}”经过压缩加密，无法读取。请用 Excel 或 WPS 打开后重新保存为普通 .xlsx。',
  XLSX_READ_ZIP_METHOD: '文件“{file}”中的“{entry}”使用了不支持的压缩方式（{method}）。请用 Excel 或 WPS 打开后重新保存为 .xlsx。',
  XLSX_READ_FILE_TOO_LARGE: '文件“{file}”过大（{size} 字节，上限 {limit} 字节）。请删除图片和无关工作表后重新保存。',
  XLSX_READ_UNCOMPRESSED_TOO_LARGE: '文件“{file}”解压后过大（{size} 字节，上限 {limit} 字节）。请删除图片和无关工作表后重新保存。',
  XLSX_READ_ENTRY_TOO_LARGE: '文件“{file}”中的“{entry}”解压后过大（{size} 字节，上限 {limit} 字节）。请删除无关内容后重新保存。',
  XLSX_READ_ZIP_BOMB: '文件“{file}”中的“{entry}”压缩比异常（约 {ratio} 倍），疑似恶意构造的文件，已拒绝读取。请核实文件来源，让报送单位用模板重新填写。',
  XLSX_READ_XML_DOCTYPE: '文件“{file}”中的“{entry}”带有 DOCTYPE（文档类型）声明。Excel、WPS 和 LibreOffice 保存的文件里都不会有它，它可用来构造让程序卡死或泄露信息的文件，已拒绝读取。请核实文件来源，用 Excel 或 WPS 打开后“另存为”Excel 工作簿（.xlsx）再提交。',
  XLSX_READ_TOO_MANY_ENTRIES: '文件“{file}”包含的内部文件过多（{count} 个，上限 {limit} 个），不像是台账文件。请用模板重新填写后提交。',
  XLSX_READ_TOO_MANY_SHEETS: '文件“{file}”的工作表过多（{count} 个，上限 {limit} 个）。请删除无关工作表后重新保存。',
  XLSX_READ_TOO_MANY_CELLS: '文件“{file}”的工作表“{sheet}”单元格过多（超过 {limit} 个）。请删除无关数据后重新保存。',
  XLSX_READ_TOO_MANY_MERGES: '文件“{file}”的工作表“{sheet}”合并单元格过多（超过 {limit} 处）。请取消无关的合并后重新保存。',
  XLSX_READ_TOO_MANY_VALIDATIONS: '文件“{file}”的工作表“{sheet}”数据验证（下拉列表）规则过多（超过 {limit} 条）。请删除无关的规则后重新保存。',
  XLSX_READ_TOO_MUCH_TEXT: '文件“{file}”的工作表“{sheet}”读到单元格 {cell} 时，各单元格显示的文字合计已超过 {limit} 字，远多于文件本身保存的文字：同一段长文字被大量单元格重复引用。这不像正常填写的台账，已拒绝读取。请检查该工作表，删去重复的长文字后重新保存，或让报送单位用模板重新填写。',
  XLSX_READ_INTERNAL: '读取文件“{file}”时程序出错：{detail}。请用 Excel 或 WPS 重新保存该文件后再试；仍不行请把文件发给技术支持。',
  XLSX_READ_SHEET_MISSING: '文件“{file}”中工作表“{sheet}”的内容缺失，已按空表处理。请用 Excel 或 WPS 打开检查后重新保存。',
  XLSX_READ_BAD_CELL: '文件“{file}”工作表“{sheet}”单元格 {cell} 的内容无法读取（{detail}），已跳过。请检查该单元格。',
  XLSX_READ_BAD_RANGE: '文件“{file}”工作表“{sheet}”中的区域“{cell}”无效（{detail}）。请用 Excel 或 WPS 打开检查后重新保存。',
  XLSX_READ_WARNINGS_TRUNCATED: '文件“{file}”中另有 {count} 条同类提示（{code}）未逐条列出。请先处理上面列出的问题。',

  // ── Annotated copy (src/xlsx/annotate, src/xlsx/patch) ──────────────────
  XLSX_ANNOTATE_REFUSED: '没有生成“{file}”的标注副本：{reason}（{code}）校验结果不受影响。',
  XLSX_ANNOTATE_DOCTYPE: '文件“{file}”中的“{entry}”带有文档类型声明（DOCTYPE），Excel 不会打开这样的文件，其中还可能藏有恶意构造的内容。请用 Excel 或 WPS 打开该文件，另存为 .xlsx 后重新校验。',

  // ── Ledger extraction (src/core/ledger) ─────────────────────────────────
  LEDGER_NOT_TEMPLATE: '文件“{file}”不是本台账模板：既没有隐藏的模板信息，也没有含“工作任务”等表头、能对上工作要点任务的工作表。请使用下发的台账模板填报。',
  LEDGER_OTHER_PLAN: '文件“{file}”是按另一份工作要点（“{planTitle}”）生成的台账，与本次的工作要点不一致。请用本次下发的台账模板重新填报，或指定对应的工作要点文件（--plan）。',
  LEDGER_IS_SUMMARY: '文件“{file}”是 taizhang 生成的汇总表，不是学校填报的台账，没有汇总进来。请把汇总表放在报送文件夹以外。',
  LEDGER_NEWER_TEMPLATE: '文件“{file}”的台账模板版本为 {found}，比本程序支持的版本 {supported} 新，部分内容可能读不全。请升级 taizhang。',
  LEDGER_MATCHED_BY_HEADERS: '文件“{file}”中没有找到隐藏的模板信息（可能复制到了新工作簿，或被其他程序去掉了），已按表头和任务名称识别各项任务，请核对。今后请直接在下发的模板上填写。',
  LEDGER_TOO_MUCH_TEXT: '文件“{file}”的工作表“{sheet}”中，单元格 {cell} 的内容合并到了 {range}，合并单元格向下填充的文字合计超过 {limit} 字。这不像正常填写的台账，已拒绝读取。请取消这处合并（每项任务只写自己的内容）后重新保存。',
  LEDGER_TEXT_CUT: '这个单元格的文字有 {length} 字，超过了 Excel 每个单元格最多 {limit} 字的上限，在 Excel 中无法完整保存；校验和汇总只用了前面的部分。请精简这个单元格的内容，详细材料另附文件报送。',
  LEDGER_EXTRA_SHEET: '工作表“{sheet}”不属于下发的台账模板，其中的内容没有读取。如有需要报送的内容，请填到对应大项的工作表中。',

  // ── Carry-forward (src/core/ledger/carry-forward) ───────────────────────
  CARRY_OTHER_PLAN:
    '上期台账“{file}”是按另一份工作要点生成的：任务按任务编号和任务名称逐项对应，名称相同的任务带入上期所填内容；对应不上的逐条列在下面，请在本期台账中补填。',
  CARRY_TASK_GONE:
    '上期台账工作表“{sheet}”第 {row} 行的任务“{title}”在本期工作要点中找不到（任务已删除或改了名称），这一行（连同其下插入的行）所填内容未带入本期台账。如本期仍有相应任务，请在该任务的行中重新填写。',
  CARRY_TASK_TWICE:
    '上期台账工作表“{sheet}”第 {row} 行的任务“{title}”在台账中出现了不止一次：只带入了第一次出现的那一行，这一行（连同其下插入的行）未带入。请核对本期台账中该任务所填内容。',
  CARRY_ROW_LEFT:
    '上期台账工作表“{sheet}”第 {row} 行不属于任何一项任务（插在表外或不能对应的任务之下），所填内容未带入本期台账。如仍需要，请在本期台账中对应的任务下补填。',

  // ── Validation (src/core/validate) ──────────────────────────────────────
  VALIDATE_INFO_UNIT_MISSING: '“填报说明”中的“填报单位”没有填写。请填写本单位全称（如“仪征市实验小学”）。',
  VALIDATE_INFO_REPORTER_MISSING: '“填报说明”中的“填报人”没有填写。请填写填报人姓名。',
  VALIDATE_INFO_PHONE_MISSING: '“填报说明”中的“联系电话”没有填写。请填写填报人的手机号（如 13812345678）或带区号的固定电话（如 0514-83456789）。',
  VALIDATE_INFO_PHONE_INVALID: '联系电话“{value}”不像有效的电话号码。请填写 11 位手机号（如 13812345678）或带区号的固定电话（如 0514-83456789，分机写成 0514-83456789-123）；多个号码用“/”分隔。',
  VALIDATE_INFO_DATE_MISSING: '“填报说明”中的“填报日期”没有填写。请填写填报当天的日期，如“2024年6月30日”或 2024-06-30。',
  VALIDATE_INFO_DATE_INVALID: '填报日期“{value}”不是一个具体日期。请写成“2024年6月30日”或 2024-06-30 这样的年月日。',
  VALIDATE_UNIT_MISSING: '“责任单位”没有填写。请填写负责这项任务的单位或科室（如“党建办”）；多个单位用“、”分隔。',
  VALIDATE_OWNER_MISSING: '“责任人”没有填写。请填写负责这项任务的人员姓名；多人用“、”分隔。',
  VALIDATE_OWNER_DIGITS: '责任人“{value}”中含有数字，像是电话号码或编号。责任人请只填姓名，多人用“、”分隔；联系电话请填在“填报说明”中。',
  VALIDATE_DEADLINE_MISSING: '“完成时限”没有填写。请写成如“2024年6月30日”“6月底前”“每学期”“长期坚持”等形式。',
  VALIDATE_DEADLINE_UNKNOWN: '完成时限“{value}”无法识别，请写成“2024年6月30日”“6月底前”“每学期”等形式。',
  VALIDATE_DEADLINE_OUTSIDE_WINDOW: '完成时限“{value}”（{due}）不在本年度工作要点的时间范围（{from} 至 {to}）内。请核对年份或日期是否写错；确需跨年度的，请在“备注”中说明。',
  VALIDATE_STATUS_MISSING: '“状态”没有填写。请从下拉列表中选择：未开始、推进中或已完成。',
  VALIDATE_STATUS_INVALID: '状态“{value}”不在可选范围内。请从下拉列表中选择：{allowed}。',
  VALIDATE_PROGRESS_MISSING: '状态为“{status}”，但“完成情况”没有填写。请写明已做的工作和取得的成效；如尚未完成，请把状态改为“推进中”。',
  VALIDATE_OVERDUE: '完成时限“{value}”（{due}）已过，状态却是“{status}”。已完成的请把状态改为“已完成”并填写完成情况；未完成的请在“完成情况”中写明原因和下一步打算。',
  VALIDATE_COLUMN_MISSING: '工作表中找不到“{column}”列，可能被删除或改了表头。请恢复模板中的“{column}”列（或用下发的模板重新填写）。',
  VALIDATE_TASK_MISSING: '任务 {taskNo}“{title}”（{pillar}）在台账中找不到，可能被删除了。请用下发的模板恢复这一行并填写。',
  VALIDATE_TASK_DUPLICATE: '任务 {taskNo}“{value}”出现了不止一次，这是重复的一行。请把内容合并到第一次出现的那一行，再删除这一行；如需补充举措，请在任务行下方插入空行填写（不要复制任务行）。',
  VALIDATE_TASK_TITLE_CHANGED: '第 {taskNo} 项任务的“工作任务”被改动了（现为“{value}”，原文为“{expected}”）。工作任务是工作要点原文，请恢复原文；补充内容请写在“具体举措”或“备注”中。',
  VALIDATE_TASK_BODY_CHANGED: '第 {taskNo} 项任务的“工作要求”被改动了（现为“{value}”，原文为“{expected}”）。工作要求是工作要点原文，请恢复原文；补充内容请写在“具体举措”或“备注”中。',
  VALIDATE_ORPHAN_ROW: '第 {row} 行（“{value}”）不属于工作要点中的任何任务，汇总时不会计入。如是某项任务的补充举措，请把“工作任务”“序号”栏留空并放在该任务下方；否则请删除这一行。',
  VALIDATE_FORMULA_PREFIX: '单元格内容“{value}”以“=”“+”“-”“@”或制表符等开头，复制到其他表格或导出时可能被当成公式。请删掉开头的符号（如需写“-”表示无，请只写“-”或“无”）。',

  // ── Roll-up (src/core/rollup) ───────────────────────────────────────────
  ROLLUP_SCHOOL_NAME_GARBLED: '“{file}”的学校名称“{name}”全是无法识别的字符（�），可能是文件名或“填报单位”的文字编码有误。请核对这是哪所学校，必要时请该校改正后重新报送。',

  // ── Rounds: last round's summary (src/app/read-previous-summary) ───────
  ROUND_PREVIOUS_UNREADABLE: '上期汇总“{file}”无法读取（{reason}），没有开始汇总。请确认选的是上期用 taizhang 生成、未经改动的汇总表（.xlsx）。',
  ROUND_PREVIOUS_NOT_SUMMARY: '“{file}”不是 taizhang 生成的汇总表（没有汇总表的隐藏标记），不能作为上期汇总，没有开始汇总。请选择上期用 taizhang 汇总生成的汇总表。',
  ROUND_PREVIOUS_OTHER_PLAN: '“{file}”是另一份工作要点（“{planTitle}”）的汇总表，不能与本次比较，没有开始汇总。请选择本工作要点上一期的汇总表，或用 --plan 指定对应的工作要点。',
  ROUND_PREVIOUS_NO_ROUNDS: '“{file}”是旧版 taizhang 生成的汇总表，其中没有记录各期数据，不能作为上期比较，没有开始汇总。请用新版对上期的报送文件重新汇总一次（--as-of 写上期的日期），再用它作 --previous。',
  // ── 各校反馈 (src/app/feedback) ─────────────────────────────────────────
  FEEDBACK_FILE_NOT_REREAD: '“{file}”在汇总之后未能再次读取（可能已被移走或改动，或是旧版 .xls/.et 格式），没有生成标注副本；反馈清单和消息按汇总时发现的问题列出。',

  // ── Command line (src/cli) ──────────────────────────────────────────────
  CLI_CHECK_THREAD_DIED: '检查文件“{file}”时，检查线程意外终止（{detail}），多半是文件内容异常、耗尽了内存。这个文件没有汇总进来，其他文件照常汇总。请用 Excel 或 WPS 打开该文件检查，删去无关内容后另存为 .xlsx，或让报送单位用模板重新填写。',
  CLI_CONVERTED_LEGACY: '“{file}”是旧版格式（.xls/.et），已用 LibreOffice 转换为 .xlsx 后读取，请核对。今后请直接保存为 .xlsx。',
  CLI_NOT_A_FILE: '“{file}”不是普通文件（{kind}），没有读取。请把学校报送的文件本身放进文件夹。',
  CLI_LINK_BROKEN: '“{file}”是一个链接（快捷方式），但{detail}，没有读取。请把真正的文件放进文件夹。',
  CLI_FOLDER_UNREADABLE: '文件夹“{file}”打不开（{detail}），里面的文件都没有读取。请检查这个文件夹的权限后重新汇总。',
  CLI_ENTRY_UNREADABLE: '“{file}”无法查看（{detail}），没有读取。请检查它的权限后重新汇总。',
  CLI_FOLDER_SEEN: '文件夹“{file}”与已读取的“{other}”是同一个文件夹（链接），没有重复读取。',
  CLI_SAME_FILE: '“{file}”与“{other}”是同一个文件（链接），只读取一次。',
  CLI_INPUT_SKIPPED: '“{file}”是本次用作{role}的文件，不作为学校报送读取。',
  CLI_NOTHING_TO_ROLL_UP: '在“{where}”中没有找到可以汇总的台账文件（另有 {others} 个其他文件，均未读取），没有生成汇总表。请确认选对了文件夹，学校报送的 .xlsx 文件都在里面。',

  // ── Office add-in (src/office) ──────────────────────────────────────────
  OFFICE_NOT_IN_EXCEL: '没有在 Excel 中运行（找不到 Office 接口），无法直接写入工作簿。请在 Excel 的“加载项”中打开本工具，或改用浏览器页面生成后下载 Excel 文件。',
  OFFICE_PROTECTED: 'Excel 拒绝了这次操作：工作表或工作簿受保护（{detail}）。请在“审阅”选项卡中点“撤消工作表保护”或“保护工作簿”取消保护后再试。',
  OFFICE_CELL_EDITING: '您正在编辑某个单元格，Excel 暂时不能执行操作。请按 Enter 或 Esc 结束编辑后再点一次。',
  OFFICE_READ_ONLY: '工作簿是只读的或您没有编辑权限（{detail}），无法写入。请点黄色提示条上的“启用编辑”，或另存一份副本后在副本中操作。',
  OFFICE_PAYLOAD_TOO_LARGE: '一次传给 Excel 的数据超过了 Excel 网页版 5 MB 的限制（{detail}）。请减少一次处理的文件数，或改用浏览器页面完成后下载 Excel 文件。',
  OFFICE_BUSY: 'Excel 正忙（{detail}），请稍候几秒再试。',
  OFFICE_NOT_SUPPORTED: '此版本 Excel 不支持这项操作（{detail}）。请改用浏览器页面，或使用 Excel 2021 / Microsoft 365。',
  OFFICE_SHEET_MISSING: '找不到工作表“{sheet}”，可能已被删除或改名。请重新校验后再试。',
  OFFICE_FAILED: 'Excel 报告了错误：{detail}。已写入的临时工作表已删除，原有工作表未改动。请重试；仍不行请改用浏览器页面。',
  OFFICE_CLEANUP_FAILED: 'Excel 出错后未能删除临时工作表（名称以“{prefix}”开头）。请右键点这些工作表标签，选择“删除”。',
  OFFICE_SKIPPED_FEATURE: '此版本 Excel（ExcelApi 1.{have}）不支持{feature}（需要 ExcelApi {need}），已跳过。需要完整台账时，请在浏览器页面生成后下载 Excel 文件。',
  OFFICE_SHEET_RENAMED: '工作簿中已有名为“{name}”的工作表，新工作表命名为“{newName}”，原有工作表未改动。',
  OFFICE_NAME_EXISTS: '工作簿中已有名称“{name}”，未重复添加；跳转和汇总仍按工作表内容识别。',
  OFFICE_STRUCTURE_NOT_LOCKED: '为不影响您原有的工作表，没有锁定工作簿结构。分发给学校时，请用浏览器页面生成的 Excel 文件。',
  OFFICE_MARKS_UNPROTECTED: '为标出问题单元格，临时取消了工作表“{sheet}”的保护，标记完成后已重新保护。',
  OFFICE_WORKBOOK_PROTECTED: '工作簿结构受保护（“审阅 → 保护工作簿”），Excel 不允许添加、删除、改名或隐藏工作表，本次操作没有执行。请在“审阅”选项卡点“保护工作簿”取消保护（设有密码时需输入密码）后再试，完成后可重新保护。',
  OFFICE_SHEET_PASSWORD: 'Excel 不允许本工具取消或恢复工作表保护（{detail}），工作表很可能设有保护密码，本工具不能代您输入。请在“审阅”选项卡点“撤消工作表保护”并输入密码，再点一次；完成后可重新保护该工作表。',
  OFFICE_SHEET_TOO_LARGE: '未能读取工作表“{sheet}”（{detail}），其中的内容没有校验。通常是数据下方或右侧很远的单元格里有内容：请删除多余的行和列后保存，再校验；或在浏览器页面中校验这个文件。',
  OFFICE_MERGES_UNREAD: '工作表“{sheet}”的合并单元格超过 Excel 一次能报告的 512 处，未读取合并信息：合并区域中左上角以外的格按空白处理，个别“未填写”提示可能因此出现。需要精确结果时，请在浏览器页面中校验这个文件。',
  OFFICE_INSERT_FALLBACK: '整表插入没有成功（Excel 报告：{detail}），已删除插入的工作表，改为逐区域写入；内容相同，此版本做不到的格式见其他提示。',
  OFFICE_MARKS_STORE_VISIBLE: '此版本 Excel（ExcelApi 1.1）不能隐藏工作表：记录原填充颜色的工作表“{sheet}”会显示在标签栏中。请不要修改或删除它，点“清除标记”时会自动删除。',
  WPS_NO_WORKBOOK: 'WPS 表格中没有打开的工作簿。请新建或打开一个工作簿后再点一次。',
  WPS_FAILED: 'WPS 表格报告了错误：{detail}。已写入的临时工作表已删除，原有工作表未改动。请重试；仍不行请改用浏览器页面生成后下载 Excel 文件。',
  WPS_ACTION_FAILED: 'WPS 表格报告了错误：{detail}。请重试；仍不行请保存工作簿后在浏览器页面中处理这个文件。',
  WPS_CLEANUP_FAILED: 'WPS 表格出错后未能删除临时工作表（名称以“{prefix}”开头）。请右键点这些工作表标签，选择“删除”。',
  WPS_WORKBOOK_PROTECTED: '工作簿结构受保护（“审阅 → 保护工作簿”），WPS 表格不允许添加、删除、改名或隐藏工作表，本次操作没有执行。请在“审阅”选项卡点“撤销工作簿保护”（设有密码时需输入密码）后再试，完成后可重新保护。',
  WPS_SHEET_PASSWORD: '工作表“{sheet}”设有保护密码，本工具不能代您取消保护，这张表上的问题单元格没有标出。请在“审阅”选项卡点“撤销工作表保护”并输入密码，再点一次“标出问题”。',

  // ── Faults: thrown as TaizhangError, shown with their code ──────────────
  FAULT_USAGE: '命令用法有误：{detail}。运行 taizhang --help 查看用法。',
  FAULT_COLUMNS_INVALID: '“任务分解表的列”写得不对：{detail}。请写成“责任单位=E,完成时限=F”的形式，或清空后由 taizhang 按表头判断。',
  FAULT_FILE_NOT_FOUND: '找不到文件“{file}”。请检查路径是否正确。',
  FAULT_FILE_UNREADABLE: '无法读取文件“{file}”：{detail}。',
  FAULT_FILE_NOT_REGULAR: '“{file}”不是普通文件（{kind}），没有读取。请指定保存在磁盘上的文件。',
  FAULT_FILE_TOO_LARGE: '文件“{file}”过大（{size} 字节，上限 {limit} 字节），没有读取。请确认选对了文件。',
  FAULT_PLAN_TOO_LARGE: '工作要点文件“{file}”过大（{size} 字节，上限 {limit} 字节），不像是一份工作要点，没有读取。请确认选对了文件；如确是工作要点，请删去图片和附件后另存为 .docx，或把正文另存为 .txt。',
  FAULT_DOCX_TOO_LARGE: '工作要点“{file}”中的“{entry}”解压后过大或与记录的大小不符（{size} 字节，上限 {limit} 字节），可能已损坏或是恶意构造的文件，没有读取。请用 Word 或 WPS 打开后另存为 .docx，或把正文另存为 .txt。',
  FAULT_PLAN_FORMAT: '不支持的工作要点文件类型“{file}”。请提供 .txt、.docx 或 .pdf 文件，或在 Word 或 WPS 中另存为 .docx 后再选择。',
  FAULT_PLAN_LEGACY_WORD: '“{file}”是旧版 Word（.doc）或 WPS（.wps）文件，这里不能直接读取。请在 Word 或 WPS 中另存为 .docx 后再选择。',
  FAULT_PLAN_NEEDS_LIBREOFFICE: '“{file}”是旧版 Word（.doc）或 WPS（.wps）文件，要装有 LibreOffice 才能读取，本机没有找到 LibreOffice（soffice）。请在 Word 或 WPS 中另存为 .docx 后再试，或安装 LibreOffice（Debian/Ubuntu：libreoffice-writer-nogui）。',
  FAULT_PLAN_CONVERT_FAILED: 'LibreOffice 没能打开“{file}”，文件可能已损坏、设了密码或不是 Word 文档。请在 Word 或 WPS 中打开后另存为 .docx 再试。',
  FAULT_PLAN_ENCRYPTED: '“{file}”设了打开密码，无法读取。请在 Word 或 WPS 中用密码打开，去掉密码后另存为 .docx 再选择。',
  FAULT_PDF_INVALID: '“{file}”不是有效的 PDF 文件，可能已损坏或只是改了扩展名。请重新获取原始文件，或提供 .docx。',
  FAULT_PDF_ENCRYPTED: '“{file}”设了打开密码，无法读取。请用密码打开后另存一份不带密码的 PDF，或提供 .docx。',
  FAULT_PDF_TOO_LONG: '“{file}”有 {pages} 页，超过工作要点的上限 {limit} 页，不像一份工作要点。请确认选择的文件。',
  FAULT_PDF_UNAVAILABLE: '读取 PDF 的组件没能加载（{detail}），“{file}”未读取。请刷新页面后重试，或提供 .docx。',
  FAULT_DOCX_INVALID: '“{file}”不是有效的 Word 文档（.docx），可能已损坏或只是改了扩展名。请用 Word 或 WPS 打开后另存为 .docx。',
  FAULT_OUTPUT_WRITE: '无法写入输出文件“{file}”：{detail}。请确认目录存在、有写入权限，且文件没有在 Excel/WPS 中打开。',
  FAULT_OUTPUT_IS_INPUT: '输出文件“{output}”就是输入文件“{input}”（同一个文件），写出会覆盖它，所以没有开始，什么都没有写。请用 -o 另指定一个文件，例如“{suggestion}”。',
  FAULT_OUTPUT_IN_INPUT_FOLDER: '输出文件“{output}”在要汇总的文件夹“{folder}”里面，会混进或覆盖学校报送的文件，所以没有开始，什么都没有写。请把汇总表写到这个文件夹以外，例如 -o “{suggestion}”。',
  FAULT_OUTPUT_IS_FOLDER: '输出“{output}”是一个已有的文件夹，不能写成文件。请用 -o 指定文件名，例如“{suggestion}”。',
  FAULT_FEEDBACK_IN_INPUT_FOLDER: '反馈文件夹“{output}”就是或在要汇总的文件夹“{folder}”里面，写出的标注副本会混进学校报送的文件，所以没有开始，什么都没有写。请把反馈文件夹另设在别处，例如“{suggestion}”。',
  FAULT_FEEDBACK_NOT_FOLDER: '反馈文件夹“{output}”是一个已有的文件，不是文件夹，所以没有开始。请指定一个文件夹（不存在时会自动创建），例如“{suggestion}”。',
  FAULT_OUTPUT_BUSY: '另一个 taizhang（进程号 {pid}）正在写“{output}”，为免互相覆盖，本次没有开始。请等它完成后再运行，或用 -o 另指定一个文件。',
  FAULT_INTERRUPTED: '运行被中断（{signal}）。临时文件已删除，已有的输出文件没有改动。',
  FAULT_RULES_INVALID: '校验规则文件“{file}”有误：{detail}。请对照 README 中的规则说明修改，或不指定 --rules 使用默认规则。',
  FAULT_ROSTER_INVALID: '学校名单“{file}”无法使用（{detail}）。请提供每行一个学校名称的文本文件，或第一列为学校名称的 .xlsx 表格。',
  FAULT_RESUBMIT_INVALID: '重新报送截止日期“{given}”不是有效的日期。请写成 2024-09-10 的形式，或清空它（各校消息中会写“请尽快”）。',
  FAULT_RESUBMIT_BEFORE_AS_OF: '重新报送截止日期（{resubmitBy}）早于判断逾期的日期（{asOf}），学校会收到一个已经过去的期限，所以没有开始。请把截止日期改为{asOf}或以后，或清空它（各校消息中会写“请尽快”）。',
  FAULT_NO_FILE_CHOSEN: '还没有选择{what}。请先选好{what}，再点“{action}”。',
  FAULT_INTERNAL: '程序内部错误：{detail}。请把这条信息和所用文件发给技术支持。',
} as const satisfies Record<string, string>;

export type MessageCode = keyof typeof MESSAGES_ZH_CN;
