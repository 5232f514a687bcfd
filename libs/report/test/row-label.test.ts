import { describe, expect, it } from 'vitest';
import { rowLabel, varyingSettings } from '../src/row-label.js';
import { binaryRow } from './fixtures.js';

describe('row labels', () => {
  it('names only the settings that differ between rows', () => {
    const rows = [binaryRow('relu', 1, 0.1, 0.4), binaryRow('relu', 4, 0.1, 0.4, { shuffle: 'epoch' })];
    expect(varyingSettings(rows)).toEqual(['workers', 'shuffle']);
    expect(rowLabel('relu', rows[0]!, varyingSettings(rows))).toBe('relu · 1 worker · shuffle –');
    expect(rowLabel('relu', rows[1]!, varyingSettings(rows))).toBe('relu · 4 workers · shuffle epoch');
  });

  it('is the bare name when every setting is shared', () => {
    const rows = [binaryRow('relu', 2, 0.1, 0.4), binaryRow('smelu:1', 2, 0.1, 0.4)];
    expect(varyingSettings(rows)).toEqual([]);
    expect(rowLabel('smelu:1', rows[1]!, [])).toBe('smelu:1');
  });

  it('names the replica count when it varies, as a sweep over replica counts makes it', () => {
    const rows = [binaryRow('relu', 2, 0.1, 0.4, { replicas: 2 }), binaryRow('relu', 2, 0.1, 0.4, { replicas: 3 })];
    expect(varyingSettings(rows)).toEqual(['replicas']);
    expect(rowLabel('relu', rows[1]!, varyingSettings(rows))).toBe('relu · 3 replicas');
  });

  it('names the update order when it varies', () => {
    const rows = [binaryRow('relu', 2, 0.1, 0.4), binaryRow('relu', 2, 0.1, 0.4, { order: 'sync' })];
    expect(rowLabel('relu', rows[1]!, varyingSettings(rows))).toBe('relu · sync');
  });
});
