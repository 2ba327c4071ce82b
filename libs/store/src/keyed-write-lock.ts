/**
 * Serialises the writes of one process to each document. FerretDB v1 applies an update as a read, a change in
 * memory and a write of the whole document, without comparing what it read: two updates of one document in
 * flight at once can lose one of them. Every write to a case document goes through here, keyed by its id, and
 * only one process (the node API) writes case documents, so the version guard of each update holds.
 */
export class KeyedWriteLock {
  private readonly tails = new Map<string, Promise<unknown>>();

  async run<T>(key: string, write: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const current = previous.then(write, write);
    const tail = current.catch(() => undefined);
    this.tails.set(key, tail);
    try {
      return await current;
    } finally {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    }
  }
}
