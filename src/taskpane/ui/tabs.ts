/**
 * The three actions as an ARIA tab list: click or arrow keys (Home/End too)
 * move between 生成台账 / 校验 / 汇总, as Office panes behave.
 */
export function setUpTabs(list: HTMLElement, onChange: () => void): void {
  const tabs = [...list.querySelectorAll<HTMLButtonElement>('[role="tab"]')];
  const select = (tab: HTMLButtonElement, focus: boolean): void => {
    for (const other of tabs) {
      const selected = other === tab;
      other.setAttribute('aria-selected', String(selected));
      other.tabIndex = selected ? 0 : -1;
      const panel = document.getElementById(other.getAttribute('aria-controls') ?? '');
      if (panel) panel.hidden = !selected;
    }
    if (focus) tab.focus();
    onChange();
  };
  for (const tab of tabs) {
    tab.addEventListener('click', () => select(tab, false));
    tab.addEventListener('keydown', (event) => {
      const i = tabs.indexOf(tab);
      const next =
        event.key === 'ArrowRight' || event.key === 'ArrowDown' ? tabs[(i + 1) % tabs.length]
        : event.key === 'ArrowLeft' || event.key === 'ArrowUp' ? tabs[(i - 1 + tabs.length) % tabs.length]
        : event.key === 'Home' ? tabs[0]
        : event.key === 'End' ? tabs[tabs.length - 1]
        : undefined;
      if (next) {
        event.preventDefault();
        select(next, true);
      }
    });
  }
}
