// Our native C++ build, run as a child process per workload:
//   build/native/nlp_bench --workload W1 --seconds 3 --repeat 3 --json
// which prints one JSON line
//   {"workload":"W1","rates":[...],"median":...,"lossBefore":...,"lossAfter":...}
// The binary does its own warm-up, timing, data and initial weights (see its source); this
// peer only runs it and reads that line. It is skipped if the binary does not exist.
import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

// NLP_BENCH_BIN overrides the binary's path (e.g. another build directory).
const bin = process.env.NLP_BENCH_BIN || fileURLToPath(new URL('../../build/native/nlp_bench', import.meta.url));

function runChild(args, timeoutMs) {
  return new Promise((resolve) => {
    const child = spawn(bin, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '', err = '';
    const timer = setTimeout(() => { child.kill('SIGKILL'); err += `\n(killed after ${timeoutMs / 1000} s)`; }, timeoutMs);
    child.stdout.on('data', (d) => { out += d; });
    child.stderr.on('data', (d) => { err += d; });
    child.on('error', (e) => { clearTimeout(timer); resolve({ code: -1, out, err: err + e.message }); });
    child.on('close', (code, signal) => { clearTimeout(timer); resolve({ code: code ?? signal, out, err }); });
  });
}

export default {
  name: 'native',
  external: true,
  description: 'our engine, native C++ build (build/native/nlp_bench), child process',
  binary: bin,
  async setup() {
    if (!fs.existsSync(bin)) throw new Error(`${path.relative(process.cwd(), bin)} not found (build the native bench first)`);
    fs.accessSync(bin, fs.constants.X_OK);
  },
  /** Runs one workload; resolves { rates, median, lossBefore, lossAfter, raw } or throws. */
  async runWorkload(wl, { seconds, repeat }) {
    const args = ['--workload', wl.id, '--seconds', String(seconds), '--repeat', String(repeat), '--json'];
    const timeoutMs = Math.max(60, 10 * (seconds * repeat + 5)) * 1000;
    const r = await runChild(args, timeoutMs);
    const lines = r.out.split('\n').map((s) => s.trim()).filter((s) => s.startsWith('{'));
    let parsed = null;
    for (let i = lines.length - 1; i >= 0 && !parsed; i--) {
      try { parsed = JSON.parse(lines[i]); } catch { /* not JSON */ }
    }
    if (r.code !== 0 || !parsed) {
      const msg = (r.err || r.out).trim().split('\n').slice(-3).join(' | ');
      throw new Error(`nlp_bench ${args.join(' ')} exited ${r.code}${msg ? ': ' + msg : ''}`);
    }
    if (!Array.isArray(parsed.rates) || typeof parsed.median !== 'number') {
      throw new Error(`unexpected nlp_bench output: ${lines[lines.length - 1].slice(0, 200)}`);
    }
    return { ...parsed, command: `${path.relative(process.cwd(), bin)} ${args.join(' ')}` };
  },
};
