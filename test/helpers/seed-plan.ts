/** The bundled seed plan, parsed: the real input for LibreOffice and PDF tests. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Plan } from '../../src/core/model';
import { parsePlan } from '../../src/core/plan/index';

export const SEED_PLAN_FILE = path.join(__dirname, '..', '..', 'seeds', 'yizheng-2024-party-building-plan.txt');

export function seedPlan(): Plan {
  const { plan, issues } = parsePlan(fs.readFileSync(SEED_PLAN_FILE, 'utf8'));
  if (issues.some((i) => i.severity === 'error')) throw new Error(`seed plan has errors: ${JSON.stringify(issues)}`);
  return plan;
}
