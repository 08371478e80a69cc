/**
 * Shape of one CLI command. Exit codes are shared by every command:
 * 0 = success / valid / TOTAL_PASSED, 1 = invalid / TOTAL_FAILED, 2 = INDETERMINATE (cannot tell),
 * 64 = usage error or unusable input (EX_USAGE).
 * @module
 */

/** Exit codes of `edusign`. */
export const EXIT = { OK: 0, INVALID: 1, INDETERMINATE: 2, USAGE: 64 } as const;

/** Where a command writes; injectable so tests can capture output. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
}

/** One `edusign <name>` command. */
export interface CliCommand {
  /** One line for `edusign help`. */
  summary: string;
  /** Usage text shown on `--help` and on usage errors. */
  usage: string;
  /** Runs the command with the arguments after its name; returns the exit code. */
  run(args: string[], io: CliIo): Promise<number>;
}
