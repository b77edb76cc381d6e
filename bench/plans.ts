// The long-document issue's planning target: for the 404-page Civil Code, after ingest, the split at its
// clauses, the counts and the price of every plan in at most 300 ms.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPlansService } from '../src/main/plans/plans-service';
import { createServices } from '../src/main/services';
import type { ProviderModel } from '../src/shared/providers';
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

const model = (name: string, contextWindow: number): ProviderModel => ({
  model: name,
  contextWindow,
  currency: 'USD',
  input: 0.6,
  cachedInput: 0.15,
  output: 2.5,
  encoding: 'o200k_base',
  exactTokenizer: false,
  checkedOn: '2026-12-01',
});

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
  } finally {
    services.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  plansBench().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
