// Structural equality for answers, so a confirmed prefill (same value, keys in any order) is told apart from a change.
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, index) => deepEqual(item, b[index]));
  }
  if (a && b && typeof a === "object" && typeof b === "object") {
    const entriesA = Object.entries(a).filter(([, value]) => value !== undefined);
    const entriesB = Object.entries(b).filter(([, value]) => value !== undefined);
    if (entriesA.length !== entriesB.length) return false;
    const mapB = new Map(entriesB);
    return entriesA.every(([key, value]) => mapB.has(key) && deepEqual(value, mapB.get(key)));
  }
  return false;
}
