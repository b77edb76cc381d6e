// Run by batch-crash.test.ts in a child process, which kills it with SIGKILL halfway through a batch job and then
// starts it again: real services on a real database file, asking the provider test server. With BATCH_JOB_ID set
// it resumes that job, as the app does at start; without, it starts one on every document of the data dir.

import { createServices } from '../../services';
import { QUESTIONS } from './batch-fixtures';

async function main(): Promise<void> {
  const dataDir = process.env.BATCH_DATA_DIR ?? '';
  const services = createServices({ dataDir, locale: 'en-US', appVersion: 'batch-crash-test' });
  const resumeId = process.env.BATCH_JOB_ID;
  const report = setInterval(() => {
    const id = resumeId ?? started;
    if (!id) return;
    const state = services.batch.state(id);
    process.stdout.write(`${JSON.stringify({ jobId: id, done: state.done, status: state.status })}\n`);
  }, 50);
  let started: string | undefined;
  if (resumeId) {
    services.batch.resumeRunning();
  } else {
    const documentIds = services.documents.list().map((doc) => doc.sha256);
    started = services.batch.start({
      name: 'Crash',
      documentIds,
      questions: QUESTIONS,
      providerId: 'local',
      model: 'test-model',
      concurrency: 2,
    }).id;
  }
  const ended = await services.batch.finished(resumeId ?? (started as string));
  clearInterval(report);
  process.stdout.write(`${JSON.stringify({ jobId: ended.id, done: ended.done, status: ended.status, ended: true })}\n`);
  services.close();
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
