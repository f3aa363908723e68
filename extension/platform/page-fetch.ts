/**
 * Runs INSIDE the inspected page's own world (scripting.executeScript, world MAIN), for a replay
 * the user chose to "send from the page": the page's origin, cookies and service worker apply, as
 * to its own calls. Self-contained (serialised): no imports, no closures. Never throws.
 */
import type { PageFetchAnswer, PageFetchRequest } from './apis';

export async function fetchInPage(req: PageFetchRequest): Promise<PageFetchAnswer> {
  try {
    const res = await fetch(req.url, {
      method: req.method,
      headers: req.headers,
      body: req.body === null || req.method === 'GET' || req.method === 'HEAD' ? undefined : req.body,
      credentials: 'include',
      cache: 'no-store',
    });
    const headers: [string, string][] = [];
    res.headers.forEach((v, k) => headers.push([k, v]));
    const body = await res.text();
    return {
      status: res.status,
      statusText: res.statusText,
      headers,
      body: body.slice(0, 5 * 1024 * 1024),
      error: null,
    };
  } catch (e) {
    return { status: 0, statusText: '', headers: [], body: '', error: e instanceof Error ? e.message : String(e) };
  }
}
