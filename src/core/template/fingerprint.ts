/**
 * A small pure 64-bit FNV-1a hash (BigInt) for the template id. Not for
 * security: it only has to be stable across machines and runtimes (Node, the
 * browser, Excel add-in) and change when the plan text changes.
 */
import type { Plan } from '../model.js';

const FNV_OFFSET = 0xcbf29ce484222325n;
const FNV_PRIME = 0x100000001b3n;
const MASK_64 = 0xffffffffffffffffn;

/** FNV-1a 64 over the UTF-8 bytes of `text`, as 16 lowercase hex digits. */
export function fnv1a64(text: string): string {
  let hash = FNV_OFFSET;
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= BigInt(byte);
    hash = (hash * FNV_PRIME) & MASK_64;
  }
  return hash.toString(16).padStart(16, '0');
}

/**
 * What the ledger shows of a plan, in a fixed order. Line numbers and the raw
 * source are left out: re-flowing the document must not make a new template,
 * while any change to a title, body, prefilled unit, owner or deadline must.
 */
function planContent(plan: Plan): unknown {
  return {
    title: plan.title,
    year: plan.year,
    pillars: plan.pillars.map((pillar) => ({
      no: pillar.no,
      title: pillar.title,
      tasks: pillar.tasks.map((task) => ({
        id: task.id,
        no: task.no,
        title: task.title,
        body: task.body,
        units: task.notes?.units ?? [],
        deadline: task.notes?.deadline ?? '',
        // Only when present, so plans without prefilled owners keep the ids they always had.
        ...(task.notes?.owners?.length ? { owners: task.notes.owners } : {}),
      })),
    })),
  };
}

/** `tz-` + hash of the plan content. The unit filling the ledger is not part of it: roll-ups match on it. */
export function templateIdFor(plan: Plan): string {
  return `tz-${fnv1a64(JSON.stringify(planContent(plan)))}`;
}
