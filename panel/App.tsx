/**
 * The panel for one inspected tab: wires usePanelState to the sections. Validation of typed
 * input happens here (before any request), so every section stays a plain view.
 */
import { useRef, useState } from 'react';
import type { TabId } from '../shared/domain';
import type { HostPermissions, PanelClient } from './deps';
import { AuthStatus } from './AuthStatus';
import { BasicForm } from './BasicForm';
import { CookieList } from './CookieList';
import { ErrorBoundary } from './ErrorBoundary';
import { Notice } from './Notice';
import { PageSessionNotice } from './PageSessionNotice';
import { PermissionBanner } from './PermissionBanner';
import { SessionForm } from './SessionForm';
import { parseApiBase } from '../shared/api-base';
import { TargetBar, targetBase } from './TargetBar';
import { Spinner } from './ui';
import { useDraft } from './useDraft';
import { usePanelState } from './usePanelState';

export interface AppProps {
  client: PanelClient;
  tabId: TabId;
  permissions: HostPermissions;
}

/** The app inside its error boundary: what main.tsx mounts. */
export function Panel(props: AppProps) {
  return (
    <ErrorBoundary>
      <App {...props} />
    </ErrorBoundary>
  );
}

export const declinedMessage = (origin: string): string =>
  `Permission to reach ${origin} was declined; the panel can't talk to this API until you allow it.`;

export function App({ client, tabId, permissions }: AppProps) {
  const api = usePanelState(client, tabId);
  const { state, isPending } = api;
  const target = state?.target ?? null;
  const [siteAccess, setSiteAccess] = useDraft(target?.siteAccess ?? '');
  const [granting, setGranting] = useState(false);
  // A login must not race a SiteAccess change still on its way: it waits for the last target.set.
  const targetSet = useRef<Promise<unknown>>(Promise.resolve());
  const siteAccessValue = siteAccess.trim() === '' ? null : siteAccess.trim();

  const setTarget = (base: string, sa: string | null): void => {
    const parsed = parseApiBase(base, sa);
    if (typeof parsed === 'string') return api.say({ level: 'error', message: parsed });
    targetSet.current = api.act('target.set', { base, siteAccess: sa });
  };
  const commitSiteAccess = (): void => {
    if (target !== null && siteAccessValue !== target.siteAccess) setTarget(targetBase(target), siteAccessValue);
  };
  const login = async (user: string, password: string): Promise<boolean> => {
    if (user === '') {
      api.say({ level: 'error', message: 'Enter a login (user name) to log in.' });
      return false;
    }
    await targetSet.current;
    return api.act('session.login', { login: user, password, siteAccess: siteAccessValue });
  };
  const applyBasic = async (user: string, password: string, remember: boolean): Promise<boolean> => {
    if (user === '') {
      api.say({ level: 'error', message: 'Enter the user name to send with HTTP Basic.' });
      return false;
    }
    return api.act('basic.apply', { user, password, remember });
  };
  const grant = (origin: string): void => {
    // Called straight from the click: the browser only prompts during the user gesture.
    const asked = permissions.request(origin);
    setGranting(true);
    void asked
      .then(
        async (granted) => {
          if (granted) await api.act('target.detect', {});
          else api.say({ level: 'warning', message: declinedMessage(origin) });
        },
        (e: unknown) =>
          api.say({
            level: 'error',
            message: `Could not ask for access to ${origin}: ${e instanceof Error ? e.message : String(e)}`,
          }),
      )
      .finally(() => setGranting(false));
  };

  const header = (
    <header className="panel-header">
      <div className="title-row">
        <h1>eZ REST</h1>
        {state?.pageUrl != null && (
          <span className="muted page-url" title={state.pageUrl}>
            {state.pageUrl}
          </span>
        )}
        {state?.busy === true && <Spinner label="The extension is working" />}
      </div>
      <AuthStatus
        state={api.tabClosed ? null : state}
        idle={api.tabClosed ? 'The inspected tab was closed: nobody to check.' : undefined}
        checking={isPending('identity.check')}
        onCheck={state !== null && target !== null && !api.tabClosed ? () => void api.act('identity.check', {}) : null}
      />
    </header>
  );

  if (api.tabClosed) {
    return (
      <div className="panel">
        {header}
        <div className="empty" data-testid="tab-closed">
          <h2>The inspected tab was closed.</h2>
          <p>Close DevTools and open it again on the tab you want to inspect.</p>
        </div>
      </div>
    );
  }

  const ready = state !== null;
  const reachable = ready && target !== null && state.hostPermission === 'granted';
  return (
    <div className="panel">
      {header}
      <TargetBar
        target={target}
        applying={isPending('target.set')}
        detecting={isPending('target.detect')}
        disabled={!ready}
        onApply={(base) => setTarget(base, siteAccessValue)}
        onDetect={() => void api.act('target.detect', {})}
      />
      <div className="banners">
        {ready && state.hostPermission === 'missing' && target !== null && (
          <PermissionBanner origin={target.origin} busy={granting} onGrant={() => grant(target.origin)} />
        )}
        <Notice notice={api.notice} onDismiss={api.dismiss} />
        {api.loadFailed && (
          <div>
            <button type="button" data-testid="retry" onClick={api.reload}>
              Try again
            </button>
          </div>
        )}
        {!ready && !api.loadFailed && (
          <p className="muted loading">
            <Spinner /> Loading the tab's state…
          </p>
        )}
        {ready && state.pageSession !== null && <PageSessionNotice pageSession={state.pageSession} />}
      </div>
      <SessionForm
        session={state?.panelSession ?? null}
        shadowed={state?.basic?.applied === true && state.identity?.via === 'basic'}
        siteAccess={siteAccess}
        onSiteAccess={setSiteAccess}
        onSiteAccessCommit={commitSiteAccess}
        onLogin={login}
        onLogout={() => void api.act('session.logout', {})}
        onRefresh={() => void api.act('session.refresh', {})}
        pending={isPending}
        disabled={!ready}
      />
      <BasicForm
        basic={state?.basic ?? null}
        target={target}
        onApply={applyBasic}
        onClear={() => void api.act('basic.clear', {})}
        pending={isPending}
        disabled={!ready}
      />
      <CookieList
        origin={target?.origin ?? null}
        canLoad={reachable}
        jarKey={`${state?.panelSession?.identifier ?? ''}|${state?.basic?.applied ?? ''}`}
        call={api.call}
        pending={isPending}
      />
    </div>
  );
}
