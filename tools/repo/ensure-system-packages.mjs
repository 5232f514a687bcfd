#!/usr/bin/env node
// Installs each Debian package the tests need that is missing; does nothing when every one is already there.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** The packages, each with the file that proves it is installed and the tests that need it. */
const packages = [
  { name: 'chromium', file: '/usr/bin/chromium', neededBy: 'the HTML report browser test' },
  { name: 'nats-server', file: '/usr/sbin/nats-server', neededBy: 'the NATS transport tests (libs/transport, apps/cli worker)' },
];

const missing = packages.filter((p) => !existsSync(p.file));
for (const p of packages.filter((p) => !missing.includes(p))) console.error(`${p.name}: ${p.file} is installed`);
if (missing.length === 0) process.exit(0);

// apt-get needs root; sudo is not installed in every container, so it is used only when we are not root already.
const asRoot = process.getuid?.() === 0 ? [] : ['sudo'];
const names = missing.map((p) => p.name).join(' ');
const install = `apt-get update && apt-get install -y --no-install-recommends ${names}`;
const [command, ...args] = [...asRoot, 'sh', '-c', install];
console.error(`${names}: missing (${missing.map((p) => p.file).join(', ')}); running: ${[command, ...args.slice(0, -1)].join(' ')} '${install}'`);
const { status, error } = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });

const stillMissing = missing.filter((p) => !existsSync(p.file));
if (error || status !== 0 || stillMissing.length > 0) {
  const reason = error ? error.message : status !== 0 ? `exit status ${status}` : `${stillMissing.map((p) => p.file).join(', ')} still missing after install`;
  console.error(`could not install the Debian package(s) ${names} (${reason}).`);
  for (const p of stillMissing.length > 0 ? stillMissing : missing) console.error(`Install it by hand (apt-get install ${p.name}, as root) and run this script again; ${p.neededBy} needs it.`);
  process.exit(1);
}
for (const p of missing) console.error(`${p.name}: installed ${p.file}`);
