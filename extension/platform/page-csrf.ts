/**
 * Runs INSIDE the inspected page (serialised by scripting.executeScript): it must be
 * self-contained, no imports or closures. Looks where eZ front-ends keep the REST CSRF token:
 * the back-office `<meta name="CSRF-Token">` and ez-js-rest-client's localStorage key, which
 * holds a JSON-encoded string (ezsystems/ez-js-rest-client `src/storages/LocalStorage.js`; the meta tag:
 * ezsystems/ezplatform-admin-ui 2.3 `src/bundle/Resources/views/themes/admin/ui/layout.html.twig` l.5).
 */
export function readPageCsrfInPage(): { token: string | null; source: 'meta' | 'localStorage' | null } {
  const meta = document.querySelector('meta[name="CSRF-Token"]')?.getAttribute('content');
  if (meta) return { token: meta, source: 'meta' };
  try {
    const raw = window.localStorage.getItem('ezpRestClient.csrfToken');
    if (raw) {
      const parsed: unknown = JSON.parse(raw);
      if (typeof parsed === 'string' && parsed !== '') return { token: parsed, source: 'localStorage' };
    }
  } catch {
    // localStorage blocked (sandboxed frame, storage disabled) or not JSON: no token.
  }
  return { token: null, source: null };
}
