// `npm run bench`: speed, memory and size figures for mowjaz, printed as tables with the budgets
// they are held to. Every figure is measured in this run, on this machine; medians over several
// runs, with min and max where they say something. Nothing here asserts: it only reports.
//
//   npm run build && npm run bench                 # the full run (about a minute)
//   npm run bench -- --quick                       # fewer repetitions, for a first look
//   npm run bench -- --no-chromium --no-time       # skip Chromium; measure RSS from Node itself
//   npm run bench -- --keep                        # keep the PDFs and HTML it writes, to look at them
//
// Cold start is compared in the same run with `node -e 0` (the floor), Typst (its native addon,
// a devDependency; skipped when absent) and headless Chromium (/usr/bin/chromium; skipped when absent).
//
// What is timed is described next to each table. "HarfBuzz calls" counts shaping requests that
// missed the shaping cache (hb.Buffer#addText calls), so cached and uncached figures can be told apart.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import Handlebars from 'handlebars';
import * as hb from 'harfbuzzjs';
import { pageCount } from '../src/batch.js';
import { blocksOf, paragraphText, withParagraphText, type Brief } from '../src/data/brief.js';
import { loadBrief, parseBrief } from '../src/data/load.js';
import { packageRoot } from '../src/package-root.js';
import { renderValidBrief } from '../src/index.js';
import { createPdfFontCache, PdfWriter } from '../src/render/pdf-writer.js';
import { helpers } from '../src/template/helper-registry.js';
import { createTextEngine } from '../src/text/engine.js';
import type { JustifyMode } from '../src/text/records.js';
import { layoutParagraph, type Align, type LineLayout } from '../src/text/paragraph.js';
import { kashidaTexture } from '../src/text/texture.js';

const argv = new Set(process.argv.slice(2));
if (argv.has('--help') || argv.has('-h')) {
  console.log('usage: npm run bench -- [--quick] [--no-chromium] [--no-time] [--keep]');
  process.exit(0);
}
const QUICK = argv.has('--quick');
const reps = (full: number, quick: number) => (QUICK ? quick : full);

const ROOT = packageRoot();
const CLI = path.join(ROOT, 'build/src/cli.js');
const DATA = path.join(ROOT, 'data/summit.json');
const TMP = fs.mkdtempSync(path.join(os.tmpdir(), 'mowjaz-bench-'));
process.on('exit', () =>
  argv.has('--keep') ? console.log(`\n(--keep: the files the bench wrote are in ${TMP})`) : fs.rmSync(TMP, { recursive: true, force: true }),
);
const CORES = os.availableParallelism();
const CM = 72 / 2.54;
const KB = 1024;

// ---- measuring and printing -----------------------------------------------------------------

interface Stats {
  median: number;
  min: number;
  max: number;
  n: number;
}

function stats(xs: readonly number[]): Stats {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return { median: s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2, min: s[0], max: s[s.length - 1], n: s.length };
}

const ms = (x: number) => (x >= 100 ? `${x.toFixed(0)} ms` : `${x.toFixed(1)} ms`);
const mb = (kb: number) => `${(kb / KB).toFixed(1)} MB`;
const spread = (s: Stats) => `min ${ms(s.min)}, max ${ms(s.max)}, n=${s.n}`;

interface BudgetLine {
  what: string;
  value: string;
  budget: string;
  met: boolean | undefined;
}
const budgets: BudgetLine[] = [];
function budget(what: string, value: string, limit: string, met: boolean | undefined): string {
  budgets.push({ what, value, budget: limit, met });
  return `${limit}: ${met === undefined ? 'not measured' : met ? 'met' : 'NOT met'}`;
}

function table(rows: readonly (readonly string[])[], indent = '  '): void {
  const widths = rows[0].map((_, c) => Math.max(...rows.map(r => (r[c] ?? '').length)));
  for (const r of rows)
    console.log(
      indent +
        r
          .map((cell, c) => (c === r.length - 1 ? cell : cell.padEnd(widths[c])))
          .join('  ')
          .trimEnd(),
    );
}

function heading(title: string, ...notes: string[]): void {
  console.log(`\n${title}`);
  for (const n of notes) console.log(`  ${n}`);
}

async function section(name: string, body: () => Promise<void> | void): Promise<void> {
  try {
    await body();
  } catch (e) {
    console.log(`  ${name}: could not be measured: ${(e as Error).message.split('\n')[0]}`);
  }
}

/** HarfBuzz shaping requests that missed the cache: each uncached shape() adds text to the buffer once. */
let harfbuzzCalls = 0;
{
  const proto = hb.Buffer.prototype as unknown as { addText: (...a: unknown[]) => unknown };
  const addText = proto.addText;
  proto.addText = function (this: unknown, ...a: unknown[]) {
    harfbuzzCalls++;
    return addText.apply(this, a);
  };
}
function _counting<T>(fn: () => T): { value: T; calls: number } {
  const before = harfbuzzCalls;
  const value = fn();
  return { value, calls: harfbuzzCalls - before };
}

async function timed<T>(fn: () => Promise<T> | T): Promise<{ value: T; ms: number }> {
  const t = performance.now();
  const value = await fn();
  return { value, ms: performance.now() - t };
}

interface Spawned {
  ms: number;
  rssKb?: number;
  status: number | null;
  stdout: string;
  stderr: string;
}

const TIME = '/usr/bin/time';
const useTime = !argv.has('--no-time') && fs.existsSync(TIME);
const RSS_METHOD = useTime
  ? '/usr/bin/time -f %M: peak resident set size of the node process'
  : 'process.resourceUsage().maxRSS at exit, from a node -e wrapper that imports the CLI (the wrapper adds a little)';

