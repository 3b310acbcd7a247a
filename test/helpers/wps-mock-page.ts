/**
 * The ET mock as WPS's embedded browser shows it to a 加载项 page: `wps`
 * (with `EtApplication()`) and `window.Application`, one workbook open with a
 * user's sheet in it. Bundled for the page by e2e-wps-pane.test.ts; the test
 * reads the workbook back through `window.__wpsMock`.
 */
import { wpsMock } from './wps-mock';
import { blankCell } from './wps-mock-types';

const mock = wpsMock([{ name: '我的表' }]);
mock.sheet('我的表').cells.set('A1', { ...blankCell(), value: '本校自用：不要改动' });
const target = window as unknown as Record<string, unknown>;
target.Application = mock.app;
target.wps = { EtApplication: () => mock.app, CreateTaskPane: () => undefined };
target.__wpsMock = {
  names: () => mock.names(),
  /** One sheet's cells as plain data: [address, value, formula, format, fill]. */
  cells: (name: string) => [...mock.sheet(name).cells.entries()].map(([address, c]) => [address, c.value, c.formula ?? null, c.format, c.fill]),
  selected: () => mock.world.selected ?? null,
  prompts: () => mock.world.prompts,
};
