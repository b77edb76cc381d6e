// The provider SDKs, loaded on the first request rather than at start-up:
// together they take about 0.3 s to load here, and most starts ask nothing.
type OpenAiSdk = typeof import('openai');
type AnthropicSdk = typeof import('@anthropic-ai/sdk');

let openAi: OpenAiSdk | undefined;
let anthropic: AnthropicSdk | undefined;

export async function loadOpenAi(): Promise<OpenAiSdk> {
  openAi ??= await import('openai');
  return openAi;
}

export async function loadAnthropic(): Promise<AnthropicSdk> {
  anthropic ??= await import('@anthropic-ai/sdk');
  return anthropic;
}

/** The SDKs loaded so far: an error can only be an SDK's own once its SDK is loaded. */
export function loadedSdks(): { openAi: OpenAiSdk | undefined; anthropic: AnthropicSdk | undefined } {
  return { openAi, anthropic };
}
