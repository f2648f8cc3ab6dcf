/**
 * A small wrapper over localStorage that never throws: private browsing, a full disk or a
 * blocked store turn into a plain "could not save" that the app reports once, and play goes on.
 * Everything stays on this device.
 */
export interface KeyValueStore {
  get(key: string): string | null;
  set(key: string, value: string): boolean;
  remove(key: string): void;
  keys(): string[];
  /** False when nothing can be kept (the app then says so once). */
  readonly available: boolean;
}

export function browserStore(prefix = 'careplay:'): KeyValueStore {
  let storage: Storage | null = null;
  try {
    storage = window.localStorage;
    const probe = `${prefix}probe`;
    storage.setItem(probe, '1');
    storage.removeItem(probe);
  } catch {
    storage = null;
  }
  const memory = new Map<string, string>();
  return {
    available: storage !== null,
    get(key) {
      try {
        return storage ? storage.getItem(prefix + key) : (memory.get(key) ?? null);
      } catch {
        return memory.get(key) ?? null;
      }
    },
    set(key, value) {
      // A copy in memory only for what the browser would not keep: a copy of everything saved
      // would grow with every attempt for as long as the page is open (npm run bench: heap).
      if (!storage) {
        memory.set(key, value);
        return false;
      }
      try {
        storage.setItem(prefix + key, value);
        memory.delete(key);
        return true;
      } catch {
        memory.set(key, value);
        return false;
      }
    },
    remove(key) {
      memory.delete(key);
      try {
        storage?.removeItem(prefix + key);
      } catch {
        /* nothing to keep */
      }
    },
    keys() {
      const out = new Set(memory.keys());
      try {
        if (storage) {
          for (let i = 0; i < storage.length; i++) {
            const k = storage.key(i);
            if (k?.startsWith(prefix)) out.add(k.slice(prefix.length));
          }
        }
      } catch {
        /* memory only */
      }
      return [...out];
    },
  };
}

/** An in-memory store, for tests and for a "shared computer" session that keeps nothing. */
export function memoryStore(): KeyValueStore {
  const memory = new Map<string, string>();
  return {
    available: true,
    get: (key) => memory.get(key) ?? null,
    set: (key, value) => (memory.set(key, value), true),
    remove: (key) => void memory.delete(key),
    keys: () => [...memory.keys()],
  };
}
