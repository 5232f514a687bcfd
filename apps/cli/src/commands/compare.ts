import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { runCompare, writeJsonAtomically } from '@churnlab/experiment';
import { compareTable } from '@churnlab/report';
import { configFrom, defaultOut, wholeNumber, withCommonOptions, type CommonFlags } from '../common-options.js';
import { Progress } from '../progress.js';

interface CompareFlags extends CommonFlags {
  activations?: string;
  replicas?: number;
}

/** `churnlab compare`: replicas per activation, and how much they disagree. */
export function compareCommand(program: Command): void {
  withCommonOptions(program.command('compare').description('train replicas per activation and compare their prediction difference (PD)'))
    .option('--activations <list>', 'comma-separated activations (default relu,smelu:1)')
    .option('--replicas <n>', 'replicas per activation (default 2)', wholeNumber(2))
    .action(async (flags: CompareFlags) => {
      const compare: Record<string, unknown> = {};
      if (flags.activations) compare['activations'] = flags.activations.split(',').map((s) => s.trim());
      if (flags.replicas !== undefined) compare['replicas'] = flags.replicas;
      const config = configFrom(flags, { compare });
      const out = flags.out ?? defaultOut('compare');
      const progress = new Progress('compare');
      const results = await runCompare(config, {
        out,
        onRunStart: (activation, replica) => (flags.json ? undefined : process.stderr.write(`training ${activation} replica ${replica}\n`)),
        onProgress: (d, t) => progress.update(d, t),
      }).finally(() => progress.stop());
      mkdirSync(out, { recursive: true });
      writeJsonAtomically(path.join(out, 'compare.json'), { config, results });
      if (flags.json) process.stdout.write(JSON.stringify({ out, results }) + '\n');
      else process.stdout.write(`${compareTable(results)}\nPD: mean ± std over replica pairs; accuracy: mean ± std over replicas.\nresults in ${out}\n`);
    });
}
