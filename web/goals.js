// Exercises: the `goal` key holds conditions separated by ';', each <target><op><number>:
//   net1.<metric> / net2.<metric>   metric: trainLoss, testLoss, trainAccuracy, testAccuracy, epoch
//                                   (accuracies as fractions 0..1), in a lesson with two networks
//   scene.<figure>                  any numeric figure the lesson reports in get().scene
//   op: <, <=, >, >=
// Parsing, reading a goal's value, the panel that shows the goals with their live status, and
// the xAPI statement sent when one is met.

import { t } from './i18n.js';

const CONDITION = /^\s*([A-Za-z][\w.]*)\s*(<=|>=|<|>)\s*([-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)\s*$/;
const NET_TARGET = /^net([12])\.(trainLoss|testLoss|trainAccuracy|testAccuracy|epoch)$/;
const SCENE_TARGET = /^scene\.(\w+)$/;
const OPS = { '<': (a, b) => a < b, '<=': (a, b) => a <= b, '>': (a, b) => a > b, '>=': (a, b) => a >= b };

/** { goals: [{ source, target, net?, metric?, figure?, op, value }], invalid: [source] } */
export function parseGoals(text) {
  const goals = [], invalid = [];
  for (const part of String(text ?? '').split(';')) {
    const source = part.trim();
    if (!source) continue;
    const m = CONDITION.exec(source);
    const net = m && NET_TARGET.exec(m[1]);
    const scene = m && SCENE_TARGET.exec(m[1]);
    if (!m || (!net && !scene) || !Number.isFinite(Number(m[3]))) { invalid.push(source); continue; }
    const goal = { source: `${m[1]}${m[2]}${m[3]}`, target: m[1], op: m[2], value: Number(m[3]) };
    if (net) Object.assign(goal, { net: Number(net[1]) - 1, metric: net[2] });
    else goal.figure = scene[1];
    goals.push(goal);
  }
  return { goals, invalid };
}

/** The goal's current value in a lesson ({ networks, scene } as get() returns them), or undefined. */
export function readGoal(goal, { networks, scene }) {
  const v = goal.figure !== undefined ? scene?.[goal.figure] : networks?.[goal.net]?.[goal.metric];
  return typeof v === 'number' ? v : undefined;
}

export const goalMet = (goal, v) => v !== undefined && Number.isFinite(v) && OPS[goal.op](v, goal.value);

/**
 * The xAPI statement for a met goal (https://github.com/adlnet/xAPI-Spec): verb "completed",
 * success, the page's URL with its hash as the activity. The actor is the host's to fill in
 * (the page does not know who the student is).
 */
export function goalStatement(goal, { url, goalText, lang, value }) {
  const locale = lang === 'zh' ? 'zh-CN' : 'en-US';
  return {
    actor: { objectType: 'Agent', name: 'anonymous', account: { homePage: 'urn:nonlinear-playground', name: 'anonymous' } },
    verb: { id: 'http://adlnet.gov/expapi/verbs/completed', display: { 'en-US': 'completed' } },
    object: {
      objectType: 'Activity',
      id: url,
      definition: {
        type: 'http://adlnet.gov/expapi/activities/interaction',
        name: { [locale]: goalText || goal.source },
        description: { 'en-US': goal.source },
      },
    },
    result: { success: true, completion: true, extensions: { 'urn:nonlinear-playground:goal-value': value } },
    timestamp: new Date().toISOString(),
  };
}

/** A goal as the page shows it: "Network 2 · Test accuracy ≥ 0.95". */
export function goalLabel(g) {
  const target = g.figure !== undefined ? g.figure : `${t('networkN', { n: g.net + 1 })} · ${t(g.metric)}`;
  return `${target} ${g.op.replace('<=', '≤').replace('>=', '≥')} ${g.value}`;
}

/**
 * The goal panel in `root`: sync(state, () => numbers) rebuilds it when the goals, their text, the
 * language or the lesson change (a goal the lesson cannot measure is as invalid as a malformed
 * one, and warn() names it); check(numbers), while `active`, updates each goal's value and calls met(goal, value,
 * label) the first time it holds. numbers: { networks, scene } of the current lesson.
 */
export function createGoalPanel(root, { warn, met }) {
  let goals = [], items = [], source = null;
  const done = new Set();
  return {
    /** Whether there is any goal to check (the lesson's numbers are read only then). */
    get active() { return items.length > 0; },
    sync(state, numbers) {
      if (source !== state.goal) done.clear();
      source = state.goal;
      const parsed = parseGoals(state.goal);
      // the lesson's numbers are read only if there is a goal
      const nums = parsed.goals.length ? numbers() : null;
      goals = parsed.goals.filter((g) => readGoal(g, nums) !== undefined);
      const invalid = [...parsed.invalid, ...parsed.goals.filter((g) => !goals.includes(g)).map((g) => g.source)];
      for (const v of invalid) warn(t('noticeGoal', { value: v.length > 60 ? `${v.slice(0, 60)}…` : v }));
      items = goals.map((goal) => {
        const li = document.createElement('li');
        const mark = document.createElement('span'), label = document.createElement('span'), value = document.createElement('b');
        mark.className = 'goal-mark';
        mark.setAttribute('aria-hidden', 'true');
        li.append(mark, label, ' ', value);
        return { goal, li, label, value };
      });
      const head = document.createElement('p');
      head.className = 'goal-text';
      head.textContent = state.goalText || t('goals');
      const list = document.createElement('ul');
      list.append(...items.map((x) => x.li));
      root.replaceChildren(head, list);
      root.hidden = goals.length === 0 && !state.goalText;
    },
    check(numbers) {
      for (const { goal, li, label, value } of items) {
        const v = readGoal(goal, numbers), text = goalLabel(goal);
        if (!done.has(goal.source) && goalMet(goal, v)) {
          done.add(goal.source);
          met(goal, v, text);
        }
        li.classList.toggle('met', done.has(goal.source));
        if (label.textContent !== text) label.textContent = text;
        const shown = v === undefined ? '—' : `(${+v.toPrecision(4)})`;
        if (value.textContent !== shown) value.textContent = shown;
      }
    },
  };
}
