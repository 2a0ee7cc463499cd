// The lessons after "compare" (the twin networks, app.js's own view), by id. Each factory takes
// the scene environment (app.js: engine, t, state(), set(), invalidate()) and returns
//   { id, root, trains, enter(state), leave(), update(state, changedKeys), reset(), train(epochs),
//     render(), epoch(), figures() }
// enter builds the scene's networks (seeded: the same every time), leave frees them; figures()
// are the numbers the scene shows, for playground.get().scene (documented in web/README.md).

import { createActivationsScene } from './activations.js';
import { createCollapseScene } from './collapse.js';
import { createRegressionScene } from './regression.js';
import { createStepScene } from './step.js';
import { createReluScene } from './relu.js';
import { createUniversalScene } from './universal.js';
import { createPcaScene } from './pca.js';
import { createWarpScene } from './warp.js';
import { createSyntheticScene } from './synthetic.js';

export const SCENE_FACTORIES = {
  activations: createActivationsScene,
  collapse: createCollapseScene,
  regression: createRegressionScene,
  step: createStepScene,
  relu: createReluScene,
  universal: createUniversalScene,
  pca: createPcaScene,
  warp: createWarpScene,
  synthetic: createSyntheticScene,
};
