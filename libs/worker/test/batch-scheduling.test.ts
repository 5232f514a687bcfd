import { readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { linuxWithChrt } from '../../../test-support/chrt.js';
import { SCHED_BATCH, schedulingPolicy } from '../src/index.js';

const SCHED_NORMAL = 0;

/** Runs scheduleAsBatch (src/batch-scheduling.ts, transpiled here) in a thread of its own and reports what it returned and the policy after. */
function batchInFreshThread(): Promise<{ batch: boolean; policy: number | undefined }> {
  const source = readFileSync(new URL('../src/batch-scheduling.ts', import.meta.url), 'utf8');
  const module = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ES2022, target: ts.ScriptTarget.ES2022 } }).outputText;
  const script = `import { parentPort } from 'node:worker_threads';\n${module}\nparentPort.postMessage({ batch: scheduleAsBatch(), policy: schedulingPolicy() });`;
  const thread = new Worker(new URL(`data:text/javascript,${encodeURIComponent(script)}`));
  return new Promise((resolve, reject) => {
    thread.once('message', (report: { batch: boolean; policy: number | undefined }) => void thread.terminate().then(() => resolve(report)));
    thread.once('error', reject);
  });
}

describe('scheduling worker threads as CPU-bound', () => {
  it.runIf(process.platform === 'linux')('reads the calling thread\'s policy: normal for a thread nobody changed', () => {
    expect(schedulingPolicy()).toBe(SCHED_NORMAL);
  });

  it.runIf(process.platform === 'linux')('reads another thread\'s policy by its /proc name, and nothing for a thread that is not there', () => {
    expect(schedulingPolicy(`self/task/${process.pid}`)).toBe(SCHED_NORMAL);
    expect(schedulingPolicy('self/task/0')).toBeUndefined();
  });

  it.runIf(linuxWithChrt)('puts the calling thread, and only it, under SCHED_BATCH and says so', async () => {
    expect(await batchInFreshThread()).toEqual({ batch: true, policy: SCHED_BATCH });
    expect(schedulingPolicy()).toBe(SCHED_NORMAL);
  });
});
