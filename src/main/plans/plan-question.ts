import type { DocumentDetail, Encoding } from '../../shared/documents';
import {
  answerReserve,
  costOf,
  DOCUMENT_TOKENS,
  documentTokens,
  estimateRequest,
  excerptFramingTokens,
  FOCUSED_INSTRUCTION_TOKENS,
  MAP_INSTRUCTION_TOKENS,
  PAGE_MARKER_TOKENS,
  PART_FRAMING_ALLOWANCE,
  partFramingTokens,
  questionTokens,
  REDUCE_INSTRUCTION_TOKENS,
} from '../../shared/estimate';
import type { Language } from '../../shared/language';
import { documentText } from '../../shared/page-map';
import type { Coverage, Plan, PlannedChunk, PlanReason, Strategy } from '../../shared/plans';
import type { ProviderModel } from '../../shared/providers';
import { type ComparableText, comparable } from '../citations/source-text';
import { buildOutline, type Chunk, type ChunkSource, chunkDocument, type OutlineNode } from './chunking';
import { findClauseHeadings } from './clause-headings';
import { focusedExcerpts } from './focus';

/**
 * The plans for one question over its documents on one model, each priced
 * before anything is sent, and the one `auto` takes. Reads only: the
 * documents' stored text and per-page token counts, and the models' prices.
 */

/** A model the question may go to, with its provider. */
export interface PlanModel {
  providerId: string;
  model: ProviderModel;
}

export interface PlanRequest {
  documents: readonly DocumentDetail[];
  question: string;
  language: Language;
  /** The model chosen; `others` are the rest configured, for the larger-model plan. */
  chosen: PlanModel;
  others?: readonly PlanModel[];
  /** The most one request may send, below the model's window (the CLI's --max-input-tokens). */
  maxInputTokens?: number | undefined;
}

/** A partial answer, as the reduce request is expected to read it: short notes with their citations. */
export const MAP_OUTPUT_TOKENS = 800;
/** The final answer, joined from the partial ones. */
export const REDUCE_OUTPUT_TOKENS = 2_000;

/** The room one request has for input on this model: its window less the answer's reserve, within the cap. */
export function inputRoom(model: ProviderModel, maxInputTokens?: number): number {
  const room = model.contextWindow - answerReserve(model);
  return maxInputTokens === undefined ? room : Math.min(room, maxInputTokens);
}

/** The whole documents in one request, as today's questions go. */
export function planWhole(request: PlanRequest, target: PlanModel = request.chosen): Plan {
  const { model } = target;
  // The one estimate: what the panel shows and main's refusal states for this question.
  const input = estimateRequest(request.documents, request.question, request.language, model).tokens;
  const output = Math.min(answerReserve(model), REDUCE_OUTPUT_TOKENS);
  return {
    strategy: 'whole',
    providerId: target.providerId,
    model: model.model,
    fits: input <= inputRoom(model, request.maxInputTokens),
    chunks: request.documents.map((doc, index) => ({
      index,
      document: doc.sha256,
      start: 0,
      end: textLength(doc),
      pages: doc.pages === null ? [] : doc.pageTexts.map((page) => page.page),
      tokens: documentTokens(doc, model.encoding) - DOCUMENT_TOKENS,
      path: [],
    })),
    coverage: fullCoverage(request.documents),
    estimate: priced(model, input, output, 1),
  };
}

/**
 * Each document cut at its clauses into parts that fit one request with the
 * instructions and the question; each part asked, then the partial answers
 * joined by one more request (in rounds, when even they do not fit one).
 */
export function planMapReduce(request: PlanRequest, outlines?: OutlineCache): Plan {
  const { model } = request.chosen;
  const { encoding } = model;
  const room = inputRoom(model, request.maxInputTokens);
  const mapOverhead = MAP_INSTRUCTION_TOKENS[request.language][encoding] + questionTokens(request.question);
  const budget = room - mapOverhead - PART_FRAMING_ALLOWANCE;
  const chunks: PlannedChunk[] = [];
  for (const doc of request.documents) {
    if (budget <= PAGE_MARKER_TOKENS) break;
    const source = chunkSource(doc, encoding);
    const outline =
      outlines?.get(doc, source.text) ?? buildOutline(source.text, findClauseHeadings(source.text, source.language));
    for (const chunk of chunkDocument(source, budget, outline)) {
      chunks.push({ ...chunk, index: chunks.length, document: doc.sha256 });
    }
  }
  const mapOutput = Math.min(answerReserve(model), MAP_OUTPUT_TOKENS);
  const mapInput = chunks.reduce((sum, chunk) => sum + mapOverhead + partFramingTokens(chunk.path) + chunk.tokens, 0);
  const reduceOverhead = REDUCE_INSTRUCTION_TOKENS[request.language][encoding] + questionTokens(request.question);
  const reduce = reduceRounds(chunks.length, mapOutput + NOTE_FRAMING_TOKENS, room - reduceOverhead);
  return {
    strategy: 'map-reduce',
    providerId: request.chosen.providerId,
    model: model.model,
    fits: budget > PAGE_MARKER_TOKENS && reduce.fits,
    chunks,
    coverage: fullCoverage(request.documents),
    estimate: priced(
      model,
      mapInput + reduce.calls * reduceOverhead + reduce.input,
      chunks.length * mapOutput +
        reduce.intermediateCalls * mapOutput +
        Math.min(answerReserve(model), REDUCE_OUTPUT_TOKENS),
      chunks.length + reduce.calls,
    ),
  };
}

