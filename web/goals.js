// Exercises: the `goal` key holds conditions separated by ';', each <target><op><number>:
//   net1.<metric> / net2.<metric>   metric: trainLoss, testLoss, trainAccuracy, testAccuracy, epoch
//                                   (accuracies as fractions 0..1), in a lesson with two networks
//   scene.<figure>                  any numeric figure the lesson reports in get().scene
//   op: <, <=, >, >=
// No DOM here: parsing, reading a goal's value, and the xAPI statement sent when one is met.

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
