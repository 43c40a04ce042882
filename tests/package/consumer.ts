// A project of someone who uses mowjaz: an empty folder that installs the packed tarball.
// `npm install --offline <tarball>` cannot work here: npm must first look up the ranges of the
// dependencies' own dependencies in the registry's package lists, which `npm ci` never fetched. So
// the folder gets a lock file taken from the repository's (the same versions as the repository's
// renders use, which the byte comparison needs) and `npm ci --offline` installs every package from
// the npm cache by its integrity: no network, as a user's CI with a committed lock file would.
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

interface LockEntry {
  version?: string;
  resolved?: string;
  integrity?: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  dev?: boolean;
  devOptional?: boolean;
  peer?: boolean;
  optional?: boolean;
  [key: string]: unknown;
}

interface Lock {
  packages: Record<string, LockEntry>;
}

/** Where node would find `name` from the package installed at `from` (a lock key, '' for the root). */
function locate(lock: Lock, from: string, name: string): string | undefined {
  for (let dir = from; ; dir = dir.slice(0, Math.max(0, dir.lastIndexOf('/node_modules/')))) {
    const key = dir ? `${dir}/node_modules/${name}` : `node_modules/${name}`;
    if (lock.packages[key]) return key;
    if (!dir) return undefined;
  }
}

/** The lock entries `names` need, with their dependencies, at the places the repository has them. */
function closure(lock: Lock, names: readonly string[]): Record<string, LockEntry> {
  const out: Record<string, LockEntry> = {};
  const visit = (from: string, name: string, optional: boolean): void => {
    const key = locate(lock, from, name);
    if (!key) {
      if (optional) return;
      throw new Error(`the repository's lock file has no ${name} (needed by ${from || 'the root'})`);
    }
    if (out[key]) return;
    const { dev: _dev, devOptional: _devOptional, peer: _peer, ...entry } = lock.packages[key];
    out[key] = entry;
    for (const dep of Object.keys(entry.dependencies ?? {})) visit(key, dep, false);
    for (const dep of Object.keys({ ...entry.optionalDependencies, ...entry.peerDependencies })) visit(key, dep, true);
  };
  for (const name of names) visit('', name, false);
  return out;
}

/** npm's own variables from the `npm test` that runs the suite would steer the consumer's npm. */
export function cleanEnv(): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k) && k !== 'SOURCE_DATE_EPOCH' && k !== 'INIT_CWD'));
  return { ...env, npm_config_offline: 'true', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' };
}

export function run(command: string, args: readonly string[], cwd: string): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(command, args, { cwd, env: cleanEnv(), encoding: 'utf8', timeout: 120_000 });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/**
 * Writes package.json and package-lock.json in `dir` for a project that depends on the tarball
 * (copied into `dir`) and on `tools` (for instance typescript), then installs them offline.
 */
export function installConsumer(dir: string, tarball: string, repo: string, tools: readonly string[]): void {
  const file = path.basename(tarball);
  fs.copyFileSync(tarball, path.join(dir, file));
  const lock = JSON.parse(fs.readFileSync(path.join(repo, 'package-lock.json'), 'utf8')) as Lock;
  const pkg = JSON.parse(fs.readFileSync(path.join(repo, 'package.json'), 'utf8')) as {
    version: string;
    license: string;
    bin: Record<string, string>;
    engines: Record<string, string>;
    dependencies: Record<string, string>;
  };
  const own = lock.packages[''] as { devDependencies?: Record<string, string> };
  const toolVersions = Object.fromEntries(tools.map(t => [t, own.devDependencies?.[t] ?? lock.packages[`node_modules/${t}`]?.version ?? '*']));
  const dependencies = { mowjaz: `file:${file}`, ...toolVersions };
  const integrity = `sha512-${crypto.createHash('sha512').update(fs.readFileSync(tarball)).digest('base64')}`;
  const packages: Record<string, unknown> = {
    '': { name: 'consumer', dependencies },
    'node_modules/mowjaz': {
      version: pkg.version,
      resolved: `file:${file}`,
      integrity,
      license: pkg.license,
      dependencies: pkg.dependencies,
      bin: pkg.bin,
      engines: pkg.engines,
    },
    ...closure(lock, [...Object.keys(pkg.dependencies), ...tools]),
  };
  fs.writeFileSync(path.join(dir, 'package.json'), `${JSON.stringify({ name: 'consumer', private: true, type: 'module', dependencies }, null, 2)}\n`);
  fs.writeFileSync(path.join(dir, 'package-lock.json'), `${JSON.stringify({ name: 'consumer', lockfileVersion: 3, requires: true, packages }, null, 2)}\n`);
  const r = run('npm', ['ci', '--offline', '--no-audit', '--no-fund'], dir);
  if (r.status !== 0) throw new Error(`npm ci --offline in ${dir} failed (exit ${r.status}):\n${r.stderr}`);
}

/** Every file under `dir` with its size and modification time: what a render must leave alone. */
export function listing(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .map(e => path.join(e.parentPath, e.name))
    .map(f => {
      const s = fs.statSync(f);
      return `${path.relative(dir, f)} ${s.isDirectory() ? 'dir' : `${s.size} ${s.mtimeMs}`}`;
    })
    .sort();
}
