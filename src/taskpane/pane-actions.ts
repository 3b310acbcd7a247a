/** The three actions of the pane, as the page's buttons call them; each mode (files, Excel) supplies its own. */
export interface PaneActions {
  generate(): Promise<void>;
  validate(): Promise<void>;
  rollUp(): Promise<void>;
}
