import { stat } from 'node:fs/promises';
import { DataFileError } from './data-file-error.js';

/** Fails with a DataFileError unless `file` is an existing, non-empty regular file. */
export async function checkDataFile(file: string): Promise<void> {
  let size: number;
  try {
    const info = await stat(file);
    if (!info.isFile()) throw new DataFileError({ file, problem: 'not a regular file', expected: 'a data file' });
    size = info.size;
  } catch (error) {
    if (error instanceof DataFileError) throw error;
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new DataFileError({ file, problem: code === 'ENOENT' ? 'no such file' : `cannot be read (${code})`, expected: 'an existing, readable data file' });
  }
  if (size === 0) throw new DataFileError({ file, problem: 'the file is empty', expected: 'at least one row' });
}
