/**
 * `edusign` command-line entry point: dispatches to src/cli/commands/*.
 * @module
 */
import 'reflect-metadata';
import { EXIT, type CliIo } from './command.js';
import { commands } from './commands/index.js';
import { isEdusignError } from '../errors.js';

const io: CliIo = {
  stdout: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  stderr: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
};

function helpText(): string {
  const lines = ['edusign — ký và xác minh hồ sơ trường học / sign and verify school records', '', 'Commands:'];
  return lines.join('\n');
}

/**
 * Runs `edusign` with `argv` (without node and script); resolves to the exit code.
 *
 * @example
 * ```ts
 * const code = await main(['verify', 'hoc-ba.pdf', '--trust', 'roots.pem']);
 * ```
 */
export async function main(argv: string[], out: CliIo = io): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    const summaries = await Promise.all(
      Object.entries(commands).map(async ([n, load]) => `  ${n.padEnd(10)} ${(await load()).summary}`),
    );
    out.stdout([helpText(), ...summaries, '', 'edusign <command> --help for details.'].join('\n'));
    return name ? EXIT.OK : EXIT.USAGE;
  }
  const load = commands[name];
  if (!load) {
    out.stderr(`Lệnh không tồn tại / unknown command: ${name}. Try: edusign help`);
    return EXIT.USAGE;
  }
  const command = await load();
  if (rest.includes('--help') || rest.includes('-h')) {
    out.stdout(command.usage);
    return EXIT.OK;
  }
  try {
    return await command.run(rest, out);
  } catch (error) {
    if (isEdusignError(error)) {
      out.stderr(`[${error.code}] ${error.messageVi}\n[${error.code}] ${error.message}`);
      // Every typed error is a usage error, unusable input or a refusal (e.g. a revoked signer): exit 64.
      return EXIT.USAGE;
    }
    out.stderr(`Lỗi không mong đợi / unexpected error: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
    return 70;
  }
}

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
