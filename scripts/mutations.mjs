#!/usr/bin/env node
// `npm run test:mutations`: deliberate one-line breaks in src/, applied one at a time. For each,
// the relevant suites run (their global setup rebuilds build/ from the broken source) and must
// fail; the report says which tests caught which break. The source file is restored after each
// run, on Ctrl-C and on any error. Exit 0 only when every break is caught.
//
// Each mutant is a file, an exact search text (it must occur exactly once) and its replacement:
// when the source has moved, the script stops before changing anything and says which text it
// could not find where.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const MUTANTS = [
  {
    id: 'mirroring-off',
    what: 'brackets in right-to-left runs drawn unmirrored (each swapped for its mirror before HarfBuzz mirrors it back)',
    file: 'src/text/shaper.ts',
    search: '  buf.addText(text, offset, length);',
    replace: "  buf.addText(settings.rtl ? text.replace(/[()[\\]{}]/g, c => ({ '(': ')', ')': '(', '[': ']', ']': '[', '{': '}', '}': '{' } as Record<string, string>)[c]) : text, offset, length);",
    tests: ['tests/text/bidi.test.ts', 'tests/text/picture.test.ts', 'tests/brief/visual.test.ts'],
  },
  {
    id: 'harakat-on-baseline',
    what: 'vertical GPOS offsets dropped: harakat drawn on the baseline',
    file: 'src/text/place.ts',
    search: '        rise: g.dy * scale,',
    replace: '        rise: 0,',
    tests: ['tests/text/shaping-parity.test.ts', 'tests/text/picture.test.ts', 'tests/brief/visual.test.ts'],
  },
  {
    id: 'l2-not-reversed',
    what: 'rule L2 does not reverse runs: a line keeps its runs in logical order',
    file: 'src/text/bidi.ts',
    search: '      const reversed = out.slice(i, j + 1).reverse();',
    replace: '      const reversed = out.slice(i, j + 1);',
    tests: ['tests/text/bidi.test.ts', 'tests/text/extraction.test.ts', 'tests/brief/visual.test.ts'],
  },
  {
    id: 'kashida-off-place',
    what: 'every inserted kashida drawn 1 pt to the right of its place',
    file: 'src/render/glyph-run.ts',
    search: '        const startX = Number(fmt(x + word[segment[0]].x, 2));',
    replace: '        const startX = Number(fmt(x + word[segment[0]].x + (hidden ? 1 : 0), 2));',
    tests: ['tests/text/kashida.test.ts'],
  },
  {
    id: 'tounicode-swapped',
    what: 'in words of two glyphs, the ToUnicode texts of the two glyphs swapped',
    file: 'src/render/glyph-run.ts',
    search: '      const cids = word.map((g, i) => font.code(g.gid, toUnicodeText(g), widths[i]));',
    replace: '      const cids = word.map((g, i) => font.code(g.gid, toUnicodeText(word.length === 2 ? word[1 - i] : g), widths[i]));',
    tests: ['tests/text/extraction.test.ts', 'tests/pdf/text.test.ts'],
  },
  {
    id: 'cut-lines-not-remeasured',
    what: 'a line cut inside a word is not shaped and measured again (it may overflow the measure)',
    file: 'src/text/place.ts',
    search: '  while (line.width > width + 0.01 && shortenLine(prep, ranges, i)) line = placeLine(shaper, prep, ranges[i]);',
    replace: '  while (line.width > width + 1000 && shortenLine(prep, ranges, i)) line = placeLine(shaper, prep, ranges[i]);',
    tests: ['tests/text/wrapping.test.ts', 'tests/text/property.test.ts'],
  },
  {
    id: 'lines-underfilled',
    what: 'line breaking fills lines to 95 % of the measure only',
    file: 'src/text/break.ts',
    search: '  const fits = (a: number, b: number) => prefix[visibleEnd(text, a, b)] - prefix[a] <= width + 1e-6;',
    replace: '  const fits = (a: number, b: number) => prefix[visibleEnd(text, a, b)] - prefix[a] <= 0.95 * width + 1e-6;',
    tests: ['tests/text/wrapping.test.ts'],
  },
  {
    id: 'kashida-where-unsafe',
    what: "tatweels inserted without HarfBuzz's SAFE_TO_INSERT_TATWEEL flag",
    file: 'src/text/kashida.ts',
    search: '      if (!safe.has(k) || !LETTER.test(text[k]) || MARK.test(text[k - 1])) continue;',
    replace: '      if (!LETTER.test(text[k]) || MARK.test(text[k - 1])) continue;',
    tests: ['tests/text/kashida.test.ts'],
  },
  {
    id: 'footer-digits',
    what: 'page numbers in the running footer drawn in the other digits (Arabic-Indic where Western were asked for, and back)',
    file: 'src/layout/running.ts',
    search: '    const fields: Fields = { page: formatCounter(i + 1, digits), pages: total };',
    replace: "    const fields: Fields = { page: formatCounter(i + 1, digits === 'latn' ? 'arab' : 'latn'), pages: total };",
    tests: ['tests/brief/content.test.ts', 'tests/pdf/text.test.ts'],
  },
  {
    id: 'table-columns-ltr',
    what: 'table columns laid out from the left in right-to-left tables (the first cell leftmost)',
    file: 'src/layout/blocks/table.ts',
    search: "          x: table.dir === 'ltr' ? width - right - w : right,",
    replace: '          x: width - right - w,',
    tests: ['tests/brief/visual.test.ts', 'tests/brief/roster.test.ts'],
  },
];

