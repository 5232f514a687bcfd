import { describe, expect, it } from 'vitest';
import { runCli, useTempDir } from './helpers.js';

const tmp = useTempDir('churnlab-help-');

const commonFlags = ['--config', '--workers', '--order', '--vary', '--shuffle', '--delay', '--ps-shards', '--grad-precision', '--param-precision', '--epochs', '--seed', '--out', '--json', '--verbose'];

describe('--help', () => {
  it('for the program exits 0 and lists train, compare and pd', async () => {
    const result = await runCli(['--help'], tmp());
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Usage: churnlab/);
    for (const command of ['train', 'compare', 'pd']) expect(result.stdout).toMatch(new RegExp(`^\\s+${command}\\b`, 'm'));
  });

  it.each([
    ['train', [...commonFlags, '--activation']],
    ['compare', [...commonFlags, '--activations', '--replicas']],
  ])('for %s exits 0 and lists its flags', async (command, flags) => {
    const result = await runCli([command, '--help'], tmp());
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Usage: churnlab ${command}`);
    for (const flag of flags) expect(result.stdout).toMatch(new RegExp(`^\\s+${flag}\\b`, 'm'));
    expect(result.stdout.replace(/\s+/g, ' ')).toContain('sync, sync-arrival, async, ssp:K or replay');
  });

  it('for pd exits 0 and lists its arguments and flags', async () => {
    const result = await runCli(['pd', '--help'], tmp());
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Usage: churnlab pd [options] <runA> <runB>');
    for (const flag of ['--json', '--verbose']) expect(result.stdout).toMatch(new RegExp(`^\\s+${flag}\\b`, 'm'));
    expect(result.stdout).not.toContain('--workers');
  });

  it('`help train` prints the same help as `train --help`', async () => {
    const [viaHelp, viaFlag] = await Promise.all([runCli(['help', 'train'], tmp()), runCli(['train', '--help'], tmp())]);
    expect(viaHelp.code).toBe(0);
    expect(viaHelp.stdout).toBe(viaFlag.stdout);
  });
});
