// What an interrupted or failed run leaves: nothing. SIGINT, SIGTERM and SIGHUP during the write
// remove the temporary file and the folders made for it, and exit 130, 143, 129; temporary files
// of a killed run are removed by the next run that writes the same output; folders created for an
// output that then fails are removed again.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanEnv, cleanup, cli, expectNoStack, listing, minimal, repoRoot, tempDir, write } from './cli.js';

afterAll(cleanup);

/** Every file and folder under `dir`, relative to it. */
function tree(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true }) as string[]).sort();
}

/** Starts the CLI with a slowed write, sends `signal` once its temporary file exists, and resolves with the exit. */
function interrupted(
  args: string[],
  watch: string,
  signal: NodeJS.Signals,
): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string; sawTemp: boolean }> {
  return new Promise((resolve, reject) => {
    // The output module writes in 16 KB chunks with this pause between them (a hook for tests).
    const child = spawn(process.execPath, ['build/src/cli.js', ...args], { cwd: repoRoot, env: cleanEnv({ MOWJAZ_TEST_WRITE_DELAY_MS: '400' }) });
    let stderr = '';
    let sawTemp = false;
    child.stderr.on('data', (c: Buffer) => {
      stderr += c;
    });
    const poll = setInterval(() => {
      const temp = fs.existsSync(watch) && fs.readdirSync(watch).some(n => n.endsWith('.tmp'));
      if (temp && !sawTemp) {
        sawTemp = true;
        child.kill(signal);
      }
    }, 20);
    child.on('error', reject);
    child.on('close', (code, sig) => {
      clearInterval(poll);
      resolve({ code, signal: sig, stderr, sawTemp });
    });
  });
}

describe('signals during the write', () => {
  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
    ['SIGHUP', 129],
  ] as const) {
    it(`${signal}: exit ${code}, no temporary file, no PDF, the new folders removed`, async () => {
      const dir = tempDir('mowjaz-signal-');
      const data = write(dir, 'brief.json', minimal());
      const outDir = path.join(dir, 'new', 'folder');
      const run = await interrupted([data, '--out', path.join(outDir, 'brief.pdf')], outDir, signal);
      expect(run.sawTemp).toBe(true);
      expect(run.code, run.stderr).toBe(code);
      expect(run.stderr).toBe(`mowjaz: stopped by ${signal}; no unfinished file is left behind\n`);
      expect(tree(dir)).toEqual(['brief.json']);
    }, 120_000);
  }

  it('SIGTERM while replacing a PDF: the previous one stays byte for byte', async () => {
    const dir = tempDir('mowjaz-signal-');
    const data = write(dir, 'brief.json', minimal());
    const previous = Buffer.from('%PDF-1.7\nthe previous brief\n%%EOF\n');
    const out = write(dir, 'out/brief.pdf', previous);
    const run = await interrupted([data, '--out', out], path.dirname(out), 'SIGTERM');
    expect(run.code).toBe(143);
    expect(fs.readFileSync(out).equals(previous)).toBe(true);
    expect(listing(path.dirname(out))).toEqual(['brief.pdf']);
  }, 120_000);
});

describe('leftovers of earlier runs', () => {
  /** A process id that no running process has. */
  function deadPid(): number {
    for (let pid = 4_000_000; pid > 1000; pid -= 7919) {
      try {
        process.kill(pid, 0);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ESRCH') return pid;
      }
    }
    throw new Error('no free process id found');
  }

  it('temporary files of a killed run are removed; those of a live process and other names are kept', () => {
    const dir = tempDir('mowjaz-stale-');
    const data = write(dir, 'brief.json', minimal());
    const dead = deadPid();
    write(dir, `out/.brief.pdf.${dead}.1.tmp`, 'half a PDF');
    write(dir, `out/.brief.pdf.${dead}.7.tmp`, 'half a PDF');
    write(dir, `out/.brief.pdf.${process.pid}.1.tmp`, 'being written by a live process');
    write(dir, `out/.other.pdf.${dead}.1.tmp`, 'another output');
    const run = cli([data, '--out', path.join(dir, 'out', 'brief.pdf')]);
    expect(run.code, run.stderr).toBe(0);
    expect(listing(path.join(dir, 'out'))).toEqual([`.brief.pdf.${process.pid}.1.tmp`, `.other.pdf.${dead}.1.tmp`, 'brief.pdf'].sort());
  });
});

describe('folders created for a failed output', () => {
  it('a name too long for the file system: exit 1, the folders made for it removed', () => {
    const dir = tempDir('mowjaz-folders-');
    const data = write(dir, 'brief.json', minimal());
    const out = path.join(dir, 'a', 'b', 'c', `${'x'.repeat(300)}.pdf`);
    const run = cli([data, '--out', out]);
    expect(run.code).toBe(1);
    expectNoStack(run);
    expect(run.stderr).toMatch(/the file name is too long\n$/);
    expect(tree(dir)).toEqual(['brief.json']);
  });

  it('a path of a thousand nested folders that fails: none of them is left', () => {
    const dir = tempDir('mowjaz-folders-');
    const data = write(dir, 'brief.json', minimal());
    const out = path.join(dir, ...Array.from({ length: 2500 }, () => 'd'), 'brief.pdf'); // 5,000 characters: longer than PATH_MAX
    const run = cli([data, '--out', out]);
    expect(run.code).toBe(1);
    expectNoStack(run);
    expect(tree(dir)).toEqual(['brief.json']);
  });
});
