/** A document that does not say what it must, with where (positions count from 1). */
export class DocumentError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly at: { segmentId?: string; segmentPosition?: number; elementPosition?: number; componentPosition?: number; value?: string; field?: string } = {},
  ) {
    super(message);
    this.name = 'DocumentError';
  }
}

/** An outbound document that cannot be written in the partner's syntax (a value holding a separator, say). */
export class BuildError extends Error {
  constructor(
    message: string,
    readonly field: string,
  ) {
    super(message);
    this.name = 'BuildError';
  }
}