/** Runs `node <script> <args>` and measures its wall time (and peak RSS). */
function spawnNode(script: string, args: readonly string[], cwd = ROOT): Spawned {
  const marker = 'mowjaz-bench-rss-kb=';
  let cmd: string, cmdArgs: string[];
  if (useTime) {
    cmd = TIME;
    cmdArgs = ['-f', `${marker}%M`, process.execPath, script, ...args];
  } else {
    const code = `process.on('exit', () => process.stderr.write('\\n${marker}' + process.resourceUsage().maxRSS + '\\n'));
process.argv = [process.execPath, ${JSON.stringify(script)}, ...${JSON.stringify(args)}];
await import(${JSON.stringify(pathToFileURL(script).href)});`;
    cmd = process.execPath;
    cmdArgs = ['--input-type=module', '-e', code];
  }
  return measured(cmd, cmdArgs, marker, cwd, process.env);
}

// ---- data variants --------------------------------------------------------------------------

/** A small seeded generator (mulberry32), so every run of the bench uses the same variants. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

let nextSeed = 1;
/** The same words in another order, different on every call: text the shaping cache has not seen. */
function fresh(text: string): string {
  const words = text.split(' ');
  const rnd = random(nextSeed++);
  for (let i = words.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [words[i], words[j]] = [words[j], words[i]];
  }
  return words.join(' ');
}

/** The brief with its running text (summary, body paragraphs, key points, note) reshuffled. */
function variant(brief: Brief): Brief {
  const b = structuredClone(brief);
  for (const block of b.blocks) {
    if (block.type === 'summary') block.paragraphs = block.paragraphs.map(fresh);
    if (block.type === 'sources' && block.note) block.note = fresh(block.note);
    if (block.type === 'key-points') block.items = block.items.map(fresh);
    if (block.type === 'section') block.sections = block.sections?.map(s => ({ ...s, paragraphs: s.paragraphs?.map(p => withParagraphText(p, fresh)) }));
  }
  return b;
}

/** The brief with its body sections and roster members repeated `times` times (each copy's words reshuffled if `distinct`). */
function scaled(brief: Brief, times: number, distinct = false): Brief {
  const b = structuredClone(brief);
  for (const block of b.blocks) {
    if (block.type === 'section') {
      const sections = block.sections ?? [];
      block.sections = Array.from({ length: times }, () =>
        sections.map(s => ({ ...s, paragraphs: s.paragraphs?.map(p => (distinct ? withParagraphText(p, fresh) : p)) })),
      ).flat();
    }
    if (block.type === 'roster') block.groups = block.groups.map(g => ({ ...g, members: Array.from({ length: times }, () => g.members).flat() }));
  }
  return b;
}

/** Body sections and roster members of a brief, for the scaling table. */
function counts(brief: Brief): { sections: number; members: number } {
  return {
    sections: blocksOf(brief, 'section').reduce((n, s) => n + (s.sections?.length ?? 0), 0),
    members: blocksOf(brief, 'roster').reduce((n, r) => n + r.groups.reduce((k, g) => k + g.members.length, 0), 0),
  };
}

// ---- the engine and pdfkit on the seed article ----------------------------------------------

interface ArticleRun {
  drawMs: number;
  endMs: number;
  pages: number;
  calls: number;
  kashidas: number;
  bytes: number;
}

/** The engine the article runs lay out with, and the fonts their documents embed (both made once, as a process would). */
const articleEngine = createTextEngine();
const articleFonts = createPdfFontCache();
const A4 = { width: 595.28, height: 841.89 };

function newDoc(): PdfWriter {
  const pdf = new PdfWriter({ fonts: articleFonts, info: { Title: 'bench', CreationDate: new Date(0) }, margin: 2 * CM });
  pdf.addPage(A4.width, A4.height);
  return pdf;
}

async function finishDoc(doc: PdfWriter): Promise<{ ms: number; bytes: number }> {
  const t = performance.now();
  const bytes = (await doc.end()).length;
  return { ms: performance.now() - t, bytes };
}

/** Lays out and draws every paragraph with the engine, as src/specimen.ts does: A4, 12 cm measure, Amiri 12 pt. */
async function engineArticle(paragraphs: readonly string[], align: Align, justify: JustifyMode | undefined, language: string): Promise<ArticleRun> {
  const before = harfbuzzCalls;
  const t = performance.now();
  const doc = newDoc();
  const margin = 2 * CM,
    width = 12 * CM;
  const left = A4.width - margin - width;
  let y = margin,
    pages = 1,
    kashidas = 0;
  for (const text of paragraphs) {
    const layout = layoutParagraph(articleEngine, { text, style: { weight: 'regular', size: 12, color: '#000000' }, width, align, justify, language });
    for (const line of layout.lines) {
      if (y + line.height > A4.height - margin) {
        doc.addPage(A4.width, A4.height);
        y = margin;
        pages++;
      }
      doc.drawLines([{ ...line, baseline: line.baseline - line.top, top: 0 } as LineLayout], left, y);
      y += line.height;
      for (const g of line.glyphs) if (g.kashida) kashidas++;
    }
  }
  const drawMs = performance.now() - t;
  const calls = harfbuzzCalls - before;
  const end = await finishDoc(doc);
  return { drawMs, endMs: end.ms, pages, calls, kashidas, bytes: end.bytes };
}

