// The real dataset, checked against the article it is taken from: expectations are read from the
// article text, not copied from the data.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { textValues } from '../../src/data/load.js';
import { blocksOf, type Brief, type DateValue } from '../../src/data/brief.js';
import { formatDate } from '../../src/template/helpers.js';
import { fixturePath, SUMMIT_JSON, summitBrief } from '../helpers/fixtures.js';

const article = fs.readFileSync(fixturePath('seed', 'summit-article.ar.txt'), 'utf8');
const blocks = article.split(/\n\s*\n/).map(b => b.trim());
const lines = article.split('\n');

const brief: Brief = summitBrief();
// The summit as the general model holds it: one block of each of these types.
const only = <T extends Parameters<typeof blocksOf>[1]>(type: T) => {
  const found = blocksOf(brief, type);
  expect(found).toHaveLength(1);
  return found[0];
};
const delegations = only('roster').groups.map(g => ({ side: g.name, members: g.members }));
const allMembers = delegations.flatMap(d => d.members.map(m => ({ ...m, side: d.side })));
const sections = (only('section').sections ?? []).map(s => ({ heading: s.title, paragraphs: s.paragraphs }));
const fact = (label: string) => only('facts').items.find(f => f.label === label)!.value;
const summit = {
  date: (fact('التاريخ') as DateValue).date,
  place: fact('المكان') as string,
  goals: fact('الأهداف') as string[],
  programme: only('programme').items.map(i => i.text),
};
const sources = only('sources');

