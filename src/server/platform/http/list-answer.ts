// The answers of list routes: every item (`total`, `demo`, `items`), or one page of them (`total`,
// `offset`, `limit`, the module's totals, `demo`, `items`). `demo` says whether one item is
// demonstration data, so that the web shows « Données de démonstration ».

export function listAnswer<T extends { demo: boolean }, R>(list: readonly T[], present: (item: T) => R) {
  return {
    total: list.length,
    demo: list.some((item) => item.demo),
    items: list.map((item) => present(item)),
  };
}

/** `list` is the whole filtered (and sorted) list; `extra` sits between `limit` and `demo`. */
export function pageAnswer<T extends { demo: boolean }, R, E extends object = object>(
  list: readonly T[],
  page: { offset: number; limit: number },
  present: (item: T) => R,
  extra?: E,
) {
  return {
    total: list.length,
    offset: page.offset,
    limit: page.limit,
    ...extra,
    demo: list.some((item) => item.demo),
    items: list.slice(page.offset, page.offset + page.limit).map((item) => present(item)),
  };
}
