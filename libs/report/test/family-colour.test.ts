import { describe, expect, it } from 'vitest';
import { betaSweepSpec, pdVsLossSpec, pdVsWorkersSpec, renderSvg } from '../src/index.js';
import { familyColours } from '../src/charts/family-colour.js';
import { binaryRow, sweepRows } from './fixtures.js';

/** The colour of every family's marks in an SVG chart: family → the set of fill and stroke colours its marks have. */
function coloursByFamily(svg: string): Map<string, Set<string>> {
  const found = new Map<string, Set<string>>();
  for (const [, label, colour] of svg.matchAll(/aria-label="[^"]*activation: ([\w-]+)[^"]*"[^>]*? (?:fill|stroke)="(#[0-9a-f]{6})"/g)) {
    (found.get(label!) ?? found.set(label!, new Set()).get(label!)!).add(colour!);
  }
  return found;
}

describe('familyColours', () => {
  it('gives ReLU the first colour and the other families theirs in the order the rows first name them', () => {
    const rows = ['smelu:1', 'gelu', 'relu', 'smelu:2', 'swish:1'].map((activation) => binaryRow(activation, 1, 0.1, 0.4));
    expect([...familyColours(rows)]).toEqual([
      ['relu', '#4c78a8'],
      ['smelu', '#f58518'],
      ['gelu', '#e45756'],
      ['swish', '#72b7b2'],
    ]);
  });

  it('wraps around its ten colours', () => {
    const rows = Array.from({ length: 11 }, (_, i) => binaryRow(`family${i}`, 1, 0.1, 0.4));
    const colours = familyColours(rows);
    expect(colours.get('family10')).toBe(colours.get('family0'));
    expect(new Set(colours.values()).size).toBe(10);
  });
});

describe('the charts of one report', () => {
  it('draw each activation family in one colour, the same in every chart, also in the β chart that leaves ReLU out', async () => {
    const rows = sweepRows();
    const charts = await Promise.all([pdVsLossSpec(rows), pdVsWorkersSpec(rows), betaSweepSpec(rows)].map((spec) => renderSvg(spec)));
    const expected = familyColours(rows);
    const [loss, workers, beta] = charts.map(coloursByFamily);
    expect([...loss!.keys()].sort()).toEqual(['gelu', 'gsmelu', 'relu', 'smelu']);
    expect([...beta!.keys()].sort()).toEqual(['gsmelu', 'smelu']);
    for (const chart of [loss!, workers!, beta!]) for (const [family, colours] of chart) expect([...colours], family).toEqual([expected.get(family)]);
  });

  it('dash the lines of a family that has several, and only then', async () => {
    const dashes = (svg: string) => [...svg.matchAll(/aria-roledescription="line mark"[^>]*?stroke-dasharray="([^"]*)"/g)].map(([, dash]) => dash);
    const twoSmelus = [1, 2].flatMap((w) => ['relu', 'smelu:0.5', 'smelu:1'].map((a, i) => binaryRow(a, w, 0.1 + 0.01 * i, 0.45)));
    const dashed = await renderSvg(pdVsWorkersSpec(twoSmelus));
    expect(new Set(dashes(dashed)).size).toBeGreaterThan(1);
    expect(dashed).toContain('>smelu:0.5</text>');
    const onePerFamily = [1, 2].flatMap((w) => ['relu', 'smelu:1'].map((a) => binaryRow(a, w, 0.1, 0.45)));
    expect(dashes(await renderSvg(pdVsWorkersSpec(onePerFamily)))).toEqual([]);
  });
});
