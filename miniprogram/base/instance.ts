/**
 * What a page keeps per instance outside `data`, so it never goes through setData (retry keys,
 * timers, the last answer): `const own = instanceState(() => ({ ... }))`, then `own(this)` in any
 * method. Typed, made on first use, dropped with the instance.
 */
export function instanceState<T>(make: () => T): (page: object) => T {
  const states = new WeakMap<object, T>();
  return (page) => {
    let state = states.get(page);
    if (state === undefined) {
      state = make();
      states.set(page, state);
    }
    return state;
  };
}
