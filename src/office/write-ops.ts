/**
 * A spec sheet as a list of range writes: plain data, so the planning is
 * tested without Excel, and applied by apply-ops.ts in as few batches as the
 * payload limit allows. Each op names the sheet (its temporary name while
 * writing) and, when it needs more than ExcelApi 1.1, the feature it needs.
 */
import type {
  ConditionalFormatSpec,
  PrintSpec,
  ProtectionSpec,
  SheetState,
  StyleSpec,
  ValidationSpec,
} from '../core/workbook/spec.js';
import type { Feature } from './capabilities.js';

interface OpBase {
  sheet: string;
  feature?: Feature;
}

export type WriteOp = OpBase &
  (
    | { kind: 'addSheet' }
    | { kind: 'numberFormat'; address: string; formats: string[][] }
    | { kind: 'values'; address: string; values: (string | number)[][] }
    | { kind: 'style'; address: string; style: StyleSpec }
    | { kind: 'unlock'; address: string }
    | { kind: 'merge'; address: string }
    | { kind: 'columnWidth'; address: string; points: number; hidden: boolean }
    | { kind: 'rowHeight'; address: string; points: number }
    | { kind: 'link'; address: string; target: string; text: string }
    | { kind: 'validation'; spec: ValidationSpec }
    | { kind: 'conditionalFormat'; spec: ConditionalFormatSpec }
    | { kind: 'freeze'; rows: number; columns: number }
    | { kind: 'autoFilter'; address: string }
    | { kind: 'tabColor'; color: string }
    | { kind: 'print'; spec: PrintSpec }
    /** `selectionMode` only where ExcelApi 1.7 knows the option: older Excel refuses the whole protect() call. */
    | { kind: 'protect'; spec: ProtectionSpec; selectionMode: boolean }
    | { kind: 'visibility'; state: SheetState }
  );

export type OpKind = WriteOp['kind'];

/** UTF-8 bytes of the value as request JSON (Office.js sends CJK unescaped: 3 bytes each). */
export function jsonBytes(value: unknown): number {
  const json = JSON.stringify(value) ?? '';
  let bytes = 0;
  for (let i = 0; i < json.length; i++) {
    const code = json.charCodeAt(i);
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code >= 0xd800 && code <= 0xdbff ? 2 : 3; // a surrogate pair is 4 in all
  }
  return bytes;
}

/** Fixed per-operation overhead in the request (object path, method name, ids): measured order of magnitude, kept generous. */
export const OP_OVERHEAD_BYTES = 300;

/** Estimated request bytes of one op. */
export function opBytes(op: WriteOp): number {
  switch (op.kind) {
    case 'values':
      return OP_OVERHEAD_BYTES + jsonBytes(op.values);
    case 'numberFormat':
      return OP_OVERHEAD_BYTES + jsonBytes(op.formats);
    default:
      return OP_OVERHEAD_BYTES + jsonBytes(op);
  }
}
