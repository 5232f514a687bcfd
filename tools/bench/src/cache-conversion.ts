/**
 * The data-cache benchmark: generates a Criteo-format (Kaggle TSV) file with a seeded generator, then, each in a
 * process of its own so that peak RSS is the step's own, hashes it (the baseline: reading the bytes) and converts it
 * to the binary cache in one streaming pass. Prints a Markdown table row per step.
 *
 *   node tools/bench/dist/cache-conversion.js [--rows N] [--dir DIR]
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { criteoSource, ensureCacheFile, fileSha256, resolveCsvSource } from '@churnlab/data';

/** murmur3's 32-bit finaliser: a fast, well-mixed integer hash. */
function mix(x: number): number {
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

/** Row `row` of the seeded Criteo-like file: a label, 13 counts and 26 hexadecimal ids, about 1 in 8 fields missing. */
export function criteoRow(row: number, seed: number): string {
  const draw = (column: number) => mix((row * 41 + column) ^ mix(seed));
  const fields = [String(draw(0) % 4 === 0 ? 1 : 0)];
  for (let c = 1; c <= 13; c++) fields.push(draw(c) % 8 === 0 ? '' : String(draw(c) % (c * 37)));
  for (let c = 14; c <= 39; c++) {
    const h = draw(c);
    // A few thousand distinct ids per column, as Criteo's heavy-tailed categories.
    const id = mix(c * 100_003 + (h % (500 * (c - 12))));
    fields.push(h % 8 === 0 ? '' : id.toString(16).padStart(8, '0'));
  }
  return fields.join('\t');
}

async function generate(file: string, rows: number, seed: number): Promise<void> {
  const out = createWriteStream(file);
  let block: string[] = [];
  for (let row = 0; row < rows; row++) {
    block.push(criteoRow(row, seed));
    if (block.length === 10_000 || row === rows - 1) {
      if (!out.write(block.join('\n') + '\n')) await new Promise<void>((done) => out.once('drain', () => done()));
      block = [];
    }
  }
  await new Promise<void>((done) => out.end(() => done()));
}

/** Runs one step in a fresh process and returns its seconds and peak RSS in MB. */
function child(step: string, file: string, dir: string): { seconds: number; rssMb: number } {
  const result = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--step', step, '--file', file, '--dir', dir], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (result.status !== 0) throw new Error(`${step} failed with status ${result.status}`);
  return JSON.parse(result.stdout) as { seconds: number; rssMb: number };
}

async function step(name: string, file: string, dir: string): Promise<void> {
  const start = process.hrtime.bigint();
  if (name === 'hash') await fileSha256(file);
  else await ensureCacheFile(file, 0, resolveCsvSource(criteoSource(file, 'tsv')), { hash: { buckets: 1 << 20, seed: 0 } }, dir);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  process.stdout.write(JSON.stringify({ seconds, rssMb: process.resourceUsage().maxRSS / 1024 }));
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const flag = (name: string, fallback: string) => {
    const at = args.indexOf(`--${name}`);
    return at >= 0 ? (args[at + 1] ?? fallback) : fallback;
  };
  const dir = flag('dir', path.join(tmpdir(), 'churnlab-cache-bench'));
  if (args.includes('--step')) return step(flag('step', ''), flag('file', ''), dir);
  const rows = Number(flag('rows', '10000000'));
  const file = path.join(dir, `criteo-${rows}.tsv`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const start = process.hrtime.bigint();
  await generate(file, rows, 7);
  const generated = Number(process.hrtime.bigint() - start) / 1e9;
  const mb = statSync(file).size / 1e6;
  const hash = child('hash', file, dir);
  const convert = child('convert', file, dir);
  const line = (label: string, r: { seconds: number; rssMb: number }, ratio: string) => `| ${label} | ${r.seconds.toFixed(1)} s | ${(mb / r.seconds).toFixed(1)} MB/s | ${r.rssMb.toFixed(0)} MB | ${ratio} |`;
  process.stdout.write(
    [
      `${rows.toLocaleString('en')} rows, ${mb.toFixed(0)} MB of Kaggle-format TSV (generated in ${generated.toFixed(0)} s)`,
      '',
      '| step | time | throughput | peak RSS | ratio |',
      '|---|---|---|---|---|',
      line('read and hash the file (baseline)', hash, '1.00'),
      line('convert to the binary cache', convert, `${(hash.seconds / convert.seconds).toFixed(2)}× the baseline's speed`),
      '',
    ].join('\n'),
  );
  rmSync(dir, { recursive: true, force: true });
}

await main();
