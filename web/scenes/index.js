// The lessons: each module of this directory declares one (its default export), and this list is
// the only place that names them. A declaration is
//   { id, order, keys, controls, figures, embedFigures, strings: { en, zh }, create(env), ledeTitle? }
//   keys      URL keys with defaults and parsers (web/keys.js); state.js derives the state from them
//   controls  every control the lesson shows (web/controls.js), by the key it sets
//   figures   the names of figures(): the numbers it shows, for playground.get().scene
//   embedFigures  selectors of its key figures and numbers: in embed mode (embed=1) they fit in
//             a 900x600 and a 640x480 frame without scrolling (tests/browser/course.test.mjs)
//   strings   its text, English and Chinese (bilingual() in i18n.js): t('scenes.<id>.<key>');
//             title is required (the lesson picker); text (the lede) too, and idleHint if it
//             trains nothing (trains: false), here for the first lesson, in the view's strings
//             for the others (shown only with the view)
//   ledeTitle false: the lede shows the text without the title (the page's title asks it)
// create(env) builds the lesson's view and returns an instance (app.js is the host). Only the first
// lesson declares it here; the others' are web/scenes/views/<id>.js, loaded after the first frame
// (web/later.js), and viewOf(id) finds either:
//   { id, root, trains, toolbar?, enter(state), leave(), update(state, changedKeys, { announce }),
//     reset() -> notice text?, train(epochs), render(), epoch(), figures(),
//     networks()?, weights()?, perf()?, perfText(fps)?,
//     complete()? (false while it leaves out of its frames what is still to come) }
// env: { engine, t, state(), set(partial), invalidate(), notify(text) }. enter builds the
// lesson's networks (seeded: the same every time) unless it keeps them, leave frees them.
// Adding a lesson: web/README.md, "Adding a lesson".

import { addLessonStrings } from '../i18n.js';
import { laterParts } from '../later.js';
import compare from './compare.js';
import activations from './activations.js';
import collapse from './collapse.js';
import regression from './regression.js';
import step from './step.js';
import relu from './relu.js';
import universal from './universal.js';
import pca from './pca.js';
import warp from './warp.js';
import synthetic from './synthetic.js';
import squashing from './squashing.js';

/** Every lesson's declaration, in reading order. */
export const LESSONS = Object.freeze([compare, activations, collapse, squashing, regression, step, relu, universal, pca, warp, synthetic]
  .sort((a, b) => a.order - b.order));

addLessonStrings(LESSONS);

export const lessonById = (id) => LESSONS.find((s) => s.id === id);

/** Lesson `id`'s create(env): its declaration's, or its view's once web/later.js has it; else null. */
export const viewOf = (id) => lessonById(id)?.create ?? laterParts()?.views[id]?.create ?? null;
