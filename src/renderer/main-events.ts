import type { LexDeskApi } from '../shared/unwrap-api';
import { useAsk } from './stores/ask-store';
import { useDocuments } from './stores/documents-store';
import { useHistory } from './stores/history-store';
import type { SettingsStore } from './stores/settings-store';

/** Main's events, one subscription each, to the store that keeps what they change. */
export function subscribeToMain(api: Pick<LexDeskApi, 'events'>, settings: SettingsStore): () => void {
  const subscriptions = [
    api.events.on('settings:changed', (changed) => settings.getState().applyFromMain(changed.settings)),
    api.events.on('documents:progress', (progress) => useDocuments.getState().applyProgress(progress)),
    api.events.on('ask:stream', (event) => useAsk.getState().applyEvent(event)),
    api.events.on('history:changed', (change) => {
      useHistory.getState().applyChange(change);
      useDocuments.getState().applyChanged(change.documents);
    }),
  ];
  return () => {
    for (const unsubscribe of subscriptions) unsubscribe();
  };
}
