/**
 * The label Word shows before each numbered paragraph (`一、`, `（三）`,
 * `2.`), worked out in document order the way Word counts:
 * - paragraphs of every instance of one abstract numbering share its
 *   counters, so a list continues across instances, unless an instance
 *   overrides a level's start: its first paragraph restarts that level;
 * - using a level restarts the levels below it (or only those whose
 *   `w:lvlRestart` says so);
 * - a level not used yet shows its start value inside another level's text (`%1.%2`).
 */
import { formatListNumber } from './number-format.js';
import type { ListLevel, NumberingDefinitions, NumberingInstance } from './numbering.js';
import type { Styles } from './styles.js';

const LEVELS = 9;

interface Resolved {
  abstractId: string;
  num: NumberingInstance;
  levelAt(ilvl: number): ListLevel | undefined;
}

export class ListLabels {
  private readonly counters = new Map<string, (number | undefined)[]>();
  private readonly started = new Set<string>();

  constructor(
    private readonly definitions: NumberingDefinitions,
    private readonly styles: Styles,
  ) {}

  /** The levels behind an instance, through a numbering style's link when the abstract numbering has one. */
  private resolve(numId: string): Resolved | undefined {
    const num = this.definitions.nums.get(numId);
    if (!num) return undefined;
    let abstractId = num.abstractId;
    let abstract = this.definitions.abstracts.get(abstractId);
    if (abstract?.numStyleLink !== undefined) {
      const linked = this.styles.numberingOf(abstract.numStyleLink);
      const target = linked && this.definitions.nums.get(linked.numId);
      if (target && this.definitions.abstracts.has(target.abstractId)) {
        abstractId = target.abstractId;
        abstract = this.definitions.abstracts.get(abstractId);
      }
    }
    if (!abstract) return undefined;
    const levels = abstract.levels;
    return { abstractId, num, levelAt: (ilvl) => num.overrides.get(ilvl)?.level ?? levels.get(ilvl) };
  }

  /** The level a style-numbered paragraph is at when its style gives none: the level tied to the style. */
  levelForStyle(numId: string, styleId: string | undefined): number {
    const resolved = this.resolve(numId);
    if (!resolved || styleId === undefined) return 0;
    for (let ilvl = 0; ilvl < LEVELS; ilvl++) if (resolved.levelAt(ilvl)?.style === styleId) return ilvl;
    return 0;
  }

  /** Counts one paragraph of instance `numId` at level `ilvl`; returns its label and what follows it, or undefined (bullets, unknown lists). */
  next(numId: string, ilvl: number): { label: string; suffix: string } | undefined {
    const resolved = this.resolve(numId);
    const level = resolved?.levelAt(ilvl);
    if (!resolved || !level) return undefined;
    const counters = this.counters.get(resolved.abstractId) ?? new Array<number | undefined>(LEVELS).fill(undefined);
    this.counters.set(resolved.abstractId, counters);
    if (!this.started.has(numId)) {
      this.started.add(numId);
      for (const [overridden, { start }] of resolved.num.overrides) {
        if (start !== undefined && overridden >= 0 && overridden < LEVELS) counters[overridden] = start - 1;
      }
    }
    const current = counters[ilvl];
    counters[ilvl] = current === undefined ? level.start : current + 1;
    for (let deeper = ilvl + 1; deeper < LEVELS; deeper++) {
      const restart = resolved.levelAt(deeper)?.restart;
      if (restart === undefined || (restart !== 0 && ilvl < restart)) counters[deeper] = undefined;
    }
    if (level.numFmt === 'bullet') return undefined;
    const label = level.lvlText.replace(/%([1-9])/g, (_whole, digit: string) => {
      const at = Number(digit) - 1;
      const shown = resolved.levelAt(at);
      const value = counters[at] ?? shown?.start ?? 0;
      return formatListNumber(value, level.legal ? 'decimal' : (shown?.numFmt ?? 'decimal'));
    });
    return { label, suffix: level.suffix };
  }
}
