import type { AppEvents } from '../../shared/events';
import type { AnswersService } from '../answers/answers-service';
import type { DocumentsService } from '../documents/documents-service';
import type { MattersService } from '../matters/matters-service';
import type { HistoryService } from './history-service';

export interface HistoryChangeSources {
  history: Pick<HistoryService, 'item'>;
  answers: Pick<AnswersService, 'documentIds'>;
  matters: Pick<MattersService, 'get'>;
  documents: Pick<DocumentsService, 'summary'>;
}

/**
 * What the windows' lists need after an analysis changed: its history row, its
 * matter's counts and its documents (which may have joined the matter), as
 * they now are. Null for an answer no longer stored.
 */
export function historyChange(sources: HistoryChangeSources, answerId: string): AppEvents['history:changed'] | null {
  const item = sources.history.item(answerId);
  if (!item) return null;
  // Sent as an answer starts and as it ends: its row, not its text, which may be megabytes by then.
  const documentIds = sources.answers.documentIds(answerId);
  return {
    item,
    matter: item.matterId === null ? null : sources.matters.get(item.matterId),
    documents: documentIds.map((sha256) => sources.documents.summary(sha256)),
  };
}
