export const en = {
  app: {
    name: 'LexDesk',
    tagline: 'Contract review with long-context language models',
    loadFailed: 'LexDesk could not start: {{message}}',
  },
  nav: { settings: 'Settings', history: 'Analyses' },
  history: {
    emptyTitle: 'No analyses yet',
    emptyBody:
      'Every question you ask about a contract is kept here with its answer, tokens and cost, and can be read offline.',
  },
  drop: {
    title: 'Drop contracts here',
    hint: 'PDF, DOCX or text (TXT, MD), in Vietnamese or English. One file or many.',
    choose: 'Choose files…',
    active: 'Release to add these files',
    notYet_one:
      '1 file received: {{names}}. This version cannot read documents yet; importing arrives with the next update. Nothing was sent or stored.',
    notYet_other:
      '{{count}} files received: {{names}}. This version cannot read documents yet; importing arrives with the next update. Nothing was sent or stored.',
  },
  settings: {
    title: 'Settings',
    close: 'Close',
    language: 'Interface language',
    theme: 'Appearance',
    themes: { system: 'Match the system', light: 'Light', dark: 'Dark' },
    keysTitle: 'API key storage',
    keys: {
      'os-keychain': "API keys are encrypted by the operating system's keychain.",
      'basic-text':
        'This machine has no keychain: an API key would only be obscured, not truly encrypted. LexDesk saves no key unless you accept that below.',
      memory: 'API keys are held in memory for this session only and never written to disk.',
      unavailable: 'The operating system offers no encryption, so LexDesk will not save API keys.',
    },
    acceptWeak: 'I accept saving API keys with this weaker protection',
    about: 'About',
    version: 'Version {{version}}',
    dataDir: 'Data folder',
    privacy: 'LexDesk sends no telemetry. Documents go only to the model provider you choose.',
    saveFailed: 'The change was not saved: {{message}}',
  },
} as const;

type Strings<T> = { readonly [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };
/** The shape every language must fill, taken from the English strings. */
export type Translation = Strings<typeof en>;
