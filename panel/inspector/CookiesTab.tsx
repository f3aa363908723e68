/** Cookies the request sent and the response set, values masked until revealed. */
import { useState } from 'react';
import { headerValue, headerValues, parseCookieHeader, parseSetCookie } from '../../shared/capture/headers';
import { siteAccessOfCookie, isSessionCookieName } from '../../shared/ez/session-cookies';
import { maskSecret } from '../../shared/mask';
import type { Described } from './describe-view';

export function CookiesTab({ d }: { d: Described }) {
  const sent = parseCookieHeader(headerValue(d.requestHeaders, 'cookie'));
  const set = headerValues(d.responseHeaders, 'set-cookie').map(parseSetCookie);
  return (
    <>
      <section className="detail-section" data-testid="cookies-sent">
        <h3>
          Sent <span className="muted">({sent.length})</span>
        </h3>
        {sent.length === 0 ? (
          <p className="muted">No Cookie header went with this request.</p>
        ) : (
          <CookieRows rows={sent.map((c) => ({ ...c, attributes: '' }))} />
        )}
      </section>
      <section className="detail-section" data-testid="cookies-set">
        <h3>
          Set by the response <span className="muted">({set.length})</span>
        </h3>
        {set.length === 0 ? <p className="muted">None.</p> : <CookieRows rows={set} />}
      </section>
    </>
  );
}

function CookieRows({ rows }: { rows: Array<{ name: string; value: string; attributes: string }> }) {
  return (
    <dl className="headers">
      {rows.map((c, i) => (
        <CookieRow key={`${c.name}:${i}`} c={c} />
      ))}
    </dl>
  );
}

function CookieRow({ c }: { c: { name: string; value: string; attributes: string } }) {
  const [shown, setShown] = useState(false);
  const masked = c.value.includes('•');
  const sa = isSessionCookieName(c.name) ? siteAccessOfCookie(c.name) : null;
  return (
    <>
      <dt title={sa !== null ? `eZ session cookie of SiteAccess ${sa}` : undefined}>
        {c.name}
        {isSessionCookieName(c.name) && <span className="muted"> (session{sa !== null ? `, ${sa}` : ''})</span>}
      </dt>
      <dd>
        <code>{shown ? c.value : maskSecret(c.value)}</code>
        {!masked && (
          <button type="button" className="small link-button" aria-pressed={shown} onClick={() => setShown((s) => !s)}>
            {shown ? 'Hide' : 'Reveal'}
          </button>
        )}
        {c.attributes !== '' && <span className="muted"> {c.attributes}</span>}
      </dd>
    </>
  );
}
