export { addInto, firstNonFinite, sgdStep } from './elementwise.js';
