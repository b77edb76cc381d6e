// Run by crash-safety.test.ts in a child process, which it then kills with
// SIGKILL mid-answer: real services on a real database file, streaming from
// the provider test server.
import { providerPresets } from '../../shared/provider-presets';
import { createServices } from '../services';

async function main(): Promise<void> {
  const dataDir = process.env.CRASH_DATA_DIR ?? '';
  const baseUrl = process.env.CRASH_BASE_URL ?? '';
  const services = createServices({ dataDir, locale: 'vi-VN', appVersion: 'crash-test' });
  const custom = providerPresets.find((p) => p.id === 'custom');
  if (!custom) throw new Error('no custom preset');
  services.providers.save({ ...custom, baseUrl });
  const doc = await services.documents.ingest({
    ingestId: 'crash',
    name: 'hop-dong.txt',
    bytes: new TextEncoder().encode('Điều 8. Phạt vi phạm 8%.'),
  });
  const started = services.ask.start({
    documentIds: [doc.sha256],
    providerId: 'custom',
    model: custom.models[0]?.model ?? '',
    question: 'Phạt vi phạm?',
  });
  process.stdout.write(`${JSON.stringify({ answerId: started.answerId })}\n`);
  // Tell the parent once a flush has put text in the database; it kills us then.
  const poll = setInterval(() => {
    const row = services.db.prepare('SELECT length(text) AS n FROM answers WHERE id = ?').get(started.answerId) as {
      n: number;
    };
    if (row.n > 0) {
      clearInterval(poll);
      process.stdout.write(`${JSON.stringify({ flushed: row.n })}\n`);
    }
  }, 50);
  await started.finished;
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
