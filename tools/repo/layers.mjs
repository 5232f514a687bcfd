// The one-way dependency order of DESIGN §3: each project may import only the churnlab projects listed for it.
export const allowedDependencies = {
  kernels: [],
  tensor: [],
  random: [],
  metrics: [],
  report: [],
  activations: ['tensor'],
  data: ['random'],
  model: ['activations', 'kernels', 'random', 'tensor'],
  ps: ['kernels', 'model', 'random'],
  worker: ['data', 'kernels', 'model', 'ps', 'random', 'tensor'],
  transport: ['data', 'model', 'ps', 'random', 'tensor', 'worker'],
  experiment: ['activations', 'data', 'metrics', 'model', 'ps', 'random', 'transport'],
  cli: ['bench', 'experiment', 'metrics', 'report', 'transport'],
  bench: ['data', 'experiment', 'model', 'ps', 'tensor', 'transport'],
};
