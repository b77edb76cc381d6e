// The long-document issue's planning target: for the 404-page Civil Code, after ingest, the split at its
// clauses, the counts and the price of every plan in at most 300 ms.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCitationChecker } from '../src/main/citations/citation-checker';
import { countVerdicts } from '../src/main/citations/verify-citations';
import { testModel } from '../src/main/llm/testing/provider-test-server';
import { createOutlineCache } from '../src/main/plans/plan-question';
import { createPlansService } from '../src/main/plans/plans-service';
import { CUAD_BUDGET_SHARE, measureCuadRecall } from '../src/main/plans/testing/cuad-recall';
import { createServices } from '../src/main/services';
import { measure, report } from './harness';

const CIVIL_CODE = join(
  __dirname,
  '..',
  '..',
  'shared',
  'data',
  'contracts-vi',
  'bo-luat-dan-su-2015_phap-dien-9.1_full.pdf',
);
const TARGET_MS = 300;

const model = (name: string, contextWindow: number) => testModel({ model: name, contextWindow });

export async function plansBench(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'lexdesk-bench-plans-'));
  const services = createServices({ dataDir, locale: 'vi-VN', appVersion: 'bench' });
  try {
    const { fileId } = services.documents.handOver(CIVIL_CODE);
    const doc = await services.documents.ingest({ ingestId: 'bench', fileId });
    services.providers.save({
      id: 'bench',
      kind: 'openai',
      name: 'Bench',
      baseUrl: 'http://127.0.0.1:9/v1',
      models: [model('local-8k', 8_192), model('local-32k', 32_768), model('long-128k', 131_072)],
    });
    const question = 'Điều khoản nào quy định về bồi thường thiệt hại do vi phạm hợp đồng?';
    const ask = (plans: { plan: typeof services.plans.plan }, name: string) =>
      plans.plan({ documentIds: [doc.sha256], providerId: 'bench', model: name, question });
    const fresh = () =>
      createPlansService({ documents: services.documents, providers: services.providers, language: () => 'vi' });

    const baseline = await measure("the document's stored pages read back (documents.get)", () =>
      services.documents.get(doc.sha256),
    );
    const cold8 = await measure('every plan on an 8K model, first time (clauses read, split, priced)', () =>
      ask(fresh(), 'local-8k'),
    );
    const cold32 = await measure('every plan on a 32K model, first time', () => ask(fresh(), 'local-32k'));
    const warm = createPlansService({
      documents: services.documents,
      providers: services.providers,
      language: () => 'vi',
    });
    const warm32 = await measure('every plan on a 32K model, its clauses already read', () => ask(warm, 'local-32k'));
    const planned = ask(warm, 'local-32k');
    report(
      `Plans for the 404-page Civil Code (${doc.tokens.o200k_base.toLocaleString('en')} o200k tokens; target ≤ ${TARGET_MS} ms)`,
      baseline,
      [cold8, cold32, warm32],
    );
    const worst = Math.max(cold8.medianMs, cold32.medianMs);
    console.log(
      `  32K: ${planned.chosen?.strategy} in ${planned.chosen?.chunks.length} parts, ≈ ${planned.chosen?.estimate.input.toLocaleString('en')} input tokens; slowest case ${worst.toFixed(0)} ms: ${worst <= TARGET_MS ? 'within' : 'OVER'} the target`,
    );
    await verifyBench(services, doc.sha256);
    await focusRecall();
  } finally {
    services.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * The verifier's target: an answer with 50 citations on the Civil Code checked in at most 50 ms. Its quotes
 * are real sentences, some reflowed, some without diacritics, some invented, as models write them.
 */
async function verifyBench(services: ReturnType<typeof createServices>, sha256: string): Promise<void> {
  const detail = services.documents.get(sha256);
  const sentences = detail.pageTexts.flatMap((page) =>
    [...page.text.matchAll(/(?<=\n)[^.;:\n]{60,160}[.;]/gu)].slice(0, 1).map((m) => ({ page: page.page, text: m[0] })),
  );
  const picked = sentences.filter((_, i) => i % Math.floor(sentences.length / 50) === 0).slice(0, 50);
  const answer = picked
    .map(({ page, text }, i) => {
      const quote =
        i % 5 === 1
          ? text.replace(/ /g, '  ')
          : i % 5 === 2
            ? text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd')
            : i % 5 === 3
              ? `Bên bán được miễn trách nhiệm trong trường hợp số ${i}`
              : text;
      return `- “${quote}” [tr. ${page}, Điều 9.1.LQ.${i + 1}]`;
    })
    .join('\n');
  const baseline = await measure('find the 50 quotes with indexOf in the stored text', () => {
    const text = detail.pageTexts.map((page) => page.text).join('\n\n');
    for (const { text: quote } of picked) text.indexOf(quote);
  });
  const cold = await measure('check 50 citations, the document read for the first time', () => {
    const checker = createCitationChecker({ documents: services.documents, outlines: createOutlineCache() });
    checker.check(answer, [sha256]);
  });
  const checker = createCitationChecker({ documents: services.documents, outlines: createOutlineCache() });
  checker.prepare(sha256);
  const warm = await measure(
    'check 50 citations, the document already read (after its plans or an earlier answer)',
    () => checker.check(answer, [sha256]),
  );
  const counts = countVerdicts(checker.check(answer, [sha256]));
  report(`Citations checked against the Civil Code (${picked.length} citations; target ≤ 50 ms)`, baseline, [
    cold,
    warm,
  ]);
  console.log(
    `  verdicts: ${JSON.stringify(counts)}; warm ${warm.medianMs.toFixed(1)} ms: ${warm.medianMs <= 50 ? 'within' : 'OVER'} the target`,
  );
}

/**
 * The focused plan's target: on the CUAD contracts with gold answers, for CUAD's 41 category questions, the
 * passages chosen at a quarter of each contract's tokens hold at least 90% of the gold clause spans. A measure of
 * quality, not of time: printed per category, with the total against the target.
 */
async function focusRecall(): Promise<void> {
  const recall = await measureCuadRecall();
  const percent = (held: number, of: number) => `${((100 * held) / Math.max(1, of)).toFixed(1)}%`;
  console.log(
    `\nFocused plan on CUAD (${recall.contracts} contracts, 41 category questions, budget ${CUAD_BUDGET_SHARE * 100}% of each contract's tokens; target ≥ 90% of gold spans held)`,
  );
  for (const category of recall.byCategory) {
    if (category.spans === 0) continue;
    console.log(
      `  ${category.category.padEnd(36)} ${String(category.held).padStart(3)}/${String(category.spans).padEnd(3)} ${percent(category.held, category.spans)}`,
    );
  }
  const share = recall.held / Math.max(1, recall.spans);
  console.log(
    `  all: ${recall.held}/${recall.spans} spans held, ${percent(recall.held, recall.spans)}: ${share >= 0.9 ? 'within' : 'UNDER'} the target; text sent ${percent(recall.tokensSent, recall.tokensBudget)} of the budget; categories with no gold span in these contracts: ${recall.byCategory.filter((c) => c.spans === 0).length}`,
  );
}

if (require.main === module) {
  plansBench().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
