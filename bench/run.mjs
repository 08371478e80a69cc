// `npm run bench`: runs every benchmark of bench/ one after the other (never in parallel: they time CPU work),
// each in its own process with --expose-gc, and prints their reports. Each benchmark measures its own lower bound
// in the same run (SHA-256 of the input + one RSA-2048 signature with node:crypto) and prints ratios to it, and to
// peer libraries where one is installed (jose for JWS, xadesjs for XML).
// Usage: npm run bench [-- --quick]   (--quick: fewer runs, for a smoke check)
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const quick = process.argv.includes('--quick');
const benches = ['pki.mjs', 'pades-sign.mjs', 'pades-verify.mjs', 'xades.mjs', 'jades.mjs'];
let failed = 0;
for (const bench of benches) {
  process.stdout.write(`\n=== ${bench} ===\n`);
  const args = ['--expose-gc', '--import', 'tsx', join(here, bench), ...(quick ? ['--runs', '5'] : [])];
  const result = spawnSync(process.execPath, args, { stdio: 'inherit', cwd: join(here, '..') });
  if (result.status !== 0) {
    failed++;
    process.stdout.write(`${bench} exited with ${result.status}\n`);
  }
}
process.exitCode = failed === 0 ? 0 : 1;
