import { useEffect, useState } from 'react';
import { type Answer, MAX_THREAD_TURNS } from '../../shared/answers';
import { api } from '../api';
import { inBackground } from '../failures';

/**
 * A thread read from the database, oldest first, ending with `last` (null:
 * no thread, an empty list). The turns of a thread are stored and done, so
 * they are read once for each `last`.
 */
export function useThread(last: string | null): Answer[] {
  const [turns, setTurns] = useState<Answer[]>([]);
  useEffect(() => {
    let cancelled = false;
    inBackground(
      (async () => {
        const chain: Answer[] = [];
        for (let id = last; id !== null && chain.length < MAX_THREAD_TURNS; ) {
          const turn = await api.answers.get({ answerId: id });
          chain.unshift(turn);
          id = turn.follows;
        }
        if (!cancelled) setTurns(chain);
      })(),
    );
    return () => {
      cancelled = true;
    };
  }, [last]);
  return turns;
}
