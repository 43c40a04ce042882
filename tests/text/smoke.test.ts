import { describe, expect, it } from 'vitest';
import { layoutParagraph } from '../../src/text/paragraph.js';
import { createTextEngine } from '../../src/text/engine.js';

const engine = createTextEngine();

describe('layoutParagraph', () => {
  it('lays out an Arabic line right-aligned within the measure', () => {
    const out = layoutParagraph(engine, { text: 'قمة ألاسكا', style: { weight: 'regular', size: 14, color: '#000000' }, width: 300 });
    expect(out.lines).toHaveLength(1);
    const line = out.lines[0];
    expect(line.left + line.width).toBeCloseTo(300, 6);
  });
});
