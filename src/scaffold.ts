// `npm run new -- <name>`: writes data/<name>.json, a valid brief with placeholder text that renders
// as it is, so that a new brief starts from something that works. Never replaces a file.
import fs from 'node:fs';
import path from 'node:path';
import type { Brief } from './data/brief.js';
import { schemaPath } from './data/load.js';
import { CliError, runCli } from './cli-support.js';
import { isMainModule } from './main-module.js';
import { packageRoot } from './package-root.js';

const HELP = `Usage: npm run new -- <name>

Writes data/<name>.json: a brief with placeholder text in every common block, valid against
data/brief.schema.json, which renders as it is (npm run brief -- data/<name>.json).
An existing file is never replaced.

Exit codes: 0 written, 1 the file could not be written, 2 bad name or the file exists.`;

/** Letters, digits, "-" and "_": a file name, never a path. */
const NAME = /^[\p{L}\p{N}_][\p{L}\p{N}_-]*$/u;

/** The placeholder brief; `schema` is the "$schema" path as seen from the new file. */
export function placeholderBrief(schema: string, issued: string): Brief {
  return {
    $schema: schema,
    title: 'عنوان الموجز',
    subtitle: 'عنوان فرعي يوضح موضوع الموجز',
    shortTitle: 'عنوان مختصر',
    series: 'نوع الوثيقة',
    issuer: { name: 'اسم الجهة المصدرة' },
    classification: 'official',
    reference: 'REF-0000-000',
    issued,
    language: 'ar',
    keywords: ['كلمة مفتاحية'],
    blocks: [
      { type: 'summary', paragraphs: ['فقرة الملخص: ما الذي حدث، ولماذا يهم، وما المطلوب من القارئ.'] },
      {
        type: 'facts',
        items: [
          { label: 'التاريخ', value: { date: issued } },
          { label: 'المكان', value: 'اسم المكان' },
          { label: 'رقم', value: 1000, unit: 'وحدة' },
        ],
      },
      { type: 'key-points', items: ['النقطة الأولى.', 'النقطة الثانية.'] },
      {
        type: 'section',
        title: 'عنوان القسم',
        paragraphs: ['فقرة من متن الموجز.'],
        sections: [{ title: 'عنوان قسم فرعي', paragraphs: ['فقرة من القسم الفرعي.'] }],
      },
      { type: 'recommendations', items: ['التوصية الأولى.'] },
      { type: 'sources', items: [{ name: 'اسم المصدر' }], note: 'من أين جاءت المعلومات.' },
    ],
  };
}

/** Writes data/<name>.json below `cwd`; returns the path written. */
export function scaffold(name: string, cwd = process.cwd(), issued = today()): string {
  if (!NAME.test(name)) {
    throw new CliError(`the brief name must be letters, digits, "-" or "_" (a file name, not a path), not "${name}"`, 2);
  }
  const file = path.join(cwd, 'data', `${name}.json`);
  const shown = path.relative(cwd, file);
  const schema = path.relative(path.dirname(file), schemaPath()).split(path.sep).join('/');
  const text = `${JSON.stringify(placeholderBrief(schema.startsWith('.') ? schema : `./${schema}`, issued), null, 2)}\n`;
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text, { flag: 'wx' }); // wx: fails if the file exists, with no window to race
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new CliError(`${shown} already exists; choose another name or edit that file`, 2);
    throw new CliError(`cannot write ${shown}: ${code ?? (e as Error).message}`, 1);
  }
  return shown;
}

/** Today's calendar date in UTC, YYYY-MM-DD (SOURCE_DATE_EPOCH, when set, for reproducible output). */
function today(): string {
  const epoch = process.env.SOURCE_DATE_EPOCH;
  const now = epoch && /^\d+$/.test(epoch) ? new Date(Number(epoch) * 1000) : new Date();
  return now.toISOString().slice(0, 10);
}

async function main(argv: string[]): Promise<void> {
  if (argv.includes('-h') || argv.includes('--help')) {
    console.log(HELP);
    return;
  }
  if (argv.length !== 1) throw new CliError(`expected one brief name, got ${argv.length}\n${HELP.split('\n')[0]}`, 2);
  const written = scaffold(argv[0]);
  // Installed as a dependency there is no `npm run brief`; the package's bin is what the user has.
  const installed = packageRoot().split(path.sep).includes('node_modules');
  console.log(`${written}: written; render it with ${installed ? 'npx mowjaz brief' : 'npm run brief --'} ${written}`);
}

if (isMainModule(import.meta.url)) void runCli(() => main(process.argv.slice(2)));