/** pdfkit's own text layout on the same paragraphs, same font file, same measure and size. */
async function pdfkitArticle(paragraphs: readonly string[], align: 'right' | 'justify'): Promise<ArticleRun> {
  const t = performance.now();
  const doc = newDoc();
  const width = 12 * CM;
  const pages =
    1 +
    doc.pdfkitText(paragraphs, { fontFile: path.join(ROOT, 'fonts/amiri-arabic-400.ttf'), size: 12, x: A4.width - 2 * CM - width, y: 2 * CM, width, align });
  const drawMs = performance.now() - t;
  const end = await finishDoc(doc);
  return { drawMs, endMs: end.ms, pages, calls: 0, kashidas: 0, bytes: end.bytes };
}

function sameLayout(paragraphs: readonly string[], a: string, b: string): boolean {
  const sig = (language: string) =>
    paragraphs
      .map(text =>
        layoutParagraph(articleEngine, { text, style: { weight: 'regular', size: 12, color: '#000000' }, width: 12 * CM, language })
          .lines.map(l => l.glyphs.map(g => `${g.gid}@${g.x.toFixed(3)}`).join(' '))
          .join('\n'),
      )
      .join('\n\n');
  return sig(a) === sig(b);
}

// ---- the HTML twin for Chromium -------------------------------------------------------------

function cssString(s: string): string {
  return `"${[...s].map(ch => (/["\\<>\n\r]/.test(ch) ? `\\${ch.codePointAt(0)!.toString(16)} ` : ch)).join('')}"`;
}

