import { runCli } from './run';

declare const __LEXDESK_VERSION__: string | undefined;

runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
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
