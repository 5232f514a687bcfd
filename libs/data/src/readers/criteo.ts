import { open } from 'node:fs/promises';
import type { CsvSource } from './csv-source.js';
import { readCsv, type CsvReadOptions, type TabularData } from './csv-dataset.js';
import { DataFileError } from './data-file-error.js';
import { checkDataFile } from './data-file.js';
import { compressedTextError, isGzip } from './gzip.js';

/** Criteo's two layouts: the Kaggle/DAC text file (tab-separated, no header) and a comma-separated copy with a header. */
export type CriteoLayout = 'tsv' | 'csv';

/** The 13 integer columns I1…I13. */
export const criteoNumeric: readonly string[] = Object.freeze(Array.from({ length: 13 }, (_, i) => `I${i + 1}`));
/** The 26 hashed categorical columns C1…C26. */
export const criteoCategorical: readonly string[] = Object.freeze(Array.from({ length: 26 }, (_, i) => `C${i + 1}`));
/** All 40 columns in file order: label, I1…I13, C1…C26. */
export const criteoColumns: readonly string[] = Object.freeze(['label', ...criteoNumeric, ...criteoCategorical]);

/** The CsvSource of a Criteo file: label 1 = click, 0 = no click, an empty field is missing. */
export function criteoSource(path: string, layout: CriteoLayout, split = { eval: 0.2 }): CsvSource {
  const common = {
    format: 'csv' as const,
    path,
    label: { column: 'label', positive: ['1'], negative: ['0'] },
    numeric: [...criteoNumeric],
    categorical: [...criteoCategorical],
    missing: [''],
    split,
  };
  return layout === 'tsv' ? { ...common, delimiter: '\t', header: false, columns: [...criteoColumns] } : { ...common, delimiter: ',', header: true };
}

/** How much of a file the layout is told from: a Criteo line is a few hundred bytes. */
const FIRST_BYTES = 4096;

/** The layout of a Criteo file, from its first line: tabs mean the Kaggle text file, a "label," header the CSV copy. */
export async function detectCriteoLayout(path: string): Promise<CriteoLayout> {
  await checkDataFile(path);
  const handle = await open(path, 'r');
  try {
    const { buffer, bytesRead } = await handle.read({ buffer: Buffer.alloc(FIRST_BYTES), position: 0 });
    if (isGzip(buffer.subarray(0, bytesRead))) throw compressedTextError(path);
    const text = buffer.subarray(0, bytesRead).toString('utf8');
    const end = text.indexOf('\n');
    const firstLine = end < 0 ? text : text.slice(0, end);
    if (firstLine.includes('\t')) return 'tsv';
    if (firstLine.startsWith('label,')) return 'csv';
    // Without a line end in the bytes read, the length the message gives is that of the bytes read, not of the line: say so.
    const cut = end < 0 && bytesRead === FIRST_BYTES ? { problem: `no line end in the first ${FIRST_BYTES} bytes` } : {};
    throw new DataFileError({ file: path, line: 1, ...cut, value: firstLine, expected: 'a Criteo file: tab-separated fields, or a header starting "label,"' });
  } finally {
    await handle.close();
  }
}

/** Reads a Criteo file of either layout (detected unless given), split into train and eval by `split`. */
export async function readCriteo(path: string, options: CsvReadOptions & { layout?: CriteoLayout; split?: { eval: number } }): Promise<TabularData> {
  const { layout, split, ...rest } = options;
  const source = criteoSource(path, layout ?? (await detectCriteoLayout(path)), split);
  return readCsv(source, { name: 'criteo', ...rest });
}
