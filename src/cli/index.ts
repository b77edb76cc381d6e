import { runCli } from './run';

declare const __LEXDESK_VERSION__: string | undefined;

// The reader went away (`lexdesk history | head -1`): what is left to print has nowhere to go. The command still
// ends as it would (its database closed, nothing half-written); it only stops printing, and says nothing of it.
let readerGone = false;
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  readerGone = true;
});

runCli(process.argv.slice(2), {
  stdout: (text) => {
    if (!readerGone) process.stdout.write(text);
  },
  stderr: (text) => process.stderr.write(text),
  env: process.env,
  version: typeof __LEXDESK_VERSION__ === 'string' ? __LEXDESK_VERSION__ : '0.0.0',
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`${String(error)}\n`);
    process.exitCode = 1;
  },
);
