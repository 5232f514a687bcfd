import { BatchGradient, createTouchedRows, initialParameters, Network, zeroTouched } from '@churnlab/model';
import { defaultOptimizerConfig, ServerShards } from '@churnlab/ps';
import { initCpuBackend } from '@churnlab/tensor';
import { modelSpec, type BenchModel } from './models.js';
import { peakRssMb } from './rss.js';
import { timeLoop, type LoopBudget, type StepTimes } from './step-rate.js';
import { syntheticData } from './synthetic-data.js';

/** Step times and peak memory of the tfjs CPU baseline. */
export interface TfjsCpuMeasurement extends StepTimes {
  peakRssMb: number;
}

/**
 * The baseline: the same Network and BatchGradient on tfjs's pure-JavaScript CPU backend, the whole batch in one
 * thread, then the same SGD update (sparse in the embedding tables, as churnlab's server applies it), with no thread
 * pool and no shared store.
 */
export async function tfjsCpuThroughput(model: BenchModel, budget: LoopBudget): Promise<TfjsCpuMeasurement> {
  await initCpuBackend();
  const network = new Network(modelSpec(model));
  const gradient = new BatchGradient(network);
  const params = initialParameters(network.layout, 1);
  const grad = new Float32Array(params.length);
  const touched = createTouchedRows(network.tables);
  const server = new ServerShards({ ...defaultOptimizerConfig, learningRate: 0.01 }, params.length);
  const data = syntheticData(model, model.batch);
  const tables = network.tables.length > 0;
  const times = await timeLoop(() => {
    gradient.setParameters(params);
    // The table rows of the last step's gradient are the only non-zero ones there; compute writes just this step's rows.
    if (tables) zeroTouched(grad, touched);
    gradient.compute(data.features, data.labels, model.batch, 1 / model.batch, grad, data.categories, touched);
    server.apply(params, grad, tables ? touched : undefined);
  }, budget);
  gradient.dispose();
  return { ...times, peakRssMb: peakRssMb() };
}
