import { describe, expect, it } from 'vitest';
import { markdownReport } from '../src/index.js';
import { binaryRow, cell, multiClassRow } from './fixtures.js';

describe('markdownReport', () => {
  it('has the title, the date and a pipe table with every number of every row', () => {
    const relu = binaryRow('relu', 2, 0.15, 0.45);
    relu.pd.relative = { mean: 0.1234, std: 0.001, ci95: [0.1214, 0.1254] };
    const text = markdownReport({ title: 'ReLU against SmeLU', generatedAt: '2025-01-02T03:04:05Z', rows: [relu, binaryRow('smelu:1', 2, 0.1, 0.44)] });
    const lines = text.split('\n');
    expect(lines[0]).toBe('# ReLU against SmeLU');
    expect(text).toContain('Generated 2025-01-02T03:04:05Z.');
    expect(text).toContain('PD: mean ± standard deviation over replica pairs; log loss, AUC and accuracy: over replicas.');
    const table = lines.filter((line) => line.startsWith('|'));
    expect(table).toHaveLength(4);
    expect(table[0]).toBe('| activation | workers | order | shuffle | replicas | relative PD | absolute PD | top-1 PD | log loss | AUC | accuracy |');
    expect(table[1]).toBe('| --- | ---: | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
    expect(table[2]).toBe(
      '| relu | 2 | async | – | 4 | 0.1234 ± 0.001 (95%: 0.1214 to 0.1254) | 0.05 ± 0.0025 (95%: 0.045 to 0.055) | 0.02 ± 0.001 (95%: 0.018 to 0.022) | 0.45 ± 0.002 (95%: 0.446 to 0.454) | 0.8 ± 0.01 (95%: 0.78 to 0.82) | 0.78 ± 0.01 (95%: 0.76 to 0.8) |',
    );
    expect(table[3]!.startsWith('| smelu:1 | 2 | async | – | 4 | 0.1 ± 0.005 (95%: 0.09 to 0.11) |')).toBe(true);
  });

  it('shows L1 PD and no AUC for multi-class rows, and a dash for a missing number', () => {
    const row = multiClassRow('gelu', 1, 0.2, 0.3);
    row.metrics.accuracy = cell(Number.NaN);
    const head = markdownReport({ title: 't', rows: [row, multiClassRow('relu', 1, 0.25, 0.3)] }).split('\n').filter((l) => l.startsWith('|'));
    expect(head[0]).toBe('| activation | workers | order | shuffle | replicas | L1 PD | top-1 PD | log loss | accuracy |');
    expect(head[2]!.endsWith('| – |')).toBe(true);
  });

  it('escapes text that Markdown would read as table syntax or HTML', () => {
    const text = markdownReport({ title: 'a <b>|</b> *title*', rows: [binaryRow('odd|name\nnext', 1, 0.1, 0.4)] });
    expect(text.split('\n')[0]).toBe('# a \\<b\\>\\|\\</b\\> \\*title\\*');
    expect(text).toContain('| odd\\|name next | 1 |');
  });

  it('lists the commands in a code block that no backticks inside can close', () => {
    const text = markdownReport({ title: 't', commands: ['churnlab compare', 'echo ```'], rows: [binaryRow('relu', 1, 0.1, 0.4)] });
    expect(text.endsWith('## Commands\n\n````sh\nchurnlab compare\necho ```\n````\n')).toBe(true);
  });
});
