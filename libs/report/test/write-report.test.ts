import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { csvReport, markdownReport, writeReport } from '../src/index.js';
import { useTempDir } from '../../../test-support/temp-dir.js';
import { sweepRows } from './fixtures.js';

const tempDir = useTempDir('churnlab-report-');

describe('writeReport', () => {
  it('writes report.html, report.md and report.csv into a new directory', async () => {
    const input = { title: 'sweep', rows: sweepRows() };
    const dir = path.join(tempDir(), 'nested', 'out');
    const files = await writeReport(dir, input);
    expect(files).toEqual({ html: path.join(dir, 'report.html'), markdown: path.join(dir, 'report.md'), csv: path.join(dir, 'report.csv') });
    expect(readFileSync(files.html, 'utf8')).toMatch(/^<!doctype html>/);
    expect(readFileSync(files.markdown, 'utf8')).toBe(markdownReport(input));
    expect(readFileSync(files.csv, 'utf8')).toBe(csvReport(input));
  });
});
