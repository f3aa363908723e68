/**
 * The Auth pane, one click from the toolbar's identity chip: the API target, the panel's session
 * login, HTTP Basic, the origin's cookies, and the Check button. Validation of typed input
 * happens here (before any request), so every section stays a plain view.
 */
import { useRef } from 'react';
import { parseApiBase } from '../../shared/api-base';
import type { PanelApi } from '../usePanelState';
import { ActionButton } from '../ui';
import { useDraft } from '../useDraft';
import { BasicForm } from './BasicForm';
import { CookieList } from './CookieList';
import { IdentityForm } from './IdentityForm';
import { PageSessionNotice } from './PageSessionNotice';
import { SessionForm } from './SessionForm';
import { TargetBar, targetBase } from './TargetBar';

interface Props {
  api: PanelApi;
  onClose: () => void;
}

export function AuthPane({ api, onClose }: Props) {
  const { state, isPending } = api;
  const target = state?.target ?? null;
  const [siteAccess, setSiteAccess] = useDraft(target?.siteAccess ?? '');
  // A login must not race a SiteAccess change still on its way: it waits for the last target.set.
  const targetSet = useRef<Promise<unknown>>(Promise.resolve());
  const siteAccessValue = siteAccess.trim() === '' ? null : siteAccess.trim();
  const ready = state !== null;
  const reachable = ready && target !== null && state.hostPermission === 'granted';

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
  const checked = state?.identity != null ? new Date(state.identity.checkedAt).toLocaleTimeString() : null;

  return (
    <aside className="auth-pane" data-testid="auth-pane" id="auth-pane" aria-label="Auth">
      <header className="pane-header">
        <h2>Auth</h2>
        <span className="muted pane-sub">
          {target !== null ? target.origin : 'no API yet'}
          {checked !== null && `, checked ${checked}`}
        </span>
        <span className="spacer" />
        {state !== null && target !== null && (
          <ActionButton
            testId="identity-check"
            className="small"
            busy={isPending('identity.check')}
            onClick={() => void api.act('identity.check', {})}
            title="Ask the API again who you are"
          >
            Check
          </ActionButton>
        )}
        <button
          type="button"
          className="icon-button"
          data-testid="auth-close"
          aria-label="Close the Auth pane"
          onClick={onClose}
        >
          ✕
        </button>
      </header>
      <div className="pane-body">
        <TargetBar
          target={target}
          applying={isPending('target.set')}
          detecting={isPending('target.detect')}
          disabled={!ready}
          onApply={(base) => setTarget(base, siteAccessValue)}
          onDetect={() => void api.act('target.detect', {})}
        />
        {ready && state.pageSession !== null && <PageSessionNotice pageSession={state.pageSession} />}
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
        <IdentityForm api={api} enabled={reachable} />
        <CookieList
          origin={target?.origin ?? null}
          canLoad={reachable}
          jarKey={`${state?.panelSession?.identifier ?? ''}|${state?.basic?.applied ?? ''}`}
          call={api.call}
          pending={isPending}
        />
      </div>
    </aside>
  );
}
