// Sounds and confetti, made here (Web Audio tones, coloured squares): no third-party assets.
// All of it stays silent and still when the child (Settings), or a grown-up looking after them
// (the account's `quiet`), turned sounds off; motion also stops under prefers-reduced-motion.
// No AudioContext is made until a sound is allowed and asked for.

import { getState } from "./store.js";

let ctx = null;

/** Whether sounds may play: the child's own switch, and no grown-up's "quiet". */
export function soundsOn() {
  const user = getState().user;
  if (!user) return localStorage.getItem("pt.sounds") !== "off";
  return !user.quiet && user.prefs?.sounds !== false;
}

/** Whether big motion (confetti, page turns) may run. */
export function motionOn() {
  return !matchMedia("(prefers-reduced-motion: reduce)").matches;
}

// Notes as [frequency Hz, start s, length s]; a soft triangle wave, quickly faded.
const TUNES = {
  publish: [[523.25, 0, 0.12], [659.25, 0.12, 0.12], [783.99, 0.24, 0.12], [1046.5, 0.36, 0.3]],
  levelup: [[392, 0, 0.1], [523.25, 0.1, 0.1], [659.25, 0.2, 0.1], [783.99, 0.3, 0.1], [1046.5, 0.4, 0.35]],
  badge: [[880, 0, 0.1], [1174.66, 0.1, 0.25]],
  vote: [[659.25, 0, 0.15], [659.25, 0.25, 0.15], [880, 0.5, 0.3]],
  page: [[1318.5, 0, 0.05]],
  end: [[523.25, 0, 0.15], [392, 0.15, 0.15], [523.25, 0.3, 0.4]],
};

/** Plays one of our short tunes (publish, levelup, badge, vote, page, end), if sounds are on. */
export function play(name) {
  const tune = TUNES[name];
  if (!tune || !soundsOn()) return;
  try {
    ctx ??= new AudioContext();
    if (ctx.state === "suspended") ctx.resume();
    const t0 = ctx.currentTime + 0.02;
    for (const [freq, start, len] of tune) {
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      osc.type = "triangle";
      osc.frequency.value = freq;
      gain.gain.setValueAtTime(0.0001, t0 + start);
      gain.gain.exponentialRampToValueAtTime(0.18, t0 + start + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, t0 + start + len);
      osc.connect(gain).connect(ctx.destination);
      osc.start(t0 + start);
      osc.stop(t0 + start + len + 0.05);
    }
  } catch {
    // No audio on this device: the celebration is still seen.
  }
}

/** Whether this page has made an AudioContext (for tests: sounds off means none). */
export function audioStarted() {
  return ctx !== null;
}

const COLORS = ["#d9480f", "#ffd23f", "#1c7ed6", "#2b8a3e", "#ae3ec9", "#f783ac"];

let lastCelebration = 0;

/** Confetti and a tune: publishing, a new level, a new badge. */
export function celebrate(tune = "publish") {
  // Publishing a first story also earns a badge: one celebration, not two on top of each other.
  if (Date.now() - lastCelebration < 1500) return;
  lastCelebration = Date.now();
  play(tune);
  if (!motionOn()) return;
  const layer = document.createElement("div");
  layer.className = "confetti";
  layer.setAttribute("aria-hidden", "true");
  layer.dataset.test = "confetti";
  for (let i = 0; i < 60; i++) {
    const bit = document.createElement("i");
    bit.style.left = `${Math.random() * 100}%`;
    bit.style.background = COLORS[i % COLORS.length];
    bit.style.animationDelay = `${Math.random() * 0.6}s`;
    bit.style.setProperty("--drift", `${Math.round(Math.random() * 160 - 80)}px`);
    layer.append(bit);
  }
  document.body.append(layer);
  setTimeout(() => layer.remove(), 3200);
}

// Quiet background music: a slow loop of soft notes, only while the child has it on.
let music = null;

/** Starts or stops the background music (Settings' "Music"); off unless asked for. */
export function setMusic(on) {
  if (!on || !soundsOn()) {
    if (music) clearInterval(music);
    music = null;
    return;
  }
  if (music) return;
  const notes = [261.63, 329.63, 392, 329.63, 293.66, 349.23, 440, 349.23];
  let i = 0;
  const step = () => {
    if (!soundsOn()) return setMusic(false);
    try {
      ctx ??= new AudioContext();
      // A context made before any tap starts suspended: notes queued now would all sound at
      // once when it wakes, so this beat is skipped instead.
      if (ctx.state === "suspended") {
        ctx.resume();
        return;
      }
      const t0 = ctx.currentTime + 0.02;
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      osc.type = "sine";
      osc.frequency.value = notes[i++ % notes.length];
      gain.gain.setValueAtTime(0.0001, t0);
      gain.gain.exponentialRampToValueAtTime(0.05, t0 + 0.1);
      gain.gain.exponentialRampToValueAtTime(0.0001, t0 + 0.9);
      osc.connect(gain).connect(ctx.destination);
      osc.start(t0);
      osc.stop(t0 + 1);
    } catch {
      setMusic(false);
    }
  };
  step();
  music = setInterval(step, 1000);
}
