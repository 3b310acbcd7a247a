#!/usr/bin/env node
/**
 * `npm start`: sideloads the add-in into desktop Excel with office-addin-debugging
 * (Windows and Mac), with the https dev server behind it. office-addin-debugging
 * exits 0 even when it fails, so its output is read to tell; on any other
 * platform this says what to do instead.
 */
const { spawn } = require('node:child_process');
const path = require('node:path');

const ROOT = path.join(__dirname, '..');
const FAILED = /platform not supported|unable to start|error:|failed|cannot|not found/i;

const ELSEWHERE = `此系统（${process.platform}）上没有桌面版 Excel，无法自动旁加载（sideload）。可以这样做：
  1. npm run dev-server        在 https://localhost:3000 提供页面（证书见 docs/deploy.md）
  2. 浏览器打开 https://localhost:3000/taskpane.html   生成、校验、汇总在浏览器中即可完成
  3. 或在 Excel 网页版中：开始 → 加载项 → 更多加载项 → 我的加载项 → 上传我的加载项，选择 manifest.xml
详见 docs/deploy.md。`;

if (process.platform !== 'win32' && process.platform !== 'darwin') {
  console.log(ELSEWHERE);
  process.exit(1);
}

const bin = path.join(ROOT, 'node_modules', '.bin', process.platform === 'win32' ? 'office-addin-debugging.cmd' : 'office-addin-debugging');
const args = ['start', 'manifest.xml', 'desktop', '--app', 'excel', '--dev-server', 'npm run dev-server', '--dev-server-port', '3000'];
const child = spawn(bin, args, { cwd: ROOT, shell: process.platform === 'win32' });
let output = '';
for (const stream of [child.stdout, child.stderr]) {
  stream.on('data', (chunk) => {
    output += chunk;
    process.stdout.write(chunk);
  });
}
child.on('close', (code) => {
  if (code !== 0 || FAILED.test(output)) {
    console.error('\n旁加载没有成功（见上面的输出）。可以改用 Excel 中的“上传我的加载项”手动加载 manifest.xml，步骤见 docs/deploy.md。');
    process.exit(1);
  }
  console.log('\n已在 Excel 中加载：在“开始”选项卡的“台账”组中点击“台账助手”。结束时运行 npx office-addin-debugging stop manifest.xml');
});