describe('data/summit.json', () => {
  it('validates against the schema and points editors at it', () => {
    expect(brief.$schema).toBe('./brief.schema.json');
    expect(fs.readFileSync(SUMMIT_JSON, 'utf8').trimStart().startsWith('{\n  "$schema": "./brief.schema.json"')).toBe(true);
  });

  it('has the article headline, opening paragraph and three body sections word for word', () => {
    expect(brief.title).toBe(blocks[0]);
    expect(only('summary').paragraphs).toEqual([blocks[1]]);
    expect(sections).toHaveLength(3);
    sections.forEach((s, i) => {
      expect(s.heading).toBe(blocks[2 + 2 * i]);
      expect(s.paragraphs).toEqual([blocks[3 + 2 * i]]);
    });
  });

  it('has the five bullet points of the article word for word', () => {
    const bullets = lines.map(l => /^\s*•\s*(.+?)\s*$/.exec(l)?.[1]).filter((b): b is string => b !== undefined);
    expect(bullets).toHaveLength(5);
    expect(only('key-points').items).toEqual(bullets);
  });

  it('keeps the facts in logical order: summary, facts, key points, programme, roster, body, sources', () => {
    expect(brief.blocks.map(b => b.type)).toEqual(['summary', 'facts', 'key-points', 'programme', 'roster', 'section', 'sources']);
    expect(summit.programme).toHaveLength(4);
    expect(summit.programme.every(p => article.includes(p.split(' ')[0]))).toBe(true);
  });

  it('has the date, place and three goals of the article table', () => {
    const header = lines.findIndex(l => l.trim() === 'التاريخ المكان الأهداف');
    expect(header).toBeGreaterThan(0);
    const row = lines[header + 1].trim();
    expect(summit.date).toBe('2025-08-15');
    const dayMonth = formatDate(summit.date, 'latn').replace(/ 2025$/, ''); // the article gives no year
    expect(dayMonth).toBe('15 أغسطس');
    expect(row.startsWith(`${dayMonth} ${summit.place} `)).toBe(true);
    expect(summit.place).toBe('قاعدة إلمندورف – ريتشاردسون، ألاسكا');
    const goals = row.slice(`${dayMonth} ${summit.place} `.length).split('، ');
    expect(goals).toHaveLength(3);
    expect(summit.goals).toEqual(goals);
    expect(article).toContain(`في ${dayMonth} بقاعدة`);
  });

  it('has the two presidents on their sides', () => {
    const m = /الرئيسان (\S+ \S+) و(\S+ \S+) /.exec(article);
    expect(m).not.toBeNull();
    const [putin, trump] = [m![1], m![2]];
    expect(putin).toBe('فلاديمير بوتين');
    expect(trump).toBe('دونالد ترامب');
    expect(allMembers.find(x => x.name === putin)).toMatchObject({ side: 'الجانب الروسي', latin: 'Vladimir Putin' });
    expect(allMembers.find(x => x.name === trump)).toMatchObject({ side: 'الجانب الأمريكي', latin: 'Donald Trump', role: 'الرئيس الأمريكي' });
    expect(article).toContain('الرئيس الأمريكي');
  });

  it('has the five members of the Russian delegation with the roles the article gives, in its order', () => {
    const sentence = /يمثل الجانب الروسي في القمة كل من ([^.]+)\./.exec(article)![1];
    // "X، وY، وZ، إلى جانب …، بالإضافة إلى …": drop the linking words before each item after the first
    const named = sentence.split('، ').map((p, i) => (i === 0 ? p : p.replace(/^(?:و|إلى جانب |بالإضافة إلى )/, '')));
    expect(named).toHaveLength(5);
    const russians = delegations.find(d => d.side === 'الجانب الروسي')!.members.filter(x => x.name !== 'فلاديمير بوتين');
    expect(russians.map(x => `${x.role} ${x.name}`)).toEqual(named);
    expect(russians.map(x => x.name)).toEqual(['سيرغي لافروف', 'أندريه بيلاوسوف', 'أنطون سيلوانوف', 'كيريل ديميترييف', 'يوري أوشاكوف']);
    expect(russians.map(x => x.role).slice(0, 3)).toEqual(['وزير الخارجية', 'وزير الدفاع', 'وزير المالية']);
  });

  it('quotes the two outlets the article cites', () => {
    expect(article).toContain('وكالة “تاس”');
    expect(article).toContain('شبكة “إن بي سي”');
    expect(sources.items).toEqual([
      { name: 'وكالة تاس', latin: 'TASS' },
      { name: 'شبكة إن بي سي', latin: 'NBC' },
    ]);
  });

  it('uses no word outside the article in the fields taken from it', () => {
    const fromArticle = textValues(brief).filter(
      ({ path: p }) =>
        !/^\/(series|issuer\/name|reference|classification|issued|language|blocks\/\d+\/(type|title|caption|note|items\/0\/value\/date))$|\/latin$/.test(p),
    );
    const stray: string[] = [];
    for (const { path: p, value } of fromArticle) {
      for (const word of value.split(/\s+/)) {
        const bare = word.replace(/^[“«(]+|[”»):،.]+$/g, '');
        if (bare && !article.includes(bare)) stray.push(`${p}: ${bare}`);
      }
    }
    expect(stray).toEqual([]);
  });

  it("says where the content comes from and which fields are the brief's own metadata", () => {
    expect(sources.note).toContain('حصرًا');
    expect(sources.note).toContain('وكالة تاس');
    expect(sources.note).toContain('إن بي سي');
    expect(sources.note).toContain('بيانات خاصة بهذا الموجز');
    expect(brief).toMatchObject({
      issuer: { name: 'وحدة الرصد والتحليل السياسي' },
      classification: 'official',
      reference: 'MJZ-2025-08-015',
      issued: '2025-08-14',
    });
  });
});

describe('textValues', () => {
  it('lists every string with its JSON pointer, in document order, leaving out $schema', () => {
    const values = textValues(brief);
    expect(values[0]).toEqual({ path: '/title', value: brief.title });
    const at = (type: string) => brief.blocks.findIndex(b => b.type === type);
    expect(values).toContainEqual({ path: `/blocks/${at('roster')}/groups/0/members/3/role`, value: 'وزير المالية' });
    expect(values).toContainEqual({ path: `/blocks/${at('facts')}/items/2/value/2`, value: summit.goals[2] });
    expect(values.some(v => v.path === '/$schema')).toBe(false);
    const count = (v: unknown): number =>
      typeof v === 'string'
        ? 1
        : Array.isArray(v)
          ? v.reduce((n: number, x) => n + count(x), 0)
          : v && typeof v === 'object'
            ? Object.values(v).reduce((n: number, x) => n + count(x), 0)
            : 0;
    expect(values).toHaveLength(count(brief) - 1);
  });

  it('escapes "/" and "~" in keys (RFC 6901)', () => {
    const odd = { a: { 'x/y': 'one', 'p~q': ['two'] } } as unknown as Brief;
    expect(textValues(odd)).toEqual([
      { path: '/a/x~1y', value: 'one' },
      { path: '/a/p~0q/0', value: 'two' },
    ]);
  });
});
