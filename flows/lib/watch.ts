// A proxy that notes which keys of an object are read: how the designers' pages say what a rule looks at,
// and how the once-only count tells which data items came from what the person typed.

/** `target`, wrapped so every top-level key read (or tested with `in`) is added to `reads`. */
export function watched<T extends object>(target: T, reads: Set<string>): T {
  return new Proxy(target, {
    get(object, key, receiver) {
      if (typeof key === "string") reads.add(key);
      return Reflect.get(object, key, receiver);
    },
    has(object, key) {
      if (typeof key === "string") reads.add(key);
      return Reflect.has(object, key);
    },
  });
}
