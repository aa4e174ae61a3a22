// Grouping helpers of the summaries (figures per nation, region and TI).

/** Items grouped by key, in first-seen order; items whose key is null or empty are left out. */
export function groupBy<T>(list: readonly T[], key: (item: T) => string | null): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of list) {
    const k = key(item);
    if (k === null || k === '') continue;
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/** Each group mapped to a value, as an object whose keys are sorted. */
export const mapValues = <T, U>(groups: Map<string, T[]>, f: (items: T[]) => U): Record<string, U> =>
  Object.fromEntries([...groups].sort(([a], [b]) => a.localeCompare(b)).map(([k, items]) => [k, f(items)]));
