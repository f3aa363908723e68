// The demo page's REST plumbing: the session store ez-js-rest-client keeps in localStorage, and
// one `request()` that every button goes through so each call lands in the response log.

// The mock server writes its flavour's prefix and vendor into index.html (http/static.ts), so the
// page speaks eZ Platform 3.3 or Ibexa 4.6 as the server does.
const served = document.documentElement.dataset;
export const API = served.apiPrefix ?? '';
export const VENDOR = served.apiVendor ?? '';
export const FLAVOUR = served.flavour ?? '';

/** `application/<vendor>.<Name>+json`: the Accept/Content-Type the JS client sends. */
export const media = (name) => `application/${VENDOR}.${name}+json`;

// Exactly the keys of ez-js-rest-client's SessionAuthAgent; the extension reads them to find the
// page's own session and CSRF token, so they must not be renamed.
const SESSION_KEYS = {
  name: 'ezpRestClient.sessionName',
  identifier: 'ezpRestClient.sessionId',
  href: 'ezpRestClient.sessionHref',
  csrfToken: 'ezpRestClient.csrfToken',
};
const SITEACCESS_KEY = 'ezpDemo.siteAccess';

// localStorage can throw (storage disabled, quota): the page keeps working without it.
function readJson(key) {
  try {
    const raw = window.localStorage.getItem(key);
    if (raw === null) return null;
    const value = JSON.parse(raw);
    return typeof value === 'string' ? value : null;
  } catch {
    return null;
  }
}
function writeJson(key, value) {
  try {
    window.localStorage.setItem(key, JSON.stringify(value));
  } catch {
    /* not persisted; the UI shows what is stored, so the user sees it */
  }
}
function remove(key) {
  try {
    window.localStorage.removeItem(key);
  } catch {
    /* nothing stored anyway */
  }
}

export const sessionStore = {
  keys: SESSION_KEYS,
  /** `{ name, identifier, href, csrfToken }`, each a string or null. */
  read() {
    return {
      name: readJson(SESSION_KEYS.name),
      identifier: readJson(SESSION_KEYS.identifier),
      href: readJson(SESSION_KEYS.href),
      csrfToken: readJson(SESSION_KEYS.csrfToken),
    };
  },
  /** Stores a `Session` body the way SessionAuthAgent does (JSON-encoded strings). */
  save(session) {
    writeJson(SESSION_KEYS.name, String(session.name ?? ''));
    writeJson(SESSION_KEYS.identifier, String(session.identifier ?? ''));
    writeJson(SESSION_KEYS.href, String(session._href ?? ''));
    writeJson(SESSION_KEYS.csrfToken, String(session.csrfToken ?? ''));
  },
  clear() {
    Object.values(SESSION_KEYS).forEach(remove);
  },
};

export const siteAccessStore = {
  read: () => readJson(SITEACCESS_KEY) ?? '',
  save: (value) => (value ? writeJson(SITEACCESS_KEY, value) : remove(SITEACCESS_KEY)),
};

/** Base64 of the UTF-8 bytes, so `é` or `ł` in a password does not make btoa() throw. */
export function base64Utf8(text) {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return window.btoa(binary);
}

/** The human part of an eZ ErrorMessage body, or null when the body is not one. */
export function errorText(doc) {
  const err = doc && typeof doc === 'object' ? doc.ErrorMessage : null;
  if (!err || typeof err !== 'object') return null;
  return `${err.errorCode ?? ''} ${err.errorMessage ?? ''}: ${err.errorDescription ?? ''}`.trim();
}

let onExchange = () => {};
/** Called with every finished exchange (the response log subscribes). */
export function setExchangeListener(listener) {
  onExchange = listener;
}

/** A request the server never answers must not leave a button hanging for ever. */
const TIMEOUT_MS = 15_000;

/**
 * Sends one request with the page's cookies (same origin, like the JS client's XHR) and the
 * X-Siteaccess header when one is set. Never throws: a network failure or timeout is status 0.
 * `logHeaders` replaces `headers` in the log, so a Basic password is not printed.
 * `credentials: 'omit'` sends no cookie, and also keeps the browser from showing its own login
 * prompt when the answer is a 401 with `WWW-Authenticate: Basic` (Fetch spec, HTTP-network-or-
 * cache fetch: the prompt needs includeCredentials); with cookies, Chromium shows the prompt and
 * the fetch waits for the user.
 */
export async function request({
  method = 'GET',
  url,
  headers = {},
  body,
  logHeaders,
  credentials = 'same-origin',
  quiet = false,
}) {
  const sent = { ...headers };
  const siteAccess = siteAccessStore.read();
  if (siteAccess) sent['X-Siteaccess'] = siteAccess;
  const started = performance.now();
  const exchange = {
    method,
    url,
    requestHeaders: { ...sent, ...logHeaders },
    status: 0,
    statusText: '',
    contentType: '',
    text: '',
    doc: null,
    error: null,
    ms: 0,
  };
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), TIMEOUT_MS);
  try {
    const res = await fetch(url, { method, headers: sent, body, credentials, cache: 'no-store', signal: abort.signal });
    exchange.status = res.status;
    exchange.statusText = res.statusText;
    exchange.contentType = res.headers.get('Content-Type') ?? '';
    exchange.text = await res.text();
    if (exchange.text && /json/i.test(exchange.contentType)) {
      try {
        exchange.doc = JSON.parse(exchange.text);
      } catch {
        exchange.error = 'response body is not valid JSON';
      }
    }
  } catch (e) {
    exchange.error = abort.signal.aborted
      ? `no answer within ${TIMEOUT_MS / 1000} s (after a Basic challenge the browser may be showing its login prompt)`
      : `network error: ${e instanceof Error ? e.message : String(e)}`;
  } finally {
    clearTimeout(timer);
  }
  exchange.ms = Math.round(performance.now() - started);
  // Bulk calls (the "Make N calls" control) would flood the log: they report a summary instead.
  if (!quiet) onExchange(exchange);
  return exchange;
}
