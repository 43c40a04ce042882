// `npm run specimen -- <input.txt> <output.pdf> [--align justify] [--width <cm>] [--kashida spaces|kashida|kashida-spaces]`
// A proof sheet: each non-empty line of the input (lines starting with # are skipped) becomes its
// own right-to-left paragraph in Amiri 14 pt on A4 with 2 cm margins; lines starting with ! are bold.
import { layoutParagraph, type Align } from './text/paragraph.js';
import { codePointLabel } from './errors.js';
import { createTextEngine, type TextEngine } from './text/engine.js';
import { isMainModule } from './main-module.js';
import type { JustifyMode } from './text/records.js';
import type { Direction } from './text/bidi.js';
import { createPdfFontCache, PdfWriter } from './render/pdf-writer.js';
import { writeAtomically } from './output.js';
import { CliError, runCli } from './cli-support.js';
import { readInputText } from './input-file.js';
import { DEFAULT_LIMITS } from './limits.js';

const CM = 72 / 2.54;
/** Width of the text area: A4 (21 cm) less two 2 cm margins. */
const A4_TEXT_CM = 17;

/** A4 in points, as pdfkit sizes it. */
const A4 = { width: 595.28, height: 841.89 };

export interface SpecimenOptions {
  align?: Align;
  widthCm?: number;
  justify?: JustifyMode;
  /** The text engine to lay out with (default: a new one). */
  engine?: TextEngine;
  /** Paragraph direction of every line (default right to left): the tests draw left-to-right paragraphs too. */
  direction?: Direction;
}

export async function renderSpecimen(lines: readonly string[], options: SpecimenOptions = {}): Promise<Uint8Array> {
  const margin = 2 * CM;
  const engine = options.engine ?? createTextEngine();
  // Tagged, in Arabic, PDF/A-2b and PDF/UA-1 like every PDF mowjaz writes: one P per input line.
  const created = new Date(0);
  const pdf = new PdfWriter({
    fonts: createPdfFontCache(),
    info: { Title: 'mowjaz specimen', Creator: 'mowjaz', Producer: 'mowjaz (pdfkit)', CreationDate: created, ModDate: created },
    pdfVersion: '1.7',
    tagged: { lang: 'ar' },
    archival: true,
  });
  const document = pdf.structureRoot('Document');
  pdf.addPage(A4.width, A4.height);
  const width = options.widthCm ? options.widthCm * CM : A4.width - 2 * margin;
  const left = A4.width - margin - width;
  let y = margin;
  for (const raw of lines) {
    const bold = raw.startsWith('!');
    const layout = layoutParagraph(engine, {
      text: bold ? raw.slice(1) : raw,
      style: { weight: bold ? 'bold' : 'regular', size: 14, color: '#000000' },
      width,
      align: options.align ?? 'start',
      justify: options.justify,
      direction: options.direction,
    });
    const paragraph = pdf.structure('P');
    pdf.append(document, paragraph);
    for (const line of layout.lines) {
      if (y + line.height > A4.height - margin) {
        pdf.addPage(A4.width, A4.height);
        y = margin;
      }
      const top = y;
      pdf.tagged(paragraph, () => pdf.drawLines([{ ...line, baseline: line.baseline - line.top, top: 0 }], left, top));
      y += line.height;
    }
  }
  return pdf.end();
}

/** The input's paragraphs with their line numbers: non-empty lines not starting with #. */
export function specimenEntries(source: string): { text: string; line: number }[] {
  return source
    .split(/\r?\n/)
    .map((l, i) => ({ text: l.trim(), line: i + 1 }))
    .filter(e => e.text && !e.text.startsWith('#'));
}

export const specimenLines = (source: string): string[] => specimenEntries(source).map(e => e.text);

const USAGE = 'usage: npm run specimen -- <input.txt> <output.pdf> [--align start|end|center|justify] [--width <cm>] [--kashida spaces|kashida|kashida-spaces]';

function oneOf<T extends string>(option: string, value: string | undefined, allowed: readonly T[]): T {
  if (!allowed.includes(value as T)) throw new CliError(`${option} must be one of ${allowed.join(', ')}, not "${value ?? ''}"`, 2);
  return value as T;
}

async function main(argv: string[]): Promise<void> {
  const positional: string[] = [];
  const options: SpecimenOptions = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--help' || a === '-h') {
      console.log(USAGE);
      return;
    }
    if (a === '--align') options.align = oneOf<Align>('--align', argv[++i], ['start', 'end', 'left', 'right', 'center', 'justify']);
    else if (a === '--width') options.widthCm = Number(argv[++i]);
    else if (a === '--kashida') options.justify = oneOf<JustifyMode>('--kashida', argv[++i], ['spaces', 'kashida', 'kashida-spaces']);
    else if (a.startsWith('--')) throw new CliError(`unknown option ${a}\n${USAGE}`, 2);
    else positional.push(a);
  }
  if (positional.length !== 2) throw new CliError(USAGE, 2);
  if (options.widthCm !== undefined && !(options.widthCm > 0 && options.widthCm <= A4_TEXT_CM))
    throw new CliError(`--width needs a number of centimetres above 0 and at most ${A4_TEXT_CM} (A4 less 2 cm margins)`, 2);
  const [input, output] = positional;
  const source = readInputText(input, { what: 'specimen text', maxBytes: DEFAULT_LIMITS.inputBytes });
  // A character no font has is the input's fault: name its line rather than fail mid-layout.
  const engine = createTextEngine();
  const entries = specimenEntries(source);
  for (const { text, line } of entries) {
    const bold = text.startsWith('!');
    const found = engine.coverage.findUncovered(bold ? text.slice(1) : text, bold ? 'bold' : 'regular');
    if (found) throw new CliError(`${input}:${line}: character ${codePointLabel(found.codePoint)} cannot be drawn by any font`, 2);
  }
  const bytes = await renderSpecimen(
    entries.map(e => e.text),
    { ...options, engine },
  );
  await writeAtomically(output, bytes);
  console.log(`${output}: ${bytes.length} bytes`);
}

if (isMainModule(import.meta.url)) void runCli(() => main(process.argv.slice(2)));
