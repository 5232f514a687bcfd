import { existsSync } from 'node:fs';

/** Whether threads here can be put under SCHED_BATCH: Linux with util-linux's chrt (elsewhere they run as before). */
export const linuxWithChrt = process.platform === 'linux' && ['/usr/bin/chrt', '/bin/chrt'].some((path) => existsSync(path));