/** A part's notes in the reduce request: `<notes part pages>` around them. */
export const NOTE_FRAMING_TOKENS = 16;

/**
 * The reduce requests for `partials` notes of `each` tokens, when one request
 * holds `budget` tokens of them: one request when they fit, else rounds of
 * groups (each group's answer is a note again) until one does.
 */
export function reduceRounds(partials: number, each: number, budget: number) {
  const perRequest = Math.floor(budget / each);
  if (partials <= 1 || partials <= perRequest) {
    return { calls: 1, intermediateCalls: 0, input: partials * each, fits: perRequest >= 1 || partials === 0 };
  }
  if (perRequest < 2) return { calls: 1, intermediateCalls: 0, input: partials * each, fits: false };
  let calls = 0;
  let input = 0;
  for (let left = partials; ; ) {
    const requests = Math.ceil(left / perRequest);
    calls += requests;
    input += left * each;
    if (requests === 1) return { calls, intermediateCalls: calls - 1, input, fits: true };
    left = requests;
  }
}

/**
 * The passages that bear most on the question, up to what one request holds:
 * one request, priced; its coverage names the pages left out. Never full
 * coverage (when all fits, whole does), so `auto` takes it only when nothing
 * that reads every page fits.
 */
export function planFocused(request: PlanRequest, outlines: OutlineCache = createOutlineCache()): Plan {
  const { model } = request.chosen;
  const room = inputRoom(model, request.maxInputTokens);
  const overhead =
    FOCUSED_INSTRUCTION_TOKENS[request.language][model.encoding] +
    questionTokens(request.question) +
    request.documents.length * DOCUMENT_TOKENS;
  const excerpts = focusedPlanOf(request.documents, request.question, model.encoding, room - overhead, outlines);
  const chunks: PlannedChunk[] = request.documents.flatMap((doc, d) =>
    (excerpts[d] ?? []).map((excerpt) => ({ ...excerpt, document: doc.sha256 })),
  );
  chunks.forEach((chunk, index) => {
    chunk.index = index;
  });
  const input = chunks.reduce((sum, chunk) => sum + excerptFramingTokens(chunk.path) + chunk.tokens, overhead);
  const coverage = fullCoverage(request.documents);
  return {
    strategy: 'focused',
    providerId: request.chosen.providerId,
    model: model.model,
    fits: chunks.length > 0 && input <= room,
    chunks,
    coverage: {
      ...coverage,
      pagesLeftOut: request.documents.flatMap((doc) => {
        if (doc.pages === null) return [];
        const read = new Set(chunks.filter((chunk) => chunk.document === doc.sha256).flatMap((chunk) => chunk.pages));
        const left = doc.pageTexts.map((page) => page.page).filter((page) => !read.has(page));
        return left.length > 0 ? [{ document: doc.sha256, pages: left }] : [];
      }),
      charsSent: chunks.reduce((sum, chunk) => sum + chunk.end - chunk.start, 0),
    },
    estimate: priced(model, input, Math.min(answerReserve(model), REDUCE_OUTPUT_TOKENS), 1),
  };
}

/**
 * Each document's excerpts for the question within `budget` tokens (see
 * focus.ts), each excerpt's framing counted unless `framing` says otherwise.
 */
export function focusedPlanOf(
  documents: readonly DocumentDetail[],
  question: string,
  encoding: Encoding,
  budget: number,
  outlines: OutlineCache,
  framing: (path: readonly string[]) => number = excerptFramingTokens,
): Chunk[][] {
  if (budget <= 0) return documents.map(() => []);
  const sources = documents.map((doc) => {
    const source = chunkSource(doc, encoding);
    return { source, outline: outlines.get(doc, source.text), folded: outlines.folded(doc, source.text) };
  });
  return focusedExcerpts(sources, question, budget, framing);
}

/** Whole, on each other configured model whose window holds the documents. */
export function planLargerModels(request: PlanRequest): Plan[] {
  return (request.others ?? []).map((other) => planWhole(request, other)).filter((plan) => plan.fits);
}

