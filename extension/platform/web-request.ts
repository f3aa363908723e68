/**
 * Watching requests with webRequest, non-blocking. Chrome hides Cookie, Authorization and
 * Set-Cookie from listeners unless `extraHeaders` is asked for
 * (https://developer.chrome.com/docs/extensions/reference/api/webRequest#life_cycle_of_requests);
 * Firefox shows them anyway and refuses the unknown `extraHeaders` value
 * (https://developer.mozilla.org/en-US/docs/Mozilla/Add-ons/WebExtensions/API/webRequest/onSendHeaders).
 * Only URLs the extension has host permission for are seen at all, in both browsers.
 */
import type { Target } from './browser';

export interface RequestDetails {
  requestId: string;
  tabId: number;
  url: string;
  method: string;
  type: string;
  timeStamp: number;
  requestHeaders?: { name: string; value?: string }[];
  responseHeaders?: { name: string; value?: string }[];
  statusCode?: number;
  statusLine?: string;
  fromCache?: boolean;
  error?: string;
}

export interface RequestWatch {
  onStart(d: RequestDetails): void;
  onHeaders(d: RequestDetails): void;
  onResponse(d: RequestDetails): void;
  onDone(d: RequestDetails): void;
  onError(d: RequestDetails): void;
}

interface WebRequestEvent {
  addListener(cb: (d: RequestDetails) => void, filter: { urls: string[]; types?: string[] }, spec?: string[]): void;
}

export interface WebRequestLike {
  onBeforeRequest: WebRequestEvent;
  onSendHeaders: WebRequestEvent;
  onHeadersReceived: WebRequestEvent;
  onCompleted: WebRequestEvent;
  onErrorOccurred: WebRequestEvent;
}

/** fetch/XHR, and top-level navigations (they start a new page of the tab). */
export const WATCHED_TYPES = ['xmlhttprequest', 'main_frame'];

export function watchRequests(target: Target, api: WebRequestLike | undefined, watch: RequestWatch): boolean {
  if (api === undefined) return false;
  const filter = { urls: ['<all_urls>'], types: WATCHED_TYPES };
  const extra = target === 'chrome' ? ['extraHeaders'] : [];
  const quietly =
    (fn: (d: RequestDetails) => void) =>
    (d: RequestDetails): void => {
      try {
        fn(d);
      } catch {
        // A listener must never throw into the browser; a lost record is the worst outcome.
      }
    };
  api.onBeforeRequest.addListener(quietly(watch.onStart), filter);
  api.onSendHeaders.addListener(quietly(watch.onHeaders), filter, ['requestHeaders', ...extra]);
  api.onHeadersReceived.addListener(quietly(watch.onResponse), filter, ['responseHeaders', ...extra]);
  api.onCompleted.addListener(quietly(watch.onDone), filter, ['responseHeaders', ...extra]);
  api.onErrorOccurred.addListener(quietly(watch.onError), filter);
  return true;
}
