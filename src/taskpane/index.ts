/**
 * Task pane entry. The full page (生成台账 / 校验 / 汇总) is built in a later
 * step; for now it reports where it runs, so the build and the manifest can be
 * exercised end to end.
 */
import { detectHost } from './environment.js';

declare const Office: Parameters<typeof detectHost>[0];

async function start(): Promise<void> {
  const status = document.getElementById('status');
  const host = await detectHost(typeof Office === 'undefined' ? undefined : Office);
  if (status) status.textContent = host === 'excel' ? '已在 Excel 中加载。' : '在浏览器中运行。';
}

void start();
