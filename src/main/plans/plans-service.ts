import { AppError } from '../../shared/errors';
import type { Language } from '../../shared/language';
import type { Plan, PlanReason, Strategy } from '../../shared/plans';
import type { DocumentsService } from '../documents/documents-service';
import type { ProvidersService } from '../providers/providers-service';
import { createOutlineCache, inputRoom, type PlanModel, planQuestion } from './plan-question';

export interface PlanInput {
  documentIds: readonly string[];
  providerId: string;
  model: string;
  question: string;
  strategy?: Strategy;
  /** The most one request may send (the CLI's --max-input-tokens). */
  maxInputTokens?: number | undefined;
}

export interface PlannedQuestion {
  plans: Plan[];
  chosen: Plan | null;
  reason: PlanReason | null;
  /** The chosen model's window, and what one request may send to it (less the answer's reserve, within the cap). */
  contextWindow: number;
  room: number;
}

/**
 * The plans for a question on its documents and model, with the other
 * configured models as candidates; documents' outlines kept between calls.
 */
export function createPlansService(deps: {
  documents: Pick<DocumentsService, 'get'>;
  providers: Pick<ProvidersService, 'list'>;
  language: () => Language;
}) {
  const outlines = createOutlineCache();
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
