/** How a round and its change since the last are said, the same on the CLI, the page and in 本期变化. */
import type { RoundChanges } from '../summary/round-changes.js';

/** `提高 5.0 个百分点`, `下降 2.5 个百分点`, `持平`; `无法比较` when a round has no rate. */
export function rateChangeWords(delta: number | null): string {
  if (delta === null) return '无法比较';
  const points = Math.round(delta * 1000) / 10;
  if (points === 0) return '持平';
  return `${points > 0 ? '提高' : '下降'} ${Math.abs(points).toFixed(1)} 个百分点`;
}

/** `本期：第二期（截至 2024-12-31）；与上期（第一期）相比总体完成率提高 5.0 个百分点，新报送 1 所，本期未报送 1 所，任务变化 4 处（见“本期变化”）。` */
export function roundLine(label: string, asOf: string, changes?: RoundChanges): string {
  const head = `本期：${label}（截至 ${asOf}）`;
  if (!changes) return `${head}。`;
  return (
    `${head}；与上期（${changes.previous.label}）相比总体完成率${rateChangeWords(changes.rateDelta)}，` +
    `新报送 ${changes.newlySubmitted.length} 所，本期未报送 ${changes.newlyMissing.length} 所，任务变化 ${changes.tasks.length} 处（见“本期变化”）。`
  );
}
