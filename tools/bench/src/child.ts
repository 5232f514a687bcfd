// A child process of the benchmark: runs the one job given as JSON in argv[2] and prints its result as JSON on stdout.
import { runJob, type Job } from './jobs.js';

const job = JSON.parse(process.argv[2] ?? '') as Job;
const result = await runJob(job);
process.stdout.write(JSON.stringify(result) + '\n', () => process.exit(0));
