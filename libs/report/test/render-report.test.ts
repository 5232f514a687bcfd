import { describe, expect, it } from 'vitest';
import { csvReport, markdownReport, renderReport } from '../src/index.js';
import { sweepRows } from './fixtures.js';

describe('renderReport', () => {
  it('renders report.html, report.md and report.csv', async () => {
    const input = { title: 'sweep', rows: sweepRows() };
    const files = await renderReport(input);
    expect(Object.keys(files).sort()).toEqual(['report.csv', 'report.html', 'report.md']);
    expect(files['report.html']).toMatch(/^<!doctype html>/);
    expect(files['report.md']).toBe(markdownReport(input));
    expect(files['report.csv']).toBe(csvReport(input));
  });
});
