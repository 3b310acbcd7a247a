/**
 * The check threads of `taizhang rollup` when they fail. Worker threads need
 * compiled JavaScript, so this drives lib/ (built by `npm test` before jest).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parsePlan } from '../src/core/plan/index.js';

// The compiled module, loaded at run time (lib/ is built by `npm test` before jest runs).
const lib = {
  ...(require(path.join(__dirname, '..', 'lib', 'cli', 'check-files.js')) as typeof import('../src/cli/check-files.js')),
  ...(require(path.join(__dirname, '..', 'lib', 'cli', 'check-pool.js')) as typeof import('../src/cli/check-pool.js')),
};
const plan = parsePlan(fs.readFileSync(path.join(__dirname, '..', 'seeds', 'yizheng-2024-party-building-plan.txt'), 'utf8')).plan;
const job = { plan, asOf: '2024-09-01' };

let dir: string;
let files: { path: string; name: string; mtime: string; size: number }[];

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'taizhang-pool-'));
  // Not workbooks: each comes back refused with its reason, which is all these tests need to count.
  files = Array.from({ length: 20 }, (_, i) => {
    const file = path.join(dir, `学校${i}.xlsx`);
    fs.writeFileSync(file, `not a workbook ${i}`);
    return { path: file, name: path.basename(file), mtime: '2024-08-30T00:00:00.000Z', size: 17 };
  });
  fs.writeFileSync(path.join(dir, 'fails-at-start.js'), 'throw new Error("cannot start");\n');
  fs.writeFileSync(
    path.join(dir, 'fails-on-a-file.js'),
    `const { parentPort } = require('node:worker_threads');
     parentPort.on('message', (m) => { if (m.kind === 'file') throw new Error('died on ' + m.file.name); });\n`,
  );
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test('threads that cannot start: every file is still checked, on the main thread', async () => {
  const pool = lib.startCheckPool(2, { script: path.join(dir, 'fails-at-start.js') });
  expect(pool).toBeDefined();
  // Give the threads time to fail before any work is handed out.
  await new Promise((resolve) => setTimeout(resolve, 1000));
  expect(pool!.failure?.message).toBe('cannot start');
  const results = await lib.checkFiles(files, job, () => undefined, pool);
  expect(results.map((r) => r.file)).toEqual(files.map((f) => f.name));
  expect(results.every((r) => r.result.status === 'refused')).toBe(true);
});

test('threads that die on every file: each file is refused with the reason, and the batch ends', async () => {
  const pool = lib.startCheckPool(2, { script: path.join(dir, 'fails-on-a-file.js') });
  let progress = 0;
  const results = await lib.checkFiles(files, job, () => void progress++, pool);
  expect(results.map((r) => r.file)).toEqual(files.map((f) => f.name));
  expect(progress).toBe(files.length);
  for (const [i, r] of results.entries()) {
    expect(r.result.status === 'refused' && r.result.issue).toMatchObject({
      code: 'CLI_CHECK_THREAD_DIED',
      where: { file: files[i]!.name },
      params: { detail: expect.stringContaining(`died on ${files[i]!.name}`) },
    });
  }
});
