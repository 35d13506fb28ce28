/**
 * Combining factors into a 0–100 score: `100 × (1 − Π(1 − wᵢ·sᵢ))`.
 * Several risks compound, none can push the score past 100, and a factor of 0 adds nothing.
 */
import { FACTORS, type Factor } from "../types.js";

/** Unrounded risk in [0,1]; factors are multiplied in the fixed FACTORS order so the float result never depends on input order. */
export function combineRisk(factors: readonly Pick<Factor, "name" | "score" | "weight">[]): number {
  const ordered = [...factors].sort((a, b) => FACTORS.indexOf(a.name) - FACTORS.indexOf(b.name) || a.score - b.score);
  let keep = 1;
  for (const f of ordered) keep *= 1 - clamp(f.weight) * clamp(f.score);
  return clamp(1 - keep);
}

/** The integer score; rounding through a fixed precision first so 0.4999999 and 0.5 do not flip between runs. */
export function toScore(risk: number): number {
  return Math.round(Number((clamp(risk) * 100).toFixed(6)));
}

export function scoreFactors(factors: readonly Pick<Factor, "name" | "score" | "weight">[]): number {
  return toScore(combineRisk(factors));
}

/**
 * Points of the score each factor accounts for. The compound formula has no additive split, so
 * each factor gets the share of `−log(1 − wᵢsᵢ)` in the total (the order-free attribution), then
 * integer points by largest remainder so the column adds up to the score exactly.
 */
export function attributePoints(factors: readonly Pick<Factor, "name" | "score" | "weight">[]): number[] {
  const total = scoreFactors(factors);
  const logs = factors.map((f) => {
    const risk = clamp(f.weight) * clamp(f.score);
    return risk >= 1 ? Number.POSITIVE_INFINITY : -Math.log1p(-risk);
  });
  const infinite = logs.filter((l) => l === Number.POSITIVE_INFINITY).length;
  const sum = logs.reduce((a, b) => a + (Number.isFinite(b) ? b : 0), 0);
  const exact = logs.map((l) =>
    infinite > 0 ? (l === Number.POSITIVE_INFINITY ? total / infinite : 0) : sum > 0 ? (total * l) / sum : 0,
  );
  const points = exact.map(Math.floor);
  let left = total - points.reduce((a, b) => a + b, 0);
  const byRemainder = exact.map((e, i) => ({ i, r: e - Math.floor(e) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of byRemainder) {
    if (left <= 0) break;
    points[i]! += 1;
    left -= 1;
  }
  return points;
}

export function clamp(value: number): number {
  return Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : 0;
}
