// Misused callouts, notes, contents and direction: exit 2 with one line naming the template file
// and line, no stack trace, nothing written.
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanup, cli, expectNoStack, expectNothingWritten, summit, tempDir, write } from '../../input/cli.js';

afterAll(cleanup);

const cases: [string, string, RegExp][] = [
  ['an aside without a class', '<aside><p>x</p></aside>', /<aside> needs class="summary\|key-figure\|quote"/],
  ['an aside of an unknown class', '<aside class="box"><p>x</p></aside>', /not "box"/],
  ['an empty aside', '<aside class="summary"></aside>', /is empty/],
  ['a key figure without its label', '<aside class="key-figure"><p>٤٠٪</p></aside>', /the figure, then its label/],
  ['a note in a heading', '<h2>عنوان<note>حاشية</note></h2>', /<note> belongs in the text of a body paragraph/],
  ['a note in a callout', '<aside class="summary"><p>نص<note>حاشية</note></p></aside>', /<note> belongs/],
  ['a note in a note', '<p>نص<note>حاشية<note>أخرى</note></note></p>', /<note> belongs/],
  ['a note in a table cell', '<table><tr><td>نص<note>حاشية</note></td></tr></table>', /<note> belongs/],
  ['a dir that is not a direction', '<p dir="sideways">نص</p>', /dir must be ltr, rtl or auto/],
  ['dir on an element that takes none', '<ul><li dir="ltr">x</li></ul>', /<li> has no attribute "dir"/],
  ['an aside in the cover', '<cover><aside class="summary"><p>x</p></aside></cover>', /<aside> is not allowed inside <cover>/],
  ['an aside in an aside', '<aside class="summary"><aside class="quote"><p>x</p></aside></aside>', /<aside> is not allowed inside <aside>/],
];

describe('refused markup', () => {
  for (const [what, body, message] of cases) {
    it(what, () => {
      const dir = tempDir('mowjaz-blocks-');
      const data = write(dir, 'brief.json', summit());
      const template = write(dir, 'main.hbs', `<document title="{{title}}">\n\n${body}\n</document>\n`);
      const run = cli([data, '--template', template, '--out', path.join(dir, 'out.pdf')]);
      expect(run.code, run.stderr).toBe(2);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      expect(run.stderr).toMatch(message);
      expect(run.stderr).toContain('main.hbs:3');
      expectNoStack(run);
      expectNothingWritten(dir);
    });
  }
});
