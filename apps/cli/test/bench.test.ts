import { describe, expect, it } from 'vitest';
import { runCli, useTempDir } from './helpers.js';

const tmp = useTempDir('churnlab-bench-');

describe('churnlab bench', () => {
  it('is the benchmark of npm run bench: its own options, listed by --help', async () => {
    const help = await runCli(['bench', '--help'], tmp());
    expect(help.code).toBe(0);
    expect(help.stderr).toContain('--quick');
    expect(help.stderr).toContain('--models <ids>');
    expect(help.stdout).toBe('');
  });

  it("passes the benchmark's bad usage on as exit 2, naming the flag", async () => {
    const bad = await runCli(['bench', '--models', 'z'], tmp());
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("option '--models <ids>' argument 'z' is invalid. unknown model(s) z; expected a, b, c");
  });
});
