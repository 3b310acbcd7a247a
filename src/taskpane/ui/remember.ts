/**
 * What the page keeps for next time, in this browser only (localStorage; from
 * file:// too in Chromium): the last plan file picked, the as-of date and the
 * unit. A plan is kept as its bytes, up to PLAN_CAP, so next time it is read
 * exactly as before; the page says it is kept and offers to forget it. Some
 * embedded browsers refuse storage or throw on touching it: then nothing is
 * kept and the page works as before.
 */
import type { PickedFile } from '../work/plan.js';
import { byId, readPicked } from './dom.js';

const KEYS = { plan: 'taizhang.plan', asOf: 'taizhang.asOf', unit: 'taizhang.unit' } as const;
/** A plan bigger than this is not kept (base64 in UTF-16 strings: about 4 MB of the usual 5 MB quota). */
export const PLAN_CAP = 1_500_000;

interface KeptPlan {
  name: string;
  lastModified?: number;
  base64: string;
}

function storage(): Storage | undefined {
  try {
    return window.localStorage ?? undefined;
  } catch {
    return undefined;
  }
}

function read(key: string): string | null {
  try {
    return storage()?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

function write(key: string, value: string | null): boolean {
  try {
    const store = storage();
    if (!store) return false;
    if (value === null) store.removeItem(key);
    else store.setItem(key, value);
    return true;
  } catch {
    return false; // full, or refused
  }
}

function toBase64(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) text += String.fromCharCode(byte);
  return btoa(text);
}

const fromBase64 = (text: string): Uint8Array => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

/** The plan picked last time, when one is kept. */
export function rememberedPlan(): PickedFile | undefined {
  const text = read(KEYS.plan);
  if (!text) return undefined;
  try {
    const kept = JSON.parse(text) as KeptPlan;
    return { name: kept.name, bytes: fromBase64(kept.base64), ...(kept.lastModified ? { lastModified: kept.lastModified } : {}) };
  } catch {
    return undefined; // damaged: as if none
  }
}

function planNote(text: string | undefined, forgettable: boolean): void {
  byId('plan-remembered').hidden = text === undefined;
  byId('plan-remembered-text').textContent = text ?? '';
  byId('plan-forget').hidden = !forgettable;
}

async function keepPlan(file: File): Promise<void> {
  if (file.size > PLAN_CAP) {
    write(KEYS.plan, null);
    return planNote(`工作要点文件较大（${(file.size / 1e6).toFixed(1)} MB），下次打开本页时需要重新选择。`, false);
  }
  const picked = await readPicked(file);
  const kept: KeptPlan = { name: picked.name, lastModified: picked.lastModified, base64: toBase64(picked.bytes) };
  if (write(KEYS.plan, JSON.stringify(kept))) planNote(`已记住上次的工作要点“${picked.name}”，下次打开本页时直接使用。`, true);
  else planNote(undefined, false);
}

/** A text input or date kept as it changes, and put back on start. */
function keepValue(id: string, key: string, valid: (value: string) => boolean = () => true): void {
  const input = byId<HTMLInputElement>(id);
  const saved = read(key);
  if (saved !== null && valid(saved)) input.value = saved;
  for (const type of ['input', 'change']) input.addEventListener(type, () => write(key, input.value));
}

export function wireRemember(): void {
  keepValue('unit', KEYS.unit);
  keepValue('as-of', KEYS.asOf, (value) => /^\d{4}-\d{2}-\d{2}$/.test(value));
  const kept = rememberedPlan();
  if (kept) {
    byId<HTMLInputElement>('plan-source-file').checked = true;
    planNote(`已记住上次的工作要点“${kept.name}”，本次直接使用；要换一份，选择新文件即可。`, true);
  }
  const fileInput = byId<HTMLInputElement>('plan-file');
  fileInput.addEventListener('change', () => {
    const file = fileInput.files?.[0];
    if (file) void keepPlan(file);
  });
  byId('plan-forget').addEventListener('click', () => {
    write(KEYS.plan, null);
    planNote(undefined, false);
    if (!fileInput.files?.length) byId<HTMLInputElement>('plan-source-seed').checked = true;
  });
}
