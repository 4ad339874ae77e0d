/**
 * A JSM failure: the server renders it as `{errors:[{title, code}]}` (the API description's
 * `ErrorResponses`), or as `{code, message}` for a 401 (`UnauthorizedErrorResponse`).
 */
export class JsmApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code: string = codeOf(status),
    readonly headers: Record<string, string> = {},
  ) {
    super(message)
    this.name = 'JsmApiError'
  }
}

function codeOf(status: number): string {
  switch (status) {
    case 400:
    case 422:
      return 'BAD_REQUEST'
    case 403:
      return 'FORBIDDEN_OPERATION'
    case 404:
      return 'NOT_FOUND'
    case 429:
      return 'TOO_MANY_REQUESTS'
    default:
      return status >= 500 ? 'INTERNAL_SERVER_ERROR' : 'BAD_REQUEST'
  }
}
