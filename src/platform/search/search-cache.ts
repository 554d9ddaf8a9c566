/**
 * Search answers kept in memory, per process, for as long as what they search does not change:
 * each request reads the searched data's generation (a counter the database moves on every write
 * to what search reads; requests that arrive together share one read) and the cache empties when
 * it moved. The same search asked by many at once is computed once. Least recently used answers go
 * first when the cache is full.
 */
export class SearchCache {
  private generation: string | null = null;
  private readonly answers = new Map<string, Promise<unknown>>();
  private generationRead: Promise<string> | null = null;

  constructor(
    private readonly readGeneration: () => Promise<string>,
    private readonly capacity = 500,
  ) {}

  async get<T>(key: string, compute: () => Promise<T>): Promise<T> {
    if (this.capacity === 0) return compute();
    const generation = await this.currentGeneration();
    if (generation !== this.generation) {
      this.answers.clear();
      this.generation = generation;
    }
    const known = this.answers.get(key);
    if (known) {
      this.answers.delete(key);
      this.answers.set(key, known);
      return known as Promise<T>;
    }
    const answer = compute();
    this.answers.set(key, answer);
    answer.catch(() => this.answers.delete(key));
    if (this.answers.size > this.capacity) this.answers.delete(this.answers.keys().next().value!);
    return answer;
  }

  /**
   * The data's generation. Requests that arrive while it is being read share that read, so a busy
   * server asks the database once per round trip instead of once per request.
   */
  private currentGeneration(): Promise<string> {
    this.generationRead ??= this.readGeneration().finally(() => {
      this.generationRead = null;
    });
    return this.generationRead;
  }
}
