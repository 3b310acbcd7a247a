/** Finding WPS 表格's application on the page's globals, and nothing in a plain browser, Excel or WPS 文字. */
import { hostedByWps } from '../src/taskpane/environment';
import { wpsAppFromGlobals } from '../src/wps/env';
import { wpsMock } from './helpers/wps-mock';

describe('wpsAppFromGlobals', () => {
  const et = () => wpsMock().app;

  test('inside WPS 表格: window.Application next to the wps add-in object', () => {
    const app = et();
    expect(wpsAppFromGlobals({ wps: { CreateTaskPane: () => undefined }, Application: app })).toBe(app);
  });

  test('older WPS: only wps.EtApplication()', () => {
    const app = et();
    expect(wpsAppFromGlobals({ wps: { EtApplication: () => app } })).toBe(app);
  });

  test('EtApplication that throws falls back to window.Application', () => {
    const app = et();
    expect(wpsAppFromGlobals({ wps: { EtApplication: () => { throw new Error('not ET'); } }, Application: app })).toBe(app);
  });

  test.each([
    ['a plain browser', {}],
    ['Excel (office.js, no wps)', { Office: {}, Excel: {} }],
    ['a page defining its own Application, without wps', { Application: { ActiveWorkbook: null, Workbooks: {} } }],
    ['WPS 文字 (an application without workbooks)', { wps: {}, Application: { ActiveDocument: {}, Documents: {} } }],
  ])('%s: undefined', (_, globals) => {
    expect(wpsAppFromGlobals(globals)).toBeUndefined();
  });
});

describe('hostedByWps (the page’s start-up question)', () => {
  test('true inside WPS 表格, false in a plain browser and in Excel', () => {
    expect(hostedByWps({ wps: {}, Application: wpsMock().app })).toBe(true);
    expect(hostedByWps({})).toBe(false);
    expect(hostedByWps({ Office: {}, Excel: {} })).toBe(false);
  });
});
