/**
 * rollUp: every checked school file → one `Rollup`. Pure and deterministic:
 * inputs are sorted first, schools by normalised name, files by rule, so the
 * same files in any order give the same result.
 */
import { appendAll } from '../arrays.js';
import type { TemplateIndex } from '../ledger/template-index.js';
import type { Issue } from '../model.js';
import { messageFor, TaizhangError } from '../issues.js';
import { accountFor, taskStatistics } from './accounting.js';
import { flagGarbledName, prepareInputs } from './other-files.js';
import { sourceOf, type SubmissionHead, type SubmissionSource } from './submission-source.js';
import { detailRows, problemRows } from './detail-rows.js';
import { byRecency, changesBetween, fileInfo, type ReadFile } from './duplicates.js';
import type {
  FileOutcome,
  Rollup,
  RollupFile,
  RollupOptions,
  RollupPillar,
  RollupTask,
  RosterMatch,
  SchoolRollup,
  SchoolStatus,
  SubmissionInput,
} from './types.js';
import { compareNames, matchRoster, normaliseName, rosterEntries, schoolFromFileName, type RosterEntry } from './school-names.js';
import { completion, ledgerStates } from './task-states.js';
import { rankSchools, schoolOrder } from './pace.js';
import { overallLights, schoolLights } from './school-lights.js';
import { defaultRules } from '../validate/default-rules.js';

export * from './types.js';
export type { SubmissionHead, SubmissionSource } from './submission-source.js';
export { compareNames, normaliseName, parseRoster, schoolFromFileName } from './school-names.js';

const NOT_TEMPLATE = new Set(['LEDGER_NOT_TEMPLATE', 'LEDGER_OTHER_PLAN']);

export function refusalOutcome(code: string): FileOutcome {
  return NOT_TEMPLATE.has(code) ? '非本模板' : '无法读取';
}

interface Identity {
  key: string;
  name: string;
  roster: RosterMatch;
  by: 'unit' | 'fileName';
}

/** 填报单位 first, the file name second; with a roster, an exact match on either beats a near one. */
function identify(unit: string, file: string, roster: readonly RosterEntry[] | undefined): Identity {
  const fromFile = schoolFromFileName(file);
  const candidates = [
    ...(normaliseName(unit) ? [{ name: unit.trim(), by: 'unit' as const }] : []),
    { name: fromFile, by: 'fileName' as const },
  ];
  if (roster) {
    for (const how of ['listed', 'similar'] as const) {
      for (const c of candidates) {
        const found = matchRoster(normaliseName(c.name), roster);
        if (found?.how === how) return { key: found.entry.key, name: found.entry.name, roster: how, by: c.by };
      }
    }
  }
  const first = candidates[0]!;
  return { key: normaliseName(first.name), name: first.name, roster: roster ? 'unlisted' : 'none', by: first.by };
}

function planShape(index: TemplateIndex): { pillars: RollupPillar[]; tasks: RollupTask[] } {
  const pillars = index.plan.pillars.map((p) => ({ no: p.no, numeral: p.numeral, title: p.title, taskCount: p.tasks.length }));
  const tasks = index.plan.pillars.flatMap((p, pillarIndex) =>
    p.tasks.map((t) => ({ id: t.id, pillarIndex, pillarNo: p.no, pillarNumeral: p.numeral, no: t.no, title: t.title })),
  );
  return { pillars, tasks };
}

interface Entry {
  /** Index into the source's heads. */
  at: number;
  head: SubmissionHead;
  id: Identity;
}

const countOf = (issues: readonly Issue[], severity: Issue['severity']) => issues.filter((i) => i.severity === severity).length;

