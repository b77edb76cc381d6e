import type { Answer } from '../../shared/answers';
import { AppError } from '../../shared/errors';
import type { Clock } from '../clock';
import type { AnswerRows } from './answer-rows';

/** The stored answers, as the history, the export and the window read them; the ask path writes them. */
export interface AnswersService {
  /** Throws ANSWER_NOT_FOUND for an id it does not know. */
  get(answerId: string): Answer;
  /** Its documents, in the order asked, without reading the answer's text. */
  documentIds(answerId: string): string[];
  /** Cache hits so far and the money they saved (in each answer's currency, USD today). */
  cacheStats(): { hits: number; saved: number };
  /** At start-up: marks answers left streaming by a crash as interrupted; returns how many. */
  recoverInterrupted(): number;
}

export function createAnswersService({ rows, clock }: { rows: AnswerRows; clock: Clock }): AnswersService {
  return {
    get(answerId) {
      const answer = rows.get(answerId);
      if (!answer) throw new AppError('ANSWER_NOT_FOUND', { answerId });
      return answer;
    },
    documentIds: (answerId) => rows.documentIds(answerId),
    cacheStats: () => rows.cacheStats(),
    recoverInterrupted: () => rows.markInterrupted(clock.now()),
  };
}
