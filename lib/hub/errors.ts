// Errors of the Hub client, told apart by what the crawler does with them.

/** A non-success answer the client does not retry (or stopped retrying). */
export class HubHttpError extends Error {
  constructor(
    readonly status: number,
    readonly url: string,
    message: string,
    readonly errorCode?: string,
  ) {
    super(`${status} ${message} (${url})`);
    this.name = 'HubHttpError';
  }
}

/** The repository does not exist or is private: 404 RepoNotFound, or 401 when anonymous. */
export class HubNotFoundError extends HubHttpError {
  constructor(status: number, url: string, message: string) {
    super(status, url, message, 'RepoNotFound');
    this.name = 'HubNotFoundError';
  }
}

/** The token was refused: no later request can succeed, so the crawl stops. */
export class HubAuthError extends HubHttpError {
  constructor(url: string, message: string) {
    super(401, url, message);
    this.name = 'HubAuthError';
  }
}

/** A 200 whose body is not the JSON we asked for (HTML, truncated JSON), after all retries. */
export class HubMalformedResponseError extends Error {
  constructor(
    readonly url: string,
    readonly reason: string,
  ) {
    super(`Malformed response from ${url}: ${reason}`);
    this.name = 'HubMalformedResponseError';
  }
}
