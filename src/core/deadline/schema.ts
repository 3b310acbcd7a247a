/**
 * The shape of a read 完成时限, as a zod schema (for tests and for data that
 * comes from outside). Apart from deadline.ts so that reading deadlines does
 * not load zod.
 */
import { z } from 'zod';
import { IsoDate } from '../model.js';

export const Deadline = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('empty') }),
  /** A due date; `precision` tells how it was written (day: 2024-06-30; month: 6月底前; quarter: 第三季度; half: 上半年; year: 年底前/年内). */
  z.object({
    kind: z.literal('date'),
    date: IsoDate,
    precision: z.enum(['day', 'month', 'quarter', 'half', 'year']),
    text: z.string(),
  }),
  z.object({ kind: z.literal('recurring'), period: z.enum(['week', 'month', 'quarter', 'semester', 'year']), text: z.string() }),
  z.object({ kind: z.literal('ongoing'), text: z.string() }),
  z.object({ kind: z.literal('unknown'), text: z.string() }),
]);
export type Deadline = z.infer<typeof Deadline>;