function fontCss(): string {
  const dir = path.join(ROOT, 'node_modules/@fontsource/amiri');
  const base = pathToFileURL(`${dir}/`).href;
  return ['400.css', '700.css']
    .map(f => fs.readFileSync(path.join(dir, f), 'utf8'))
    .join('\n')
    .replace(/url\(\.\//g, `url(${base}`)
    .replace(/font-display: swap/g, 'font-display: block');
}

/**
 * The fields the HTML twin reads, from the brief's blocks: the twin was written for the summit's
 * own data model (summit date, place and goals, delegations, sections with headings) and lays
 * out the same content.
 */
function twinFields(brief: Brief): Record<string, unknown> {
  const facts = blocksOf(brief, 'facts').flatMap(f => f.items.map(i => i.value as unknown));
  const date = facts.find((v): v is { date: string } => typeof v === 'object' && v !== null && 'date' in v)?.date;
  return {
    summit: {
      date,
      place: facts.find(v => typeof v === 'string'),
      goals: facts.find(v => Array.isArray(v)) ?? [],
      programme: blocksOf(brief, 'programme').flatMap(p => p.items.map(i => i.text)),
    },
    summary: blocksOf(brief, 'summary')
      .flatMap(s => s.paragraphs)
      .join(' '),
    keyPoints: blocksOf(brief, 'key-points').flatMap(k => k.items),
    delegations: blocksOf(brief, 'roster').flatMap(r => r.groups.map(g => ({ side: g.name, members: g.members }))),
    sources: blocksOf(brief, 'sources').flatMap(s => s.items),
    source: blocksOf(brief, 'sources').find(s => s.note)?.note,
    sections: blocksOf(brief, 'section').flatMap(s => (s.sections ?? []).map(sub => ({ heading: sub.title, paragraphs: sub.paragraphs ?? [] }))),
  };
}

function briefHtml(brief: Brief): string {
  const hbs = Handlebars.create();
  for (const [name, fn] of Object.entries(helpers)) hbs.registerHelper(name, fn as Handlebars.HelperDelegate);
  const template = hbs.compile(fs.readFileSync(path.join(ROOT, 'bench/html/brief.hbs'), 'utf8'), { strict: false });
  // The running header as mowjaz writes it: the short title (the classification is a banner of its own).
  const header = brief.shortTitle ?? brief.title;
  return template({ ...brief, ...twinFields(brief), fontCss: fontCss(), headerCss: cssString(header) });
}

function findChromium(): string | undefined {
  return ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find(f => fs.existsSync(f));
}

// ---- the run --------------------------------------------------------------------------------

const cpu = os.cpus()[0]?.model.trim() ?? 'unknown CPU';
const load = () =>
  os
    .loadavg()
    .map(l => l.toFixed(2))
    .join(' ');
console.log(`mowjaz bench: Node ${process.version}, ${os.platform()} ${os.arch()}, ${CORES} cores (${cpu}), load average ${load()}${QUICK ? ', --quick' : ''}`);
console.log('All times are wall-clock medians of repeated runs (performance.now()); min and max show the noise.');
const started = performance.now();
const brief = loadBrief(DATA);
let warmMedian = NaN;
let coldMedian = NaN;

await section('kashida texture', () => {
  heading(
    'Kashida texture (justified, kashida-spaces): tatweels per full line against the paragraph median',
    "bound: no line over twice its paragraph's median unless its spaces would otherwise pass 0.5 em (README, Justification with kashida)",
  );
  const seed = fs
    .readFileSync(path.join(ROOT, 'tests/fixtures/seed/summit-article.ar.txt'), 'utf8')
    .split('\n')
    .map(l => l.trim())
    .filter(Boolean);
  const specimen = fs
    .readFileSync(path.join(ROOT, 'tests/fixtures/access/unseen.txt'), 'utf8')
    .split('\n')
    .map(l => l.trim())
    .filter(l => l && !l.startsWith('#'));
  const rows = [['text', 'measure', 'full lines', 'with kashida', 'over bound', 'bare', 'worst / median']];
  for (const [name, paragraphs, size, cm] of [
    ['seed article', seed, 12, 12],
    ['specimen page (unseen text)', specimen, 14, 8],
  ] as const) {
    const t = kashidaTexture(
      paragraphs.map(text => layoutParagraph(articleEngine, { text, style: { weight: 'regular', size, color: '#000000' }, width: cm * CM, align: 'justify' })),
    );
    rows.push([
      name,
      `${cm} cm, ${size} pt`,
      String(t.lines),
      `${t.stretched} (${((100 * t.stretched) / Math.max(1, t.lines)).toFixed(0)}%)`,
      String(t.overBound),
      String(t.bare),
      t.worstRatio.toFixed(2),
    ]);
  }
  table(rows);
});

await section('cache', async () => {
  heading(
    'cache: what the first render in a process pays and later renders do not',
    'Fonts are read and parsed once per process (by its text engine), templates compiled once, shaping results cached.',
  );
  const reads = { fonts: 0, templates: 0 };
  const original = fs.readFileSync;
  (fs as { readFileSync: unknown }).readFileSync = (...a: Parameters<typeof fs.readFileSync>) => {
    const f = String(a[0]);
    if (f.endsWith('.ttf')) reads.fonts++;
    if (f.endsWith('.hbs')) reads.templates++;
    return original.apply(fs, a);
  };
  const rows: string[][] = [['render', 'time', 'font files read', 'template files read', 'HarfBuzz calls']];
  try {
    for (let i = 1; i <= 3; i++) {
      const r0 = { ...reads },
        c0 = harfbuzzCalls;
      const { ms: t } = await timed(() => renderValidBrief(brief, { source: DATA }));
      rows.push([
        `#${i}${i === 1 ? ' (first in process: reads fonts, compiles templates, cold JIT)' : ''}`,
        ms(t),
        String(reads.fonts - r0.fonts),
        String(reads.templates - r0.templates),
        String(harfbuzzCalls - c0),
      ]);
    }
  } finally {
    (fs as { readFileSync: unknown }).readFileSync = original;
  }
  table(rows);
  const copy = path.join(TMP, 'fonts');
  fs.cpSync(path.join(ROOT, 'fonts'), copy, { recursive: true });
  const { ms: parse } = await timed(() => createTextEngine({ fontsDir: copy }));
  console.log(`  a text engine (createTextEngine) reads and parses the six font files once; that costs ${ms(parse)}`);
});

await section('warm', async () => {
  const n = reps(40, 12);
  for (let i = 0; i < 3; i++) await renderValidBrief(brief, { source: DATA });
  const times: number[] = [];
  const c0 = harfbuzzCalls;
  for (let i = 0; i < n; i++) times.push((await timed(() => renderValidBrief(brief, { source: DATA }))).ms);
  const same = stats(times);
  const callsSame = (harfbuzzCalls - c0) / n;
  warmMedian = same.median;

  const m = reps(15, 5);
  const variants = Array.from({ length: m }, () => variant(brief));
  const fresh: number[] = [];
  const c1 = harfbuzzCalls;
  for (const v of variants) fresh.push((await timed(() => renderValidBrief(v, { source: DATA }))).ms);
  const freshStats = stats(fresh);
  const callsFresh = (harfbuzzCalls - c1) / m;

  heading(
    'warm: renderValidBrief() on data/summit.json in-process, fonts loaded (after 3 warm-up renders)',
    '"fresh": the words of the running text shuffled in each render, so shaping misses the cache.',
  );
  table([
    ['', 'median', 'spread', 'HarfBuzz calls per render', 'budget'],
    ['same data each time', ms(same.median), spread(same), callsSame.toFixed(0), ''],
    [
      'fresh text each time',
      ms(freshStats.median),
      spread(freshStats),
      callsFresh.toFixed(0),
      budget('warm render of a fresh brief', ms(freshStats.median), '≤ 20 ms', freshStats.median <= 20),
    ],
  ]);
});

/** Spawns any command and measures its wall time (and, with /usr/bin/time, its peak RSS). */
function spawnTimed(cmd: string, args: readonly string[], cwd = ROOT, env: NodeJS.ProcessEnv = process.env): Spawned {
  const marker = 'mowjaz-bench-rss-kb=';
  const [c, a] = useTime ? [TIME, ['-f', `${marker}%M`, cmd, ...args]] : [cmd, [...args]];
  return measured(c, a, marker, cwd, env);
}

/** Runs the command, timing it; its peak RSS is read from the line `marker<kilobytes>` on stderr, which is taken out. */
function measured(cmd: string, args: readonly string[], marker: string, cwd: string, env: NodeJS.ProcessEnv): Spawned {
  const t = performance.now();
  const r = spawnSync(cmd, args, { cwd, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: 300_000 });
  const elapsed = performance.now() - t;
  if (r.error) throw r.error;
  const m = new RegExp(`${marker}(\\d+)`).exec(r.stderr);
  return {
    ms: elapsed,
    rssKb: m ? Number(m[1]) : undefined,
    status: r.status,
    stdout: r.stdout,
    stderr: r.stderr.replace(new RegExp(`\\n?${marker}\\d+\\n?`), ''),
  };
}

/** Runs each command `n` times (after one uncounted run that fills the disk cache), interleaved so load hits all alike. */
function coldRuns(commands: readonly { name: string; run: () => Spawned }[], n: number): Map<string, Spawned[]> {
  const runs = new Map(commands.map(c => [c.name, [] as Spawned[]]));
  for (const c of commands) c.run();
  for (let i = 0; i < n; i++) {
    for (const c of commands) {
      const r = c.run();
      if (r.status !== 0) throw new Error(`${c.name} failed (exit ${r.status}): ${r.stderr.trim().split('\n')[0]}`);
      runs.get(c.name)!.push(r);
    }
  }
  return runs;
}

const FAST_BLOB = path.join(ROOT, 'build/fast/brief.blob');
/** The V8 flags the snapshot was built with (it starts under no others), as scripts/brief.sh passes them. */
const FAST_FLAGS = fs.existsSync(path.join(ROOT, 'build/fast/brief.flags'))
  ? fs.readFileSync(path.join(ROOT, 'build/fast/brief.flags'), 'utf8').split(/\s+/).filter(Boolean)
  : [];
const cold = new Map<string, Stats>();

await section('cold', async () => {
  const out = path.join(TMP, 'summit.pdf');
  const n = reps(9, 3);
  const commands = [
    { name: 'node -e 0 (the floor: Node starting and stopping)', run: () => spawnTimed(process.execPath, ['-e', '0']) },
    { name: 'fast entry: sh scripts/brief.sh (what npm run brief runs)', run: () => spawnTimed('sh', ['scripts/brief.sh', '--out', out]) },
    ...(fs.existsSync(FAST_BLOB)
      ? [
          {
            name: 'fast entry: node --snapshot-blob build/fast/brief.blob',
            run: () => spawnTimed(process.execPath, [...FAST_FLAGS, '--snapshot-blob', FAST_BLOB, '--', '--out', out]),
          },
        ]
      : []),
    { name: 'plain entry: node build/src/cli.js', run: () => spawnNode(CLI, ['--out', out]) },
    { name: "npm run -s brief (npm's own start included)", run: () => spawnTimed('npm', ['run', '-s', 'brief', '--', '--out', out]) },
  ];
  const runs = coldRuns(commands, n);
  heading(
    `cold: the summit brief written by a new process, ${n} runs each (+1 not counted), interleaved`,
    'Wall time from spawn to exit. The fast entry starts from a V8 startup snapshot (build/fast/brief.blob) when it exists for this Node.',
    `Memory: ${RSS_METHOD}.`,
  );
  const rows: string[][] = [['', 'median', 'spread', 'peak RSS (median)']];
  for (const c of commands) {
    const rs = runs.get(c.name)!;
    const st = stats(rs.map(r => r.ms));
    cold.set(c.name.split(':')[0].split(' (')[0], st);
    const rss = rs.map(r => r.rssKb).filter((x): x is number => x !== undefined);
    rows.push([c.name, ms(st.median), spread(st), rss.length ? mb(stats(rss).median) : '?']);
  }
  table(rows);
  if (!fs.existsSync(FAST_BLOB)) console.log('  no startup snapshot was built (see npm run build): the fast entry runs the plain build');
  const fastRuns = runs.get(commands.find(c => c.name.startsWith('fast entry: sh'))!.name)!;
  coldMedian = cold.get('fast entry')!.median;
  const rss = fastRuns.map(r => r.rssKb).filter((x): x is number => x !== undefined);
  const rssStats = rss.length ? stats(rss) : undefined;
  const bytes = fs.readFileSync(out);
  table([
    ['', 'measured', 'budget'],
    ['cold, fast entry', ms(coldMedian), budget('cold brief, fast entry (wall)', ms(coldMedian), '≤ 700 ms', coldMedian <= 700)],
    [
      'peak RSS of one brief (sh scripts/brief.sh)',
      rssStats ? mb(rssStats.median) : '?',
      budget('peak RSS of one brief', rssStats ? mb(rssStats.median) : '?', '≤ 100 MB', rssStats ? rssStats.median <= 100 * KB : undefined),
    ],
    [
      'PDF size',
      `${bytes.length} bytes (${(bytes.length / KB).toFixed(1)} KB), ${pageCount(bytes)} pages`,
      budget('PDF size (summit)', `${(bytes.length / KB).toFixed(1)} KB`, '≤ 80 KB', bytes.length <= 80 * KB),
    ],
  ]);
});

await section('engine vs pdfkit', async () => {
  const seed = [path.join(ROOT, 'tests/fixtures/seed/summit-article.ar.txt')].find(f => fs.existsSync(f));
  if (!seed) throw new Error('the seed article (tests/fixtures/seed/summit-article.ar.txt) is missing');
  const paragraphs = fs
    .readFileSync(seed, 'utf8')
    .split(/\r?\n/)
    .map(l => l.trim())
    .filter(Boolean);
  // Each repetition shapes with its own BCP 47 tag (ar-AA, ar-AB, …): HarfBuzz maps them all to the
  // same OpenType language system as "ar", so the work is identical, but the shaping cache (keyed
  // by language) cannot serve one repetition from another.
  const tags = Array.from({ length: 26 * 26 }, (_, i) => `ar-${String.fromCharCode(65 + Math.floor(i / 26), 65 + (i % 26))}`);
  let tag = 0;
  const identical = sameLayout(paragraphs, 'ar', tags[tags.length - 1]);
  const n = reps(9, 3);
  type Mode = { name: string; run: () => Promise<ArticleRun> };
  const modes: Mode[] = [
    { name: 'engine, align start (right)', run: () => engineArticle(paragraphs, 'start', undefined, tags[tag++]) },
    { name: 'engine, justify: spaces', run: () => engineArticle(paragraphs, 'justify', 'spaces', tags[tag++]) },
    { name: 'engine, justify: kashida-spaces', run: () => engineArticle(paragraphs, 'justify', 'kashida-spaces', tags[tag++]) },
    { name: 'engine, align start, shaping cached', run: () => engineArticle(paragraphs, 'start', undefined, 'ar') },
    { name: 'pdfkit doc.text(), align right', run: () => pdfkitArticle(paragraphs, 'right') },
    { name: 'pdfkit doc.text(), align justify', run: () => pdfkitArticle(paragraphs, 'justify') },
  ];
  const results = new Map<string, ArticleRun[]>(modes.map(m => [m.name, []]));
  for (let i = 0; i < 2; i++) for (const m of modes) await m.run(); // warm-up
  for (let i = 0; i < n; i++) for (const m of modes) results.get(m.name)!.push(await m.run()); // interleaved: noise hits all alike

  const text = paragraphs.join('\n');
  heading(
    `engine vs pdfkit: the seed article (${paragraphs.length} paragraphs, ${text.length} characters), A4, 12 cm measure, Amiri 12 pt, ${n} runs each, interleaved`,
    '"lay out + draw" is everything up to doc.end(); "end" is doc.end() (font subsetting, compression, writing), the same pdfkit code for both.',
    'Engine runs shape afresh each time (see the note below) unless marked "cached". pdfkit\'s Arabic from text() is wrong (no bidi, no joining',
  );
  console.log('  across its fontkit runs); it is here as a speed baseline only.');
  const rows: string[][] = [['', 'lay out + draw', 'spread', 'end', 'pages', 'per page', 'HarfBuzz calls', 'tatweels']];
  const med = (name: string, f: (r: ArticleRun) => number) => stats(results.get(name)!.map(f)).median;
  for (const m of modes) {
    const rs = results.get(m.name)!;
    const draw = stats(rs.map(r => r.drawMs));
    const pages = rs[0].pages;
    rows.push([
      m.name,
      ms(draw.median),
      `min ${ms(draw.min)}, max ${ms(draw.max)}`,
      ms(med(m.name, r => r.endMs)),
      String(pages),
      ms(draw.median / pages),
      m.name.startsWith('engine') ? String(rs[0].calls) : '-',
      m.name.startsWith('engine') ? String(rs[0].kashidas) : '-',
    ]);
  }
  table(rows);
  const engine = med(modes[0].name, r => r.drawMs),
    cached = med(modes[3].name, r => r.drawMs),
    pdfkit = med(modes[4].name, r => r.drawMs);
  const ratio = pdfkit / engine;
  console.log(
    `  pdfkit / engine (align right, lay out + draw): ${ratio.toFixed(1)}× (shaping cached: ${(pdfkit / cached).toFixed(1)}×); with end: ${((pdfkit + med(modes[4].name, r => r.endMs)) / (engine + med(modes[0].name, r => r.endMs))).toFixed(1)}×   ${budget('engine speed vs pdfkit text()', `${ratio.toFixed(1)}×`, '≥ 5×', ratio >= 5)}`,
  );
  const kashida = results.get(modes[2].name)![0].kashidas;
  console.log(
    `  kashida-spaces ${kashida ? `inserted ${kashida} tatweels` : 'inserted no tatweel (kashida justification not in effect)'}; per page: spaces ${ms(med(modes[1].name, r => r.drawMs) / results.get(modes[1].name)![0].pages)}, kashida-spaces ${ms(med(modes[2].name, r => r.drawMs) / results.get(modes[2].name)![0].pages)}`,
  );
  console.log(
    `  note: "ar" and "${tags[tags.length - 1]}" give ${identical ? 'identical' : 'DIFFERENT'} layouts${identical ? '' : ', so the per-run language tags change the work: read the uncached figures with care'}.`,
  );
});

let scaleRatio = NaN;
await section('scaling', async () => {
  const rows: string[][] = [['body sections × roster members', 'sections', 'members', 'time', 'spread', 'pages', 'per page', 'HarfBuzz calls']];
  const times = new Map<number, number>();
  const cases: { label: string; times: number; distinct: boolean; n: number }[] = [
    { label: '1×', times: 1, distinct: false, n: reps(7, 3) },
    { label: '10×', times: 10, distinct: false, n: reps(3, 1) },
    { label: '50×', times: 50, distinct: false, n: reps(3, 1) },
    { label: '50×, fresh text in each copy', times: 50, distinct: true, n: 1 },
  ];
  for (const c of cases) {
    // Validated once, outside the timing; "fresh" cases get new text for every run, warm-up included.
    const make = () => parseBrief(JSON.stringify(scaled(brief, c.times, c.distinct)), `summit×${c.times}`);
    const data = make();
    await renderValidBrief(data); // warm-up (for repeated text this also fills the shaping cache)
    const t: number[] = [];
    let bytes: Uint8Array = new Uint8Array();
    let calls = 0;
    for (let i = 0; i < c.n; i++) {
      const input = c.distinct ? make() : data;
      const c0 = harfbuzzCalls;
      const r = await timed(() => renderValidBrief(input));
      calls = harfbuzzCalls - c0;
      t.push(r.ms);
      bytes = r.value;
    }
    const s = stats(t);
    if (!c.distinct) times.set(c.times, s.median);
    const pages = pageCount(bytes);
    rows.push([
      c.label,
      String(counts(data).sections),
      String(counts(data).members),
      ms(s.median),
      c.n > 1 ? spread(s) : 'n=1',
      String(pages),
      ms(s.median / pages),
      String(calls),
    ]);
  }
  heading(
    "scaling: renderValidBrief() with the sections and every delegation's members repeated",
    "Repeated copies are the same text, so after the first copy their shaping comes from the cache; in the last row each copy's words are shuffled.",
  );
  table(rows);
  scaleRatio = times.get(50)! / times.get(1)!;
  console.log(`  50× / 1× time: ${scaleRatio.toFixed(1)}   ${budget('50× data vs 1× (time ratio)', scaleRatio.toFixed(1), '≤ 60', scaleRatio <= 60)}`);
});

await section('batch', async () => {
  const count = reps(200, 40);
  const dir = path.join(TMP, 'batch');
  fs.mkdirSync(dir);
  const files = Array.from({ length: count }, (_, i) => {
    const f = path.join(dir, `brief-${String(i + 1).padStart(3, '0')}.json`);
    fs.writeFileSync(f, JSON.stringify(variant(brief), null, 2));
    return f;
  });
  const jobsList = [...new Set([1, CORES])];
  const rows: string[][] = [['command', '--jobs', 'wall', 'briefs/s', 'per brief', 'peak RSS']];
  const runs = [
    ...jobsList.map(jobs => ({ name: 'sh scripts/brief.sh', jobs, run: (args: string[]) => spawnTimed('sh', ['scripts/brief.sh', ...args]) })),
    { name: 'node build/src/cli.js (no V8 flags)', jobs: 1, run: (args: string[]) => spawnNode(CLI, args) },
  ];
  let first: Buffer | undefined;
  for (const [i, c] of runs.entries()) {
    const out = path.join(TMP, `batch-out-${i}`);
    const r = c.run([...files, '--out-dir', out, '--jobs', String(c.jobs)]);
    const written = fs.existsSync(out) ? fs.readdirSync(out).filter(f => f.endsWith('.pdf')).length : 0;
    if (r.status !== 0 || written !== count)
      throw new Error(`${c.name} --jobs ${c.jobs}: exit ${r.status}, ${written} of ${count} written: ${r.stderr.trim().split('\n')[0]}`);
    const last = fs.readFileSync(path.join(out, `brief-${String(count).padStart(3, '0')}.pdf`));
    if (first && !last.equals(first)) throw new Error(`${c.name} --jobs ${c.jobs} wrote other bytes than the first batch run`);
    first ??= last;
    rows.push([c.name, String(c.jobs), ms(r.ms), (count / (r.ms / 1000)).toFixed(1), ms(r.ms / count), r.rssKb ? mb(r.rssKb) : '?']);
    if (i === 0)
      budget(`peak RSS, batch of ${count} in one process (--jobs 1)`, r.rssKb ? mb(r.rssKb) : '?', '≤ 150 MB', r.rssKb ? r.rssKb <= 150 * KB : undefined);
  }
  heading(
    `batch: <command> <${count} data files> --out-dir <tmp> --jobs N, one process, timed from spawn to exit`,
    `The ${count} briefs are variants of the summit brief with the words of their running text shuffled differently in each,`,
    'so they do not share paragraphs. Peak RSS is the whole process, worker threads included. scripts/brief.sh is what npm run brief',
    'runs: with --jobs 1 from the startup snapshot, with more jobs the plain build; both under the V8 flags of scripts/node-flags.',
    "The last brief's PDF is the same bytes in every run.",
  );
  table(rows);
});

let chromiumMedian = NaN;
await section('chromium', async () => {
  const chromium = findChromium();
  heading('chromium: the same brief as HTML (bench/html/brief.hbs, Amiri from @fontsource/amiri) printed to PDF by headless Chromium');
  if (argv.has('--no-chromium')) {
    console.log('  skipped: --no-chromium');
    return;
  }
  if (!chromium) {
    console.log('  skipped: no Chromium found (looked for /usr/bin/chromium, chromium-browser, google-chrome); `apt-get install chromium` to include it');
    return;
  }
  const html = path.join(TMP, 'brief.html');
  const { ms: htmlMs } = await timed(() => fs.writeFileSync(html, briefHtml(brief)));
  const n = reps(3, 1);
  const times: number[] = [];
  let bytes: Buffer | undefined;
  for (let i = -1; i < n; i++) {
    const profile = fs.mkdtempSync(path.join(TMP, 'chromium-profile-'));
    const pdf = path.join(TMP, `chromium-${i + 1}.pdf`);
    const args = [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--user-data-dir=${profile}`,
      '--no-pdf-header-footer',
      `--print-to-pdf=${pdf}`,
      pathToFileURL(html).href,
    ];
    const t = performance.now();
    const r = spawnSync(chromium, args, { encoding: 'utf8', timeout: 120_000 });
    const elapsed = performance.now() - t;
    if (r.error) throw r.error;
    if (!fs.existsSync(pdf)) throw new Error(`Chromium wrote no PDF (exit ${r.status}): ${(r.stderr || '').trim().split('\n').slice(-1)[0]}`);
    if (i >= 0) times.push(elapsed); // the first run is not counted: it fills the disk cache
    bytes = fs.readFileSync(pdf);
  }
  const s = stats(times);
  chromiumMedian = s.median;
  const text = bytes!.toString('latin1');
  const pages = (text.match(/\/Type\s*\/Page\b/g) ?? []).length;
  const amiri = /\/FontName\s*\/[A-Z]{6}\+Amiri/.test(text);
  table([
    ['', 'median', 'spread', 'PDF'],
    [
      'chromium --headless --print-to-pdf (fresh profile each run)',
      ms(s.median),
      spread(s),
      `${(bytes!.length / KB).toFixed(1)} KB, ${pages} pages, Amiri embedded: ${amiri ? 'yes' : 'no'}`,
    ],
    ['mowjaz, cold fast entry (from above)', Number.isNaN(coldMedian) ? '?' : ms(coldMedian), '', ''],
  ]);
  console.log(
    `  Chromium / mowjaz cold fast entry: ${Number.isNaN(coldMedian) ? '?' : `${(s.median / coldMedian).toFixed(1)}×`} (the HTML itself took ${ms(htmlMs)} to render with Handlebars)`,
  );
});

/** The brief's text as Typst markup: the same content as the HTML twin, Amiri, right to left. */
function briefTypst(b: Brief): string {
  const esc = (t: string) => t.replace(/[\\#*_`$@<>[\]~=/+-]/g, c => `\\${c}`);
  const lines = [
    '#set page(paper: "a4", margin: (x: 22mm, y: 28mm))',
    '#set text(font: "Amiri", lang: "ar", dir: rtl, size: 12pt)',
    '#set par(justify: true)',
    `= ${esc(b.title)}`,
    b.subtitle ? esc(b.subtitle) : '',
    '',
  ];
  for (const s of blocksOf(b, 'summary')) for (const para of s.paragraphs) lines.push(esc(para), '');
  for (const k of blocksOf(b, 'key-points').flatMap(k => k.items)) lines.push(`- ${esc(k)}`);
  for (const sec of blocksOf(b, 'section')) {
    lines.push('', `== ${esc(sec.title)}`);
    for (const para of sec.paragraphs ?? []) lines.push('', esc(paragraphText(para)));
    for (const sub of sec.sections ?? []) {
      lines.push('', `=== ${esc(sub.title)}`);
      for (const para of sub.paragraphs ?? []) lines.push('', esc(paragraphText(para)));
    }
  }
  for (const g of blocksOf(b, 'roster').flatMap(r => r.groups)) {
    lines.push('', `=== ${esc(g.name)}`);
    for (const m of g.members) lines.push(`- ${esc(m.name)}${m.role ? ` — ${esc(m.role)}` : ''}`);
  }
  for (const s of blocksOf(b, 'sources')) if (s.note) lines.push('', esc(s.note));
  return `${lines.join('\n')}\n`;
}

let typstMedian = NaN;
await section('typst', async () => {
  heading("typst: the same brief content as Typst markup, compiled to PDF by Typst's native addon in a new Node process (bench/typst/compile.cjs)");
  let addon: string | undefined;
  try {
    addon = createRequire(import.meta.url).resolve('@myriaddreamin/typst-ts-node-compiler');
  } catch {
    addon = undefined;
  }
  if (!addon) {
    console.log('  skipped: @myriaddreamin/typst-ts-node-compiler is not installed (a devDependency; npm ci without --omit=dev installs it)');
    return;
  }
  const typ = path.join(TMP, 'brief.typ');
  fs.writeFileSync(typ, briefTypst(brief));
  const pdf = path.join(TMP, 'typst.pdf');
  const runs = coldRuns(
    [{ name: 'typst', run: () => spawnTimed(process.execPath, [path.join(ROOT, 'bench/typst/compile.cjs'), typ, pdf, path.join(ROOT, 'fonts')]) }],
    reps(9, 3),
  ).get('typst')!;
  const st = stats(runs.map(r => r.ms));
  typstMedian = st.median;
  const bytes = fs.readFileSync(pdf);
  table([
    ['', 'median', 'spread', 'PDF'],
    ['node bench/typst/compile.cjs (cold)', ms(st.median), spread(st), `${(bytes.length / KB).toFixed(1)} KB, ${pageCount(bytes) || '?'} pages`],
  ]);
});

heading('cold start against Typst and Chromium (medians from the tables above, same run)');
{
  const fast = cold.get('fast entry')?.median ?? NaN,
    floor = cold.get('node -e 0')?.median ?? NaN;
  const rows: string[][] = [['', 'median', 'vs fast entry']];
  for (const [name, st] of cold) rows.push([name, ms(st.median), `${(st.median / fast).toFixed(2)}×`]);
  rows.push([
    'typst (native addon, new process)',
    Number.isNaN(typstMedian) ? 'not measured' : ms(typstMedian),
    Number.isNaN(typstMedian) ? '' : `${(typstMedian / fast).toFixed(2)}×`,
  ]);
  rows.push([
    'chromium --headless --print-to-pdf',
    Number.isNaN(chromiumMedian) ? 'not measured' : ms(chromiumMedian),
    Number.isNaN(chromiumMedian) ? '' : `${(chromiumMedian / fast).toFixed(2)}×`,
  ]);
  table(rows);
  const vsTypst = fast / typstMedian,
    vsChromium = chromiumMedian / fast;
  console.log(
    `  fast entry / Typst: ${Number.isNaN(vsTypst) ? '?' : `${vsTypst.toFixed(2)}×`}   ${budget('cold fast entry / Typst cold', Number.isNaN(vsTypst) ? '?' : `${vsTypst.toFixed(2)}×`, '≤ 1.5×', Number.isNaN(vsTypst) ? undefined : vsTypst <= 1.5)}`,
  );
  console.log(
    `  Chromium / fast entry: ${Number.isNaN(vsChromium) ? '?' : `${vsChromium.toFixed(2)}×`}   ${budget('Chromium cold / cold fast entry', Number.isNaN(vsChromium) ? '?' : `${vsChromium.toFixed(2)}×`, '≥ 4×', Number.isNaN(vsChromium) ? undefined : vsChromium >= 4)}`,
  );
  console.log(`  above the node -e 0 floor: fast entry +${ms(fast - floor)}, plain entry +${ms((cold.get('plain entry')?.median ?? NaN) - floor)}`);
}

heading('budgets');
table([['', 'measured', 'budget', 'met'], ...budgets.map(b => [b.what, b.value, b.budget, b.met === undefined ? 'not measured' : b.met ? 'yes' : 'NO'])]);
console.log(`\nbench took ${((performance.now() - started) / 1000).toFixed(0)} s; load average now ${load()}`);
void warmMedian;
void chromiumMedian;
void scaleRatio;
