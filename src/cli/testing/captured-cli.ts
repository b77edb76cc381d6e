import { runCli } from '../run';

/** One CLI invocation in this process, its output gathered: what a terminal would have shown, and the exit code. */
export async function capturedCli(
  args: readonly string[],
  env: NodeJS.ProcessEnv = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    env: { LANG: 'en_US.UTF-8', LEXDESK_CHECK_OUTPUTS: '1', ...env },
    version: '1.2.3',
  });
  return { code, stdout, stderr };
}
