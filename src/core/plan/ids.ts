/** Task ids: `P1T2`, `P1G2T1` with a group, `P1G1S2T1` under a `1.` heading inside a `（一）` heading. */
import type { Pillar } from '../model.js';

export function baseTaskId(pillar: Pillar, group: number | undefined, no: number): string {
  let prefix = `P${pillar.no}`;
  const chain: number[] = [];
  for (let g = group; g !== undefined; g = pillar.groups[g]?.parent) chain.unshift(g);
  chain.forEach((g, depth) => (prefix += `${depth === 0 ? 'G' : 'S'}${pillar.groups[g]?.no ?? 0}`));
  return `${prefix}T${no}`;
}

/** `P1T2`, then `P1T2-2`, `P1T2-3` for repeats; remembers the next suffix so repeats cost nothing. */
export class UniqueIds {
  private readonly used = new Set<string>();
  private readonly nextSuffix = new Map<string, number>();

  claim(base: string): string {
    let n = this.nextSuffix.get(base) ?? 1;
    let id = n === 1 ? base : `${base}-${n}`;
    while (this.used.has(id)) id = `${base}-${++n}`;
    this.used.add(id);
    this.nextSuffix.set(base, n + 1);
    return id;
  }
}
