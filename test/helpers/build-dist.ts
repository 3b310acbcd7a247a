/**
 * The e2e test runs against a production build of the page. A dist/ newer
 * than every input is reused; otherwise webpack builds it (about 35 s).
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** The repository: the nearest folder up with a package.json (this file also runs compiled, from .tmp/scripts, for bench:page). */
export const ROOT = repositoryRoot(__dirname);
function repositoryRoot(from: string): string {
  let dir = from;
  while (!fs.existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
}
export const DIST = path.join(ROOT, 'dist');
const INPUTS = ['src', 'seeds', 'assets', 'wps', 'manifest.xml', 'webpack.config.js', 'scripts/addin-manifest.js', 'scripts/wps-package.js', 'package-lock.json'];

function newestMtime(target: string): number {
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return fs.readdirSync(target).reduce((max, name) => Math.max(max, newestMtime(path.join(target, name))), stat.mtimeMs);
}

export function ensureDist(): { built: boolean } {
  const marker = path.join(DIST, 'taskpane.html');
  const inputs = Math.max(...INPUTS.map((p) => newestMtime(path.join(ROOT, p))));
  const manifest = path.join(DIST, 'manifest.xml');
  // A dist/ built for another server (ADDIN_BASE_URL) is rebuilt too: the test serves the development one.
  const fresh =
    fs.existsSync(marker) && fs.statSync(marker).mtimeMs > inputs && fs.existsSync(manifest) && fs.readFileSync(manifest, 'utf8').includes('https://localhost:3000/');
  if (fresh) return { built: false };
  const env = { ...process.env };
  delete env.ADDIN_BASE_URL;
  delete env.OFFICE_JS; // the default: Microsoft's CDN, falling back to our copy
  execFileSync(process.execPath, [path.join(ROOT, 'node_modules', 'webpack', 'bin', 'webpack.js'), '--mode', 'production'], { cwd: ROOT, env, stdio: 'pipe' });
  // webpack leaves a file it would write unchanged alone (old mtime): mark this build as newer than its inputs.
  const now = new Date();
  fs.utimesSync(marker, now, now);
  return { built: true };
}
