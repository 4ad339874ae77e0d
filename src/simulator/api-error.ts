/**
 * A failure that becomes an Opsgenie error envelope `{message, took, requestId, code?, errors?}`.
 * Handlers throw it; the server turns it into the response so every error has the same shape.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly extra: {
      code?: number
      errors?: Record<string, string>
      headers?: Record<string, string>
    } = {},
  ) {
    super(message)
    this.name = 'ApiError'
  }
}

export function unprocessable(errors: Record<string, string>): ApiError {
  return new ApiError(422, 'Request body is not processable. Please check the errors.', { errors })
}

export function notFound(message: string): ApiError {
  return new ApiError(404, message)
}
