// Typed errors the domain throws; the HTTP boundary maps a code to a status and a JSON body.
export type ErrorCode =
  | 'invalid_json'
  | 'invalid_request'
  | 'payload_too_large'
  | 'not_found'
  | 'origin_not_allowed'
  | 'host_not_allowed'
  | 'method_not_allowed'
  | 'unsupported_media_type'
  | 'rate_limited'
  | 'overloaded'
  | 'request_timeout'
  | 'feedback_unavailable'
  | 'store_unavailable'
  | 'document_not_found'
  | 'index_missing'
  | 'index_incompatible'
  | 'index_damaged'
  | 'unsupported_document'
  | 'corpus_empty'
  | 'collections_invalid'
  | 'session_invalid'
  | 'export_stale'
  | 'sign_in_unavailable'
  | 'internal_error';

const STATUS: Record<ErrorCode, number> = {
  invalid_json: 400,
  invalid_request: 400,
  payload_too_large: 413,
  not_found: 404,
  origin_not_allowed: 403,
  host_not_allowed: 421,
  method_not_allowed: 405,
  unsupported_media_type: 415,
  rate_limited: 429,
  overloaded: 503,
  request_timeout: 503,
  feedback_unavailable: 503,
  store_unavailable: 503,
  document_not_found: 404,
  index_missing: 503,
  index_incompatible: 503,
  index_damaged: 503,
  unsupported_document: 422,
  corpus_empty: 422,
  collections_invalid: 422,
  session_invalid: 401,
  export_stale: 409,
  sign_in_unavailable: 503,
  internal_error: 500,
};

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'AppError';
    this.code = code;
    this.status = STATUS[code];
  }
}

export interface ErrorBody {
  error: { code: ErrorCode; message: string };
}

export function errorBody(code: ErrorCode, message: string): ErrorBody {
  return { error: { code, message } };
}
