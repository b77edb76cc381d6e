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

/** `providers add` for a test: an OpenAI-compatible provider at `baseUrl`, with its models, window and prices. */
export function addProviderArgs(provider: {
  id: string;
  baseUrl: string;
  models: string[];
  context: number;
  input: number;
  output: number;
  cachedInput?: number;
  currency?: string;
}): string[] {
  return [
    'providers',
    'add',
    provider.id,
    '--kind',
    'openai',
    '--base-url',
    provider.baseUrl,
    ...provider.models.flatMap((model) => ['--model', model]),
    '--context',
    String(provider.context),
    '--price-input',
    String(provider.input),
    ...(provider.cachedInput !== undefined ? ['--price-cached-input', String(provider.cachedInput)] : []),
    '--price-output',
    String(provider.output),
    ...(provider.currency ? ['--currency', provider.currency] : []),
  ];
}
