// Bad briefs through the CLI: one line naming the file, the line and the JSON path, exit 2, no PDF.
// The block's "type" chooses its schema, so the message is about that block type only.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { root } from './support.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'mowjaz-errors-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function run(blocks: unknown[]): { code: number | null; stderr: string; file: string; text: string } {
  const file = path.join(tmp, `brief-${Math.random().toString(36).slice(2)}.json`);
  const text = JSON.stringify({ title: 'عنوان', blocks }, null, 2);
  fs.writeFileSync(file, text);
  const out = file.replace(/\.json$/, '.pdf');
  const r = spawnSync(process.execPath, ['build/src/cli.js', file, '--out', out], { cwd: root, encoding: 'utf8' });
  expect(fs.existsSync(out)).toBe(false);
  expect(r.stderr).not.toMatch(/\n\s+at /);
  return { code: r.status, stderr: r.stderr, file, text };
}

/** The 1-based line of the first occurrence of `needle` in `text`. */
const lineOf = (text: string, needle: string): number => text.slice(0, text.indexOf(needle)).split('\n').length;

describe('bad blocks', () => {
  it('an unknown block type: one line, with a suggestion', () => {
    const { code, stderr, file, text } = run([
      { type: 'summary', paragraphs: ['نص'] },
      { type: 'keypoints', items: ['نقطة'] },
    ]);
    expect(code).toBe(2);
    expect(stderr).toBe(`mowjaz: ${file}:${lineOf(text, '"keypoints"')}: /blocks/1/type: unknown type "keypoints" (did you mean "key-points"?)\n`);
  });

  it('a type nobody knows lists the block types', () => {
    const { stderr } = run([{ type: 'chart' }]);
    expect(stderr).toMatch(
      /\/blocks\/0\/type: unknown type "chart" \(allowed here: summary, facts, table, roster, key-points, recommendations, quotation, programme, timeline, section, sources, figure, callout, contents\)\n$/,
    );
    expect(stderr.split('\n').filter(Boolean)).toHaveLength(1);
  });

  it('a block without a type', () => {
    const { stderr, file } = run([{ items: ['نقطة'] }]);
    expect(stderr).toBe(`mowjaz: ${file}:4: /blocks/0/type: is required\n`); // the block's opening brace
  });

  it('a missing field of a known block: about that block type only', () => {
    const { code, stderr, file, text } = run([{ type: 'roster', groups: [{ name: 'وفد', members: [{ role: 'وزير' }] }] }]);
    expect(code).toBe(2);
    expect(stderr).toBe(`mowjaz: ${file}:${lineOf(text, '"role"') - 1}: /blocks/0/groups/0/members/0/name: is required\n`);
  });

  it('a wrong property of a fact value and an unexpected property of a quotation', () => {
    const { stderr, file, text } = run([
      { type: 'facts', items: [{ label: 'التاريخ', value: { date: '2025-02-30' } }] },
      { type: 'quotation', text: 'قول', speakr: 'أحد' },
    ]);
    expect(stderr).toBe(
      [
        `mowjaz: ${file}:${lineOf(text, '2025-02-30')}: /blocks/0/items/0/value/date: must be a calendar date written YYYY-MM-DD in the years 1900 to 2200, e.g. 2025-08-15, not "2025-02-30"`,
        `${file}:${lineOf(text, '"speakr"')}: /blocks/1/speakr: unexpected property "speakr" (did you mean "speaker"?)`,
        '',
      ].join('\n'),
    );
  });

  it('no blocks at all', () => {
    const { stderr, file } = run([]);
    expect(stderr).toBe(`mowjaz: ${file}:3: /blocks: must have at least 1 item\n`);
  });
});
