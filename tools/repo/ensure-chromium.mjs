#!/usr/bin/env node
// Installs the Debian chromium package that the HTML report's browser test drives; does nothing when it is already there.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CHROMIUM = '/usr/bin/chromium';

if (existsSync(CHROMIUM)) {
  console.error(`chromium: ${CHROMIUM} is installed`);
  process.exit(0);
}

// apt-get needs root; sudo is not installed in every container, so it is used only when we are not root already.
const asRoot = process.getuid?.() === 0 ? [] : ['sudo'];
const install = 'apt-get update && apt-get install -y --no-install-recommends chromium';
const [command, ...args] = [...asRoot, 'sh', '-c', install];
console.error(`chromium: ${CHROMIUM} is missing; running: ${[command, ...args.slice(0, -1)].join(' ')} '${install}'`);
const { status, error } = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });

if (error || status !== 0 || !existsSync(CHROMIUM)) {
  const reason = error ? error.message : status !== 0 ? `exit status ${status}` : `${CHROMIUM} still missing after install`;
  console.error(`chromium: could not install the Debian package chromium (${reason}).`);
  console.error('Install it by hand (apt-get install chromium, as root) and run this script again; the HTML report browser test needs it.');
  process.exit(1);
}
console.error(`chromium: installed ${CHROMIUM}`);
