import { describe, expect, it } from 'vitest';
import { csvBetweenCounts, csvReport } from '../src/index.js';
import { binaryRow, multiClassRow } from './fixtures.js';

const exact = (mean: number, std: number, low: number, high: number) => ({ mean, std, ci95: [low, high] as [number, number] });

describe('csvReport', () => {
  it('writes a header and one CRLF-terminated line per row with every number at full precision', () => {
    const row = binaryRow('smelu:1', 4, 0.1, 0.45);
    row.pd.relative = exact(0.1 + 0.2, 0.012345678901234, 0.27, 0.33);
    const lines = csvReport({ title: 't', rows: [row] }).split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe('');
    expect(lines[0]!.split(',').slice(0, 11)).toEqual(['activation', 'family', 'beta', 'workers', 'order', 'shuffle', 'replicas', 'relative_pd_mean', 'relative_pd_std', 'relative_pd_ci95_low', 'relative_pd_ci95_high']);
    expect(lines[1]!.startsWith('smelu:1,smelu,1,4,async,,4,0.30000000000000004,0.012345678901234,0.27,0.33,')).toBe(true);
  });

  it('quotes fields with commas, quotes or line breaks, doubling inner quotes (RFC 4180)', () => {
    const row = binaryRow('gsmelu:alpha=1,beta=2', 1, 0.1, 0.45, { order: 'say "async"', shuffle: 'two\nlines' });
    const line = csvReport({ title: 't', rows: [row] }).split('\r\n').slice(1).join('\r\n');
    expect(line.startsWith('"gsmelu:alpha=1,beta=2",gsmelu,2,1,"say ""async""","two\nlines",4,')).toBe(true);
  });

  it('leaves std and interval empty for a measure over a single pair or replica, which has no spread', () => {
    const row = binaryRow('relu', 2, 0.1, 0.45, { replicas: 2 });
    row.pd.relative = { mean: 0.1, std: null, ci95: null, n: 1 };
    // As older results.json files have it: a std of 0 and a zero-width interval with n 1.
    row.pd.top1 = { mean: 0.02, std: 0, ci95: [0.02, 0.02], n: 1 };
    const [head, line] = csvReport({ title: 't', rows: [row] }).split('\r\n');
    const field = (key: string) => line!.split(',')[head!.split(',').indexOf(key)];
    expect(['mean', 'std', 'ci95_low', 'ci95_high'].map((part) => field(`relative_pd_${part}`))).toEqual(['0.1', '', '', '']);
    expect(['mean', 'std', 'ci95_low', 'ci95_high'].map((part) => field(`top1_pd_${part}`))).toEqual(['0.02', '', '', '']);
    expect(field('absolute_pd_std')).not.toBe('');
  });

  it('leaves a field empty for an absent or non-finite number', () => {
    const text = csvReport({ title: 't', rows: [multiClassRow('gelu', 2, 0.2, 0.3)] });
    const [head, line] = text.split('\r\n');
    expect(head).toBe(
      'activation,family,beta,workers,order,shuffle,replicas,' +
        ['l1_pd', 'top1_pd', 'log_loss', 'accuracy'].flatMap((k) => ['mean', 'std', 'ci95_low', 'ci95_high'].map((p) => `${k}_${p}`)).join(','),
    );
    expect(line!.startsWith('gelu,gelu,,2,sync,,3,0.2,')).toBe(true);
    const mixed = csvReport({ title: 't', rows: [binaryRow('relu', 1, 0.1, 0.4), multiClassRow('gelu', 1, 0.2, 0.3)] }).split('\r\n');
    const fields = mixed[2]!.split(',');
    expect(fields[mixed[0]!.split(',').indexOf('relative_pd_mean')]).toBe('');
    expect(fields[mixed[0]!.split(',').indexOf('auc_mean')]).toBe('');
  });
});

describe('csvBetweenCounts', () => {
  it('writes every PD between two worker counts, one CRLF line per setting and pair of counts, with absent measures left out', () => {
    const rows = [
      { activation: 'gsmelu:alpha=1,beta=2', workers: [1, 2] as [number, number], order: 'replay', shuffle: 'full', replicas: 3, pd: { relative: exact(0.1 + 0.2, 0.01, 0.28, 0.32), absolute: exact(0.05, 0.002, 0.046, 0.054), top1: { mean: 0.02, std: null, ci95: null, n: 1 } } },
    ];
    const lines = csvBetweenCounts(rows).split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toBe(
      'workers_a,workers_b,activation,order,shuffle,replicas,' +
        ['relative', 'absolute', 'top1'].flatMap((key) => ['mean', 'std', 'ci95_low', 'ci95_high'].map((part) => `pd_${key}_${part}`)).join(','),
    );
    expect(lines[1]).toBe('1,2,"gsmelu:alpha=1,beta=2",replay,full,3,0.30000000000000004,0.01,0.28,0.32,0.05,0.002,0.046,0.054,0.02,,,');
  });
});
