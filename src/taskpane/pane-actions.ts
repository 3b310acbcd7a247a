/** The three actions of the pane, as the page's buttons call them; each mode (files, Excel) supplies its own. */
export interface PaneActions {
  generate(): Promise<void>;
  validate(): Promise<void>;
  rollUp(): Promise<void>;
}

/** The file page's actions: the three, and 查看识别结果 (the plan's outline, which touches no workbook, so it serves Excel mode too). */
export interface FileActions extends PaneActions {
  preview(): Promise<void>;
}
