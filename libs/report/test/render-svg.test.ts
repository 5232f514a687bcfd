import { describe, expect, it } from 'vitest';
import { renderSvg } from '../src/index.js';
import { countMarks } from './svg-marks.js';

describe('renderSvg', () => {
  it('renders a vega-lite chart to an SVG document with one item per datum', async () => {
    const svg = await renderSvg({ width: 100, height: 80, data: { values: [{ x: 1 }, { x: 2 }, { x: 3 }] }, name: 'dots', mark: 'point', encoding: { x: { field: 'x', type: 'quantitative' } } });
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"[^>]* width="\d+" height="\d+"/);
    expect(svg.endsWith('</svg>')).toBe(true);
    expect(countMarks(svg)).toEqual({ dots: 3 });
  });

  it('escapes text from the data', async () => {
    const svg = await renderSvg({ data: { values: [{ t: '<b>&"</b>' }] }, mark: 'text', encoding: { text: { field: 't' } } });
    expect(svg).toContain('>&lt;b&gt;&amp;"&lt;/b&gt;</text>');
    expect(svg).not.toContain('<b>');
  });
});
