/**
 * The JSON shapes of the resources the auth surface returns (reference §4.5, §4.6, §8.1), and
 * guards that check a parsed body really has that shape before anyone trusts it.
 * No Node imports: used by the mock server and by the extension.
 */

/** A link as eZ writes it in JSON: `{"_media-type": "...", "_href": "..."}`. */
export interface LinkJson {
  '_media-type': string;
  _href: string;
}

/** `{"Session": {...}}`, fields in the order the server writes them. */
export interface SessionJson {
  Session: {
    '_media-type': string;
    _href: string;
    name: string;
    identifier: string;
    csrfToken: string;
    User: LinkJson;
  };
}

/** `{"ErrorMessage": {...}}` */
export interface ErrorMessageJson {
  ErrorMessage: {
    '_media-type': string;
    errorCode: number;
    errorMessage: string;
    errorDescription: string;
  };
}

/** `{"JWT": {"_media-type": "...", "_token": "..."}}` */
export interface JwtJson {
  JWT: { '_media-type': string; _token: string };
}

/** The body of `POST /user/sessions` (§4.1). */
export interface SessionInputJson {
  SessionInput: { login: string; password: string };
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function isLinkJson(v: unknown): v is LinkJson {
  return isRecord(v) && typeof v['_media-type'] === 'string' && typeof v._href === 'string';
}

export function isSessionJson(v: unknown): v is SessionJson {
  if (!isRecord(v) || !isRecord(v.Session)) return false;
  const s = v.Session;
  return (
    typeof s._href === 'string' &&
    typeof s.name === 'string' &&
    typeof s.identifier === 'string' &&
    typeof s.csrfToken === 'string' &&
    isLinkJson(s.User)
  );
}

export function isErrorMessageJson(v: unknown): v is ErrorMessageJson {
  if (!isRecord(v) || !isRecord(v.ErrorMessage)) return false;
  const e = v.ErrorMessage;
  return (
    typeof e.errorCode === 'number' && typeof e.errorMessage === 'string' && typeof e.errorDescription === 'string'
  );
}

export function isJwtJson(v: unknown): v is JwtJson {
  return isRecord(v) && isRecord(v.JWT) && typeof v.JWT._token === 'string';
}
