import { initWasmBackend } from '@churnlab/tensor';
import { describeTensorSuite } from './tensor-suite.js';

describeTensorSuite('wasm', initWasmBackend);
