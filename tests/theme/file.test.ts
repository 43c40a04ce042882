// Theme files: the shipped ones are valid and the default one says exactly what the built-in
// defaults say; the schema covers every style and palette entry and describes every field;
// lengths in mm and pt; wrong values reported one line each with file, line and JSON path.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/package-root.js';
import { parseTheme, themeSchemaPath, toPoints } from '../../src/theme-file.js';
import { MM, PALETTE_NAMES, STYLE_NAMES, themeDefaults } from '../../src/theme.js';
import type { JsonData } from '../helpers/fixtures.js';

const themes = path.join(packageRoot(), 'themes');
const read = (file: string) => fs.readFileSync(file, 'utf8');
const schema = JSON.parse(read(themeSchemaPath()));

describe('shipped themes', () => {
  it('themes/default.json is the built-in default theme, value for value', () => {
    expect(parseTheme(read(path.join(themes, 'default.json')), 'themes/default.json')).toEqual(themeDefaults);
  });

  it('every theme in themes/ is valid', () => {
    const files = fs.readdirSync(themes).filter(f => f.endsWith('.json') && f !== 'theme.schema.json');
    expect(files.length).toBeGreaterThanOrEqual(2);
    for (const f of files) expect(() => parseTheme(read(path.join(themes, f)), f), f).not.toThrow();
  });
});

describe('theme schema', () => {
  it('has a style for every style name and an entry for every palette name, and no others', () => {
    expect(Object.keys(schema.properties.styles.properties).sort()).toEqual([...STYLE_NAMES].sort());
    expect(Object.keys(schema.properties.palette.properties).sort()).toEqual([...PALETTE_NAMES].sort());
  });

  it('covers every key of the default theme', () => {
    const missing: string[] = [];
    const walk = (value: unknown, node: JsonData, at: string): void => {
      if (node.$ref) node = schema.$defs[node.$ref.replace('#/$defs/', '')];
      if (typeof value !== 'object' || value === null) return;
      for (const [k, v] of Object.entries(value)) {
        // A map of named entries (the classification levels) describes its entries once, in additionalProperties.
        const child = node.properties?.[k] ?? (typeof node.additionalProperties === 'object' ? node.additionalProperties : undefined);
        if (!child) missing.push(`${at}/${k}`);
        else walk(v, child, `${at}/${k}`);
      }
    };
    walk(themeDefaults, schema, '');
    expect(missing).toEqual([]);
  });

  it('describes every property', () => {
    const bare: string[] = [];
    const walk = (node: JsonData, at: string): void => {
      for (const [k, child] of Object.entries<JsonData>(node.properties ?? {})) {
        if (!child.description) bare.push(`${at}/${k}`);
        walk(child, `${at}/${k}`);
      }
    };
    walk(schema, '');
    for (const [name, def] of Object.entries<JsonData>(schema.$defs)) walk(def, `$defs/${name}`);
    expect(bare).toEqual([]);
  });
});

describe('lengths', () => {
  it('are points as numbers or "pt" strings, and millimetres as "mm" strings', () => {
    expect(toPoints(6)).toBe(6);
    expect(toPoints('6pt')).toBe(6);
    expect(toPoints('25.4mm')).toBeCloseTo(72, 10);
    const theme = parseTheme('{ "margin": { "side": "15mm", "top": 40 }, "paper": { "width": "200mm", "height": "250mm" } }', 'x.json');
    expect(theme.margin).toEqual({ side: 15 * MM, top: 40 });
    expect(theme.paper).toEqual({ width: 200 * MM, height: 250 * MM });
  });
});

describe('wrong values', () => {
  const problems = (text: string) => {
    try {
      parseTheme(text, 'look.json');
    } catch (e) {
      return (e as Error).message.split('\n');
    }
    throw new Error('no problem reported');
  };

  it('are one line each, in file order, naming the file, the line and the JSON path', () => {
    const file = 'tests/theme/fixtures/wrong-values.json';
    expect(problems(read(path.join(packageRoot(), file)))).toEqual([
      'look.json:2: /paper: must be "a4", "letter" or "a5", or a custom size { "width": …, "height": … }, not "a3"',
      'look.json:3: /palette/accent: must be a colour written #rrggbb, e.g. "#0f3554", not "green"',
      'look.json:3: /palette/acent: unexpected property "acent" (did you mean "accent"?)',
      'look.json:5: /styles/h1/size: must be a number, not a string',
      'look.json:5: /styles/h1/color: must be a colour written #rrggbb, or a palette entry (ink, accent, muted, rule, band, bandLight), not "reddish"',
      'look.json:7: /margin/top: must be a length: a number of points (at most 2000), or a string such as "12pt" or "4.2mm", not "3cm"',
    ]);
  });

  it('include unknown keys at any depth, bad orientations, custom papers too small for the margins', () => {
    expect(problems('{\n  "colours": {}\n}')).toEqual([
      'look.json:2: /colours: unexpected property "colours" (allowed here: $schema, paper, orientation, margin, bleedSafe, palette, styles, justify, header, footer, list, table, rule, keepWithNextLines, widowLines, cover, classification, callout, notes, figure, toc, quotes, print)',
    ]);
    expect(problems('{ "orientation": "sideways" }')).toEqual(['look.json:1: /orientation: must be one of "portrait", "landscape", not "sideways"']);
    expect(problems('{ "paper": { "width": "50mm", "height": "200mm" } }')).toEqual([
      'look.json:1: /paper/width: must be a length of at least 100 mm, such as "148mm" or 420, not "50mm"',
    ]);
    expect(problems('{ "paper": { "width": 420 } }')).toEqual(['look.json:1: /paper/height: is required']);
    expect(problems('{ "cover": { "band": 3 } }')).toEqual([
      'look.json:1: /cover/band: unexpected property "band" (allowed here: bandHeight, bandColor, titleTop, titleGap, minScale, ruleOffset, ruleWidth, ruleColor)',
    ]);
    expect(problems('{ "styles": { "h1": { "weight": "heavy" } } }')).toEqual([
      'look.json:1: /styles/h1/weight: must be one of "regular", "bold", not "heavy"',
    ]);
    expect(problems('{ "paper": "a4", }')[0]).toMatch(/^look\.json:1:\d+: invalid JSON: /);
  });
});