/** Every plan for the question, and the one `strategy` takes, with why. */
export function planQuestion(
  request: PlanRequest,
  strategy: Strategy = 'auto',
  outlines?: OutlineCache,
): { plans: Plan[]; chosen: Plan | null; reason: PlanReason | null } {
  const whole = planWhole(request);
  const plans = [whole];
  if (!whole.fits) {
    plans.push(planMapReduce(request, outlines), planFocused(request, outlines), ...planLargerModels(request));
  }
  if (strategy === 'whole' || strategy === 'fail')
    return { plans, chosen: whole.fits ? whole : null, reason: whole.fits ? 'asked' : null };
  if (strategy === 'map-reduce' || strategy === 'focused') {
    const make = strategy === 'map-reduce' ? planMapReduce : planFocused;
    const asked = plans.find((plan) => plan.strategy === strategy) ?? make(request, outlines);
    if (!plans.includes(asked)) plans.push(asked);
    return { plans, chosen: asked.fits ? asked : null, reason: asked.fits ? 'asked' : null };
  }
  if (whole.fits) return { plans, chosen: whole, reason: 'fits-whole' };
  const cheapestFirst = (a: Plan, b: Plan) => a.estimate.cost - b.estimate.cost || a.estimate.input - b.estimate.input;
  const full = plans.filter((plan) => plan.fits && isFullCoverage(plan)).sort(cheapestFirst);
  if (full[0]) return { plans, chosen: full[0], reason: 'cheapest-full-coverage' };
  // Nothing reads every page within the limits: the plan that reads the most, said to be partial.
  const partial = plans
    .filter((plan) => plan.fits)
    .sort((a, b) => b.coverage.charsSent - a.coverage.charsSent || cheapestFirst(a, b));
  return { plans, chosen: partial[0] ?? null, reason: partial[0] ? 'best-partial' : null };
}

/**
 * What is read of a document once and kept, by SHA-256 (a document's text
 * does not change): its clauses, and its text folded for comparing words
 * (the focused plan's ranking, the citation checker's quotes).
 */
export interface OutlineCache {
  get(doc: Pick<DocumentDetail, 'sha256' | 'language'>, text: string): OutlineNode;
  folded(doc: Pick<DocumentDetail, 'sha256'>, text: string): ComparableText;
}

export function createOutlineCache(limit = 8): OutlineCache {
  const outlines = new Map<string, OutlineNode>();
  const folded = new Map<string, ComparableText>();
  const kept = <T>(cache: Map<string, T>, sha256: string, make: () => T): T => {
    const known = cache.get(sha256);
    if (known) return known;
    const made = make();
    cache.set(sha256, made);
    if (cache.size > limit) cache.delete(cache.keys().next().value as string);
    return made;
  };
  return {
    get: (doc, text) => kept(outlines, doc.sha256, () => buildOutline(text, findClauseHeadings(text, doc.language))),
    folded: (doc, text) => kept(folded, doc.sha256, () => comparable(text, 'folded')),
  };
}

/** The document as the chunker reads it; a page stored before pages were counted gets its share of the total. */
export function chunkSource(doc: DocumentDetail, encoding: Encoding): ChunkSource {
  const share = doc.tokens[encoding] / Math.max(1, doc.chars);
  return {
    text: documentText(doc.pageTexts),
    language: doc.language,
    paged: doc.pages !== null,
    pageMarkerTokens: PAGE_MARKER_TOKENS,
    pages: doc.pageTexts.map((page) => ({
      page: page.page,
      start: page.start,
      length: page.text.length,
      tokens: page.tokens?.[encoding] ?? Math.ceil(page.text.length * share),
    })),
  };
}

/** Whether a plan reads every character of the documents. */
export function isFullCoverage(plan: Pick<Plan, 'coverage'>): boolean {
  return plan.coverage.pagesLeftOut.length === 0 && plan.coverage.charsSent >= plan.coverage.chars;
}

function textLength(doc: DocumentDetail): number {
  const last = doc.pageTexts.at(-1);
  return last ? last.start + last.text.length : 0;
}

function fullCoverage(documents: readonly DocumentDetail[]): Coverage {
  const chars = documents.reduce((sum, doc) => sum + doc.pageTexts.reduce((n, page) => n + page.text.length, 0), 0);
  return {
    pages: documents.reduce((sum, doc) => sum + (doc.pages ?? 0), 0),
    pagesLeftOut: [],
    chars,
    charsSent: chars,
  };
}

function priced(model: ProviderModel, input: number, output: number, calls: number): Plan['estimate'] {
  return { input, output, cost: costOf({ input, cachedInput: 0, output }, model), currency: model.currency, calls };
}
