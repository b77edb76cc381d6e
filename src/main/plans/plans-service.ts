import { AppError } from '../../shared/errors';
import type { Language } from '../../shared/language';
import type { PlannedQuestion, Strategy } from '../../shared/plans';
import type { DocumentsService } from '../documents/documents-service';
import type { ProvidersService } from '../providers/providers-service';
import { createOutlineCache, inputRoom, type OutlineCache, type PlanModel, planQuestion } from './plan-question';

export interface PlanInput {
  documentIds: readonly string[];
  providerId: string;
  model: string;
  question: string;
  strategy?: Strategy | undefined;
  /** The most one request may send (the CLI's --max-input-tokens). */
  maxInputTokens?: number | undefined;
}

export type { PlannedQuestion };

/**
 * The plans for a question on its documents and model, with the other
 * configured models as candidates; documents' outlines kept between calls.
 */
export function createPlansService(deps: {
  documents: Pick<DocumentsService, 'get'>;
  providers: Pick<ProvidersService, 'list'>;
  language: () => Language;
  /** Shared with the citation checker: a document's clauses are read once. */
  outlines?: OutlineCache;
}) {
  const outlines = deps.outlines ?? createOutlineCache();
  return {
    plan(input: PlanInput): PlannedQuestion {
      const models: PlanModel[] = deps.providers
        .list()
        .flatMap((provider) => provider.models.map((model) => ({ providerId: provider.id, model })));
      const chosen = models.find((m) => m.providerId === input.providerId && m.model.model === input.model);
      if (!chosen) throw new AppError('MODEL_NOT_CONFIGURED', { providerId: input.providerId, model: input.model });
      const planned = planQuestion(
        {
          documents: input.documentIds.map((sha256) => deps.documents.get(sha256)),
          question: input.question,
          language: deps.language(),
          chosen,
          others: models.filter((m) => m !== chosen),
          maxInputTokens: input.maxInputTokens,
        },
        input.strategy ?? 'auto',
        outlines,
      );
      return {
        ...planned,
        contextWindow: chosen.model.contextWindow,
        room: inputRoom(chosen.model, input.maxInputTokens),
      };
    },
  };
}

export type PlansService = ReturnType<typeof createPlansService>;

/** No plan the strategy allows fits: refused with the whole question's numbers, as main's refusal says them. */
export function planRefusal(planned: PlannedQuestion, model: string): AppError {
  const tokens = planned.plans[0]?.estimate.input ?? 0;
  return new AppError('CONTEXT_TOO_LONG', {
    model,
    tokens,
    over: Math.max(1, tokens - planned.room),
    contextWindow: planned.contextWindow,
  });
}
