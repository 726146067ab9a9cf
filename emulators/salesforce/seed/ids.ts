import { makeId } from '../ids';

/** Deterministic ids for a seed: the n-th id of the seed, on the org's pod. */
export function createSeedIds(pod: string): (keyPrefix: string) => string {
  let sequence = 0;
  return (keyPrefix) => makeId(keyPrefix, pod, ++sequence);
}
