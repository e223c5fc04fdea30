#!/usr/bin/env node
/**
 * The `hallwright` command. The CLI is TypeScript sharing the engine with the app, so it runs
 * through tsx's loader instead of a build step. Every path is resolved from this file, so the
 * command works from any current directory.
 */
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

// The project's own compiler options, not those of whatever tsconfig.json the current directory holds.
register({ tsconfig: fileURLToPath(new URL('../tsconfig.json', import.meta.url)) });

// A reader that stops early (`| head`) closes the pipe: not a failure of the command.
process.stdout.on('error', (e) => {
  if (e.code !== 'EPIPE') throw e;
});

try {
  const { main } = await import(new URL('../cli/main.ts', import.meta.url).href);
  process.exitCode = await main(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  });
} catch (e) {
  // Exit 1 means "checked, errors found"; a CLI that cannot start did not check or write anything.
  process.stderr.write(`hallwright: could not start: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exitCode = 2;
}
