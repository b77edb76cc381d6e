// What a start costs: the CLI as fresh processes against a bare `node -e 0`
// in the same run; the shell's module loading, from its first line to its
// first window under the Electron stand-in; the size of the preload.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { measure, report } from './harness';

const root = resolve(__dirname, '..');
const cli = join(root, 'bin', 'lexdesk.js');
const RUNS = 7;

export async function startBench(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'lexdesk-bench-start-'));
  const env = { ...process.env, LEXDESK_DATA_DIR: dataDir };
  try {
    // The data dir exists and is migrated before the timed runs, as on a machine that has used LexDesk.
    execFileSync(process.execPath, [cli, 'settings', 'get'], { env });
    const node = (args: string[]) => () => execFileSync(process.execPath, args, { env, stdio: 'pipe' });
    const baseline = await measure('node -e 0, a fresh process', node(['-e', '0']), { runs: RUNS });
    report('Start-up of the CLI, fresh processes (targets: --help ≤ 3x, settings get ≤ 5x)', baseline, [
      await measure('lexdesk --help', node([cli, '--help']), { runs: RUNS }),
      await measure('lexdesk settings get', node([cli, 'settings', 'get']), { runs: RUNS }),
    ]);

    const shell: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const printed = execFileSync(process.execPath, [join(__dirname, 'shell-start-child.cjs')], {
        env,
        encoding: 'utf8',
      });
      shell.push(Number(printed.trim()));
    }
    shell.sort((a, b) => a - b);
    console.log('\nThe shell (out/main/index.js) under the Electron stand-in, fresh processes (target ≤ 150 ms)');
    console.log(
      `  first line to new BrowserWindow: ${shell[Math.floor(RUNS / 2)]?.toFixed(1)} ms (median of ${RUNS}; ${shell[0]?.toFixed(1)}–${shell.at(-1)?.toFixed(1)})`,
    );

    const preload = join(root, 'out', 'preload', 'index.js');
    const requires = [...readFileSync(preload, 'utf8').matchAll(/require\("([^"]+)"\)/g)].map((match) => match[1]);
    console.log('\nThe preload (out/preload/index.js)');
    console.log(
      `  ${statSync(preload).size.toLocaleString('en')} bytes; requires: ${requires.join(', ') || 'nothing'}`,
    );
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