const only = process.argv.slice(2);
const selected = only.length ? MUTANTS.filter(m => only.includes(m.id)) : MUTANTS;
if (only.length && selected.length !== only.length) {
  console.error(`unknown mutant(s): ${only.filter(id => !MUTANTS.some(m => m.id === id)).join(', ')}; known: ${MUTANTS.map(m => m.id).join(', ')}`);
  process.exit(2);
}

// Every search text must be found, exactly once, before anything is changed.
const problems = selected.flatMap(m => {
  const file = path.join(root, m.file);
  if (!fs.existsSync(file)) return [`mutant ${m.id}: ${m.file} not found`];
  const count = fs.readFileSync(file, 'utf8').split(m.search).length - 1;
  return count === 1 ? [] : [`mutant ${m.id}: search text ${count ? `found ${count} times` : 'not found'} in ${m.file}: ${JSON.stringify(m.search.trim())}`];
});
if (problems.length) {
  console.error(`${problems.join('\n')}\nthe source has moved: update the mutant's file and search text in scripts/mutations.mjs`);
  process.exit(2);
}

/** The original text of the file being mutated, while it is. */
let pending = null;
const restore = () => {
  if (pending) { fs.writeFileSync(pending.file, pending.text); pending = null; }
};
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => { restore(); console.error(`\n${signal}: source restored`); process.exit(130); });
}
process.on('exit', restore);

const vitest = path.join(root, 'node_modules', 'vitest', 'vitest.mjs');
const results = [];
try {
  for (const m of selected) {
    const file = path.join(root, m.file);
    const text = fs.readFileSync(file, 'utf8');
    pending = { file, text };
    fs.writeFileSync(file, text.replace(m.search, m.replace));
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'mowjaz-mutant-')), 'report.json');
    process.stdout.write(`mutant ${m.id} (${m.file}): ${m.what}\n  running ${m.tests.join(' ')} … `);
    const run = spawnSync(process.execPath, [vitest, 'run', ...m.tests, '--reporter=json', `--outputFile=${out}`], { cwd: root, encoding: 'utf8', env: { ...process.env, UPDATE_BASELINES: '' } });
    restore();
    let failed = [];
    if (fs.existsSync(out)) {
      const report = JSON.parse(fs.readFileSync(out, 'utf8'));
      failed = report.testResults.flatMap(f => f.assertionResults.filter(a => a.status === 'failed').map(a => `${path.relative(root, f.name)} › ${a.fullName}`));
      if (!failed.length && run.status !== 0) failed = report.testResults.filter(f => f.status === 'failed').map(f => `${path.relative(root, f.name)} (suite failed: ${(f.message ?? '').split('\n')[0]})`);
    } else if (run.status !== 0) {
      failed = [`CRASHED, no test finished (exit ${run.status ?? run.signal}): ${(run.stderr || run.stdout).trim().split('\n').slice(-3).join(' / ')}`];
    }
    fs.rmSync(path.dirname(out), { recursive: true, force: true });
    results.push({ m, failed });
    console.log(failed.length ? `CAUGHT by ${failed.length} test(s)` : 'NOT CAUGHT');
    for (const t of failed.slice(0, 5)) console.log(`    ✗ ${t}`);
    if (failed.length > 5) console.log(`    … and ${failed.length - 5} more`);
  }
} finally {
  restore();
}

const missed = results.filter(r => !r.failed.length);
console.log(`\n${results.length - missed.length} of ${results.length} breaks caught${missed.length ? `; NOT caught: ${missed.map(r => r.m.id).join(', ')}` : ''}`);
process.exit(missed.length ? 1 : 0);
