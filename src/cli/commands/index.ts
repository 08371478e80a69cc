/**
 * The command table of `edusign`. Each command lives in its own file beside this one.
 * @module
 */
import type { CliCommand } from '../command.js';

/** Commands by name. Sub-commands (`cert show`) are dispatched by their command. */
export const commands: Record<string, () => Promise<CliCommand>> = {
  cert: async () => (await import('./cert.js')).certCommand,
  validate: async () => (await import('./validate.js')).command,
  convert: async () => (await import('./convert.js')).command,
  render: async () => (await import('./render.js')).command,
  verify: async () => (await import('./verify.js')).verifyCommand,
  sign: async () => (await import('./sign.js')).signCommand,
  extend: async () => (await import('./extend.js')).extendCommand,
  demo: async () => (await import('./demo.js')).demoCommand,
};
