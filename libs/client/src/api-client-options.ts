/** Where an API is and who calls it: what both clients take. */
export interface ApiClientOptions {
  /**
   * The API's root, up to and including `/api/v1` (`https://node.example/api/v1`); in a browser it may be a path of
   * the page's own origin (the console's `/nodes/CO/api/v1`).
   */
  readonly baseUrl: string;
  /** The bearer token of the caller; without it, only the operations that need none answer (token, health). */
  readonly token?: string;
  /** Another fetch (a test's, or one with the country's TLS settings); the global one otherwise. */
  readonly fetch?: (request: Request) => Promise<Response>;
}
