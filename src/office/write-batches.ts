/**
 * The range path's writes, one sync per batch. Batches are packed under our
 * estimate of Excel on the web's 5 MB request limit; when Excel still refuses
 * one (RequestPayloadSizeLimitExceeded, which it raises before running any of
 * the request), the batch is halved and both halves are sent in order, down
 * to a single op. So the sync count grows only with the data's megabytes.
 */
/// <reference types="office-js" />
import type { Capabilities } from './capabilities.js';
import { applyOp } from './apply-ops.js';
import { toOfficeFailure } from './office-errors.js';
import { packBatches } from './spec-layout.js';
import type { WriteOp } from './write-ops.js';

export function isPayloadRefusal(error: unknown): boolean {
  return toOfficeFailure(error).officeCode === 'RequestPayloadSizeLimitExceeded';
}

export async function writeInBatches(
  context: Excel.RequestContext,
  ops: readonly WriteOp[],
  budget: number,
  caps: Capabilities,
  sync: () => Promise<void>,
): Promise<void> {
  const queue = packBatches(ops, budget);
  for (let batch = queue.shift(); batch; batch = queue.shift()) {
    // Fresh proxies per request: a refused request created nothing they could point to.
    const proxies = new Map<string, Excel.Worksheet>();
    if (caps.has('suspendScreen')) context.workbook.application.suspendScreenUpdatingUntilNextSync();
    for (const op of batch) applyOp(context.workbook, proxies, op);
    try {
      await sync();
    } catch (error) {
      if (!isPayloadRefusal(error) || batch.length < 2) throw error;
      const half = Math.ceil(batch.length / 2);
      queue.unshift(batch.slice(0, half), batch.slice(half));
    }
  }
}
