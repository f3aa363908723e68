/**
 * Cookies of the API origin, values masked. A value is fetched only on an explicit Reveal click
 * (cookies.reveal), and forgotten again on Hide or on the next refresh.
 */
import { useCallback, useEffect, useState } from 'react';
import type { CookieView } from '../../shared/domain';
import type { PanelApi } from '../usePanelState';
import { Secret } from '../Secret';
import { ActionButton, Section } from '../ui';

interface Props {
  origin: string | null;
  /** false while there is no target or no host permission: listing would only fail */
  canLoad: boolean;
  /** changes whenever the cookie jar probably changed (login, logout): triggers a reload */
  jarKey: string;
  call: PanelApi['call'];
  pending: (key: string) => boolean;
}

const flags = (c: CookieView): string[] =>
  [
    c.httpOnly && 'HttpOnly',
    c.secure && 'Secure',
    c.sameSite && `SameSite=${c.sameSite}`,
    c.session && 'Session',
  ].filter((f): f is string => typeof f === 'string' && f !== '');

export function CookieList({ origin, canLoad, jarKey, call, pending }: Props) {
  const [rows, setRows] = useState<CookieView[] | null>(null);
  // A reload (the jar changed) remounts the rows, masking every value again.
  const [generation, setGeneration] = useState(0);

  const refresh = useCallback(
    async (background: boolean) => {
      const list = await call('cookies.list', {}, { background });
      if (list !== null) {
        setRows(list);
        setGeneration((g) => g + 1);
      }
    },
    [call],
  );

  useEffect(() => {
    if (canLoad) void refresh(true);
    // Deliberately not keyed on `refresh`: reload when the jar or origin changes, not per render.
  }, [canLoad, jarKey, origin]);

  const reveal = async (name: string): Promise<string | null> =>
    (await call('cookies.reveal', { name }, { key: `cookies.reveal:${name}` }))?.value ?? null;

  return (
    <Section
      title={origin !== null ? `Cookies for ${origin}` : 'Cookies'}
      actions={
        <ActionButton
          testId="cookies-refresh"
          busy={pending('cookies.list')}
          disabled={!canLoad}
          onClick={() => void refresh(false)}
        >
          Refresh
        </ActionButton>
      }
    >
      {!canLoad ? (
        <p className="muted">Cookies are listed once the extension may reach the API origin.</p>
      ) : rows === null ? (
        <p className="muted">Loading cookies…</p>
      ) : rows.length === 0 ? (
        <p className="muted" data-testid="cookies-empty">
          No cookies for this origin.
        </p>
      ) : (
        <table className="cookies">
          <thead>
            <tr>
              <th>Name</th>
              <th>Value</th>
              <th>Path</th>
              <th>Flags</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((c) => (
              <tr key={`${generation}|${c.name}|${c.path}`} data-testid="cookie-row" data-cookie-name={c.name}>
                <td>
                  <code>{c.name}</code>
                  {c.ownedByExtension && (
                    <span className="tag" title="The panel's login created this cookie">
                      created by this panel
                    </span>
                  )}
                </td>
                <td>
                  <Secret
                    testId="cookie-value"
                    toggleTestId="cookie-reveal"
                    masked={c.maskedValue}
                    reveal={() => reveal(c.name)}
                    busy={pending(`cookies.reveal:${c.name}`)}
                    label={`cookie ${c.name}`}
                  />
                </td>
                <td>
                  <code>{c.path}</code>
                </td>
                <td className="muted">{flags(c).join(' · ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Section>
  );
}
