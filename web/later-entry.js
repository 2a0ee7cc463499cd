// The entry of dist/nlp-later.js (web/later.js says when and how it loads): the views of the
// lessons after the first (each { create, strings }), the first lesson's network diagrams and
// own-data panel with its strings, and the Share panel. scripts/build-web.mjs bundles it with every module
// the page's own script already holds taken from the page (self.__nlpModules), not copied.

import { registerLater } from './later.js';
import { createSharePanel } from './share.js';
import { createDiagram, DIAGRAM_STRINGS } from './network-diagram.js';
import { createOwnData, OWN_TABLE } from './owndata.js';
import { bilingual } from './i18n.js';
import activations from './scenes/views/activations.js';
import collapse from './scenes/views/collapse.js';
import squashing from './scenes/views/squashing.js';
import regression from './scenes/views/regression.js';
import step from './scenes/views/step.js';
import relu from './scenes/views/relu.js';
import universal from './scenes/views/universal.js';
import pca from './scenes/views/pca.js';
import warp from './scenes/views/warp.js';
import synthetic from './scenes/views/synthetic.js';

registerLater({
  views: { activations, collapse, squashing, regression, step, relu, universal, pca, warp, synthetic },
  strings: { compare: bilingual({ own: OWN_TABLE }) },
  ui: bilingual({ diagram: DIAGRAM_STRINGS }),
  createSharePanel,
  createDiagram,
  createOwnData,
});
