/**
 * Run the real OpenSSL test services by hand (for `edusign cert check` demos and manual debugging):
 *
 * ```sh
 * npx tsx test/helpers/pki-services-run.ts            # prints the --resolve flags, runs until Ctrl-C
 * npx tsx src/cli/main.ts cert check fixtures/pki/revoked.cert.pem --trust fixtures/pki/roots.pem <flags>
 * ```
 * @module
 */
import { startPkiServices } from './pki-services.js';

const services = await startPkiServices();
const flags = Object.entries(services.resolve).map(([host, address]) => `--resolve ${host}=${address}`).join(' ');
process.stdout.write(`PKI test services running (OCSP, CRL/AIA, TSA ${services.tsaUrl}).\n${flags}\n`);
let stopping = false;
const stop = (): void => {
  if (stopping) return;
  stopping = true;
  void services.stop().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