/** `entries`: the inputs, or a source that loads each file's result when its school is reached (see submission-source.ts). */
export function rollUp(entries: readonly SubmissionInput[] | SubmissionSource, index: TemplateIndex, options: RollupOptions): Rollup {
  const source = isSource(entries) ? entries : sourceOf(entries);
  const heads = source.heads;
  // Files that are not submissions (a notice, a roster, a pipe) are listed apart, never schools.
  const { inputs, others } = prepareInputs(heads);
  const { pillars, tasks } = planShape(index);
  const taskMap = new Map(tasks.map((t) => [t.id, t]));
  const pillarByNo = new Map(pillars.map((p) => [p.no, p.numeral]));
  const roster = options.roster ? rosterEntries(options.roster) : undefined;
  const year = index.plan.year;
  const paceRules = options.pace ?? defaultRules.pace;
  const plan = { tasks, pillars, start: index.plan.header.issueDate ?? `${year}-01-01` };
  const overdue: Rollup['overdue'] = [];
  const sorted = inputs.sort((a, b) => cmp(heads[a]!.file, heads[b]!.file) || cmp(heads[a]!.fileTime ?? '', heads[b]!.fileTime ?? ''));

  const groups = new Map<string, Entry[]>();
  for (const at of sorted) {
    const head = heads[at]!;
    const id = identify(head.unit, head.file, roster);
    const group = groups.get(id.key);
    if (group) group.push({ at, head, id });
    else groups.set(id.key, [{ at, head, id }]);
  }
  for (const entry of roster ?? []) if (!groups.has(entry.key)) groups.set(entry.key, []);

  const schools: SchoolRollup[] = [];
  const details: Rollup['details'] = [];
  const detailStore = options.detailStore;
  const rowCounts = { adopted: 0, superseded: 0 };
  const problems: Rollup['problems'] = [];
  const changes: Rollup['changes'] = [];
  for (const key of [...groups.keys()].sort(compareNames)) {
    const entries = groups.get(key)!;
    const listed = roster?.find((e) => e.key === key);
    const name = listed?.name ?? entries[0]!.id.name;
    const rosterMatch = rosterMatchOf(entries, roster !== undefined);

    const reads: (ReadFile & { entry: Entry; issues: Issue[] })[] = [];
    const refused: { entry: Entry; issue: Issue }[] = [];
    for (const entry of entries) {
      if (entry.head.refusal) {
        refused.push({ entry, issue: entry.head.refusal });
        continue;
      }
      // Loaded here, one school at a time: a spooled file's ledger is in memory only while its school is rolled up.
      const r = flagGarbledName(source.load(entry.at)).result;
      if (r.status === 'refused') throw new TaizhangError('FAULT_INTERNAL', { detail: `rollUp: ${entry.head.file} loaded as refused, its head says read` });
      const ctx = { year, date1904: r.date1904 ?? false };
      reads.push({ file: entry.head.file, ...(entry.head.fileTime ? { fileTime: entry.head.fileTime } : {}), ledger: r.ledger, info: fileInfo(r.ledger, ctx), ctx, entry, issues: r.issues });
    }
    reads.sort(byRecency);
    const kept = reads[0];

    const files: RollupFile[] = [];
    reads.forEach((read, i) => {
      files.push({
        file: read.file,
        ...(read.fileTime ? { fileTime: read.fileTime } : {}),
        outcome: i === 0 ? '采用' : '已替代',
        identifiedBy: read.entry.id.by,
        info: read.info,
        errors: countOf(read.issues, 'error'),
        warnings: countOf(read.issues, 'warning'),
        rows: read.ledger.rows.length,
      });
      // Loops, not push(...rows): one file may have more rows than a call takes arguments.
      const rows = detailRows(name, read.file, read.ledger, i === 0, taskMap, pillarByNo, read.ctx);
      rowCounts[i === 0 ? 'adopted' : 'superseded'] += rows.length;
      if (detailStore) for (const row of rows) detailStore.push(row);
      else appendAll(details, rows);
      appendAll(problems, problemRows(name, read.file, read.issues));
      if (kept && i > 0) appendAll(changes, changesBetween(name, kept, read, tasks));
    });
    for (const { entry, issue } of refused) {
      const reason = messageFor(issue.code, issue.params);
      files.push({
        file: entry.head.file,
        ...(entry.head.fileTime ? { fileTime: entry.head.fileTime } : {}),
        outcome: refusalOutcome(issue.code),
        identifiedBy: 'fileName',
        info: { unit: '', reporter: '', phone: '', date: '' },
        errors: countOf([issue], 'error'),
        warnings: countOf([issue], 'warning'),
        rows: 0,
        code: issue.code,
        reason,
      });
      appendAll(problems, problemRows(name, entry.head.file, [issue]));
    }

    const status: SchoolStatus =
      reads.length > 1 ? '重复报送' : reads.length === 1 ? '已报送' : refused.length === 0 ? '未报送' : refused.some((r) => refusalOutcome(r.issue.code) === '非本模板') ? '非本模板' : '无法读取';
    const states = kept ? ledgerStates(kept.ledger, tasks, options.asOf, kept.ctx) : [];
    const lit = kept ? schoolLights(name, kept, states, plan, { asOf: options.asOf, rules: paceRules }) : undefined;
    const rosterNo = roster ? roster.findIndex((e) => e.key === key) + 1 : 0;
    schools.push({
      key,
      name,
      roster: rosterMatch,
      status,
      files,
      ...(kept ? { kept: kept.file, rates: completion([states], tasks, pillars) } : {}),
      states,
      ...(rosterNo > 0 ? { rosterNo } : {}),
      lights: lit?.lights ?? [],
      lightCounts: lit?.lightCounts ?? { 红: 0, 黄: 0, 绿: 0, 未填: 0 },
      ...(lit ? { pace: lit.pace } : {}),
    });
    if (lit) appendAll(overdue, lit.overdue);
  }

  for (const other of others) for (const row of problemRows('', other.file, [other.issue])) problems.push(row);
  const adopted = schools.filter((s) => s.kept !== undefined).map((s) => s.states);
  rankSchools(schools, paceRules.lowestCount);
  const sortBy = options.sortBy ?? 'roster';
  const lit = schools.filter((s) => s.pace);
  const order = new Map(schoolOrder(schools, 'roster').map((s, i) => [s.name, i]));
  overdue.sort((a, b) => order.get(a.school)! - order.get(b.school)!); // stable: plan order within a school
  return {
    asOf: options.asOf,
    planTitle: index.plan.title,
    pillars,
    tasks,
    schools,
    taskStats: taskStatistics(tasks, adopted),
    overall: completion(adopted, tasks, pillars),
    details,
    ...(detailStore ? { detailStore } : {}),
    problems,
    changes,
    accounting: accountFor(sorted.map((at) => heads[at]!), schools, { ...rowCounts, total: (detailStore ?? details).length }, roster !== undefined, others),
    paceRules,
    sortBy,
    overdue,
    ...overallLights(lit, lit.map((s) => s.pace!), pillars),
  };
}

/** A school on the roster with no files is listed; one found by a near match only is `similar`. */
function rosterMatchOf(entries: readonly Entry[], rosterGiven: boolean): RosterMatch {
  if (!rosterGiven) return 'none';
  if (entries.length === 0 || entries.some((e) => e.id.roster === 'listed')) return 'listed';
  return entries.some((e) => e.id.roster === 'similar') ? 'similar' : 'unlisted';
}

function isSource(entries: readonly SubmissionInput[] | SubmissionSource): entries is SubmissionSource {
  return !Array.isArray(entries);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
