/** A request to Peloton's API that failed for good (after any retries). */
export class PelotonRequestError extends Error {
  override name = "PelotonRequestError";
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

/** Peloton answered 404: the class (or instructor) is not, or no longer, in the catalogue. */
export class PelotonNotFoundError extends PelotonRequestError {
  override name = "PelotonNotFoundError";
}

/** A response that is not the JSON shape we rely on: the message names what was read and the field. */
export class MalformedResponseError extends Error {
  override name = "MalformedResponseError";
}
