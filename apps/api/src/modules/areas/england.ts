// England as an area: the root of every authority and the national benchmark.

/** England's ONS code and name. */
export const ENGLAND = { code: 'E92000001', name: 'England' } as const;
