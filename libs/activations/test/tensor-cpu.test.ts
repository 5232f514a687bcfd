import { initCpuBackend } from '@churnlab/tensor';
import { describeTensorSuite } from './tensor-suite.js';

describeTensorSuite('cpu', initCpuBackend);
