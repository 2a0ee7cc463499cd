// Same seed, same result across builds: the native reference run (tests/native_reference.cpp,
// built to build/native/tests/nlp_reference) repeated through the WASM build.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadEngine } from 'nonlinear-playground';

const binary = fileURLToPath(new URL('../../build/native/tests/nlp_reference', import.meta.url));

test('native and WASM builds agree to 1e-5 after identical training', async () => {
  assert.ok(existsSync(binary), `${binary} is missing: run the build first (npm test does)`);
  const ref = JSON.parse(execFileSync(binary, { encoding: 'utf8' }));
  const engine = await loadEngine();
  const d = engine.dataset(ref.dataset.name, { n: ref.dataset.n, noise: ref.dataset.noise, seed: ref.dataset.seed });
  const net = engine.createNetwork({ layers: ref.network.layers, activation: ref.network.activation,
    outputActivation: ref.network.outputActivation, seed: ref.network.seed });
  const loss = net.fit(d.x, d.y, ref.fit);
  assert.ok(Math.abs(loss - ref.loss) <= 1e-5 * Math.max(1, Math.abs(ref.loss)), `loss ${loss} vs native ${ref.loss}`);
  const params = net.parameters();
  assert.equal(params.length, ref.parameters.length);
  let worstParam = 0;
  params.forEach((p, i) => { worstParam = Math.max(worstParam, Math.abs(p - ref.parameters[i])); });
  const out = net.predict(new Float32Array(ref.grid));
  let worst = 0;
  out.forEach((v, i) => { worst = Math.max(worst, Math.abs(v - ref.predictions[i]) / Math.max(1, Math.abs(ref.predictions[i]))); });
  assert.ok(worst <= 1e-5, `largest prediction difference ${worst}`);
  assert.ok(worstParam <= 1e-5, `largest parameter difference ${worstParam}`);
  net.delete();
});
