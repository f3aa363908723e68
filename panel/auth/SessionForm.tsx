/**
 * REST session login (POST /user/sessions through the worker) and, once the panel holds a
 * session, its details with logout and refresh. The SiteAccess field lives here because it picks
 * the session cookie name, but it is also part of the target (sent with target.set).
 */
import { useState } from 'react';
import type { SessionInfo } from '../../shared/domain';
import { HeldSecret } from '../Secret';
import { ActionButton, Section, TextField } from '../ui';

interface Props {
  session: SessionInfo | null;
  /** HTTP Basic is applied and the server uses it: this session is not what requests run as */
  shadowed: boolean;
  siteAccess: string;
  onSiteAccess: (v: string) => void;
  /** the SiteAccess field lost focus or Enter was pressed: apply it to the target */
  onSiteAccessCommit: () => void;
  onLogin: (login: string, password: string) => Promise<boolean>;
  onLogout: () => void;
  onRefresh: () => void;
  pending: (key: string) => boolean;
  disabled: boolean;
}

export function SessionForm(props: Props) {
  const { session, pending, disabled } = props;
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  return (
    <Section title="REST session">
      {session !== null && (
        <>
          {/* Keyed by the session: a value revealed for one session is not shown for the next login's. */}
          <SessionDetails key={session.identifier} session={session} />
          {props.shadowed && (
            <p className="warning-text" data-testid="session-shadowed">
              Shadowed: HTTP Basic is applied, and the server authenticates requests that carry it by Basic, so this
              session is not used until you clear Basic.
            </p>
          )}
          <div className="row">
            <ActionButton
              testId="refresh"
              busy={pending('session.refresh')}
              disabled={disabled}
              onClick={props.onRefresh}
            >
              Refresh / check
            </ActionButton>
            <ActionButton testId="logout" busy={pending('session.logout')} disabled={disabled} onClick={props.onLogout}>
              Log out
            </ActionButton>
          </div>
        </>
      )}
      {/* Stays visible with a session: the worker logs the old session out before a new login. */}
      <form
        className="row"
        onSubmit={(e) => {
          e.preventDefault();
          void props.onLogin(login.trim(), password).then((ok) => ok && setPassword(''));
        }}
      >
        <TextField
          label="Login"
          testId="login-user"
          autoComplete="username"
          value={login}
          disabled={disabled}
          onChange={setLogin}
        />
        <TextField
          label="Password"
          testId="login-password"
          type="password"
          autoComplete="current-password"
          value={password}
          disabled={disabled}
          onChange={setPassword}
        />
        <TextField
          label="SiteAccess"
          testId="login-siteaccess"
          placeholder="server default"
          value={props.siteAccess}
          disabled={disabled}
          onChange={props.onSiteAccess}
          onBlur={props.onSiteAccessCommit}
        />
        <ActionButton
          testId="login-submit"
          type="submit"
          className={session === null ? 'primary' : undefined}
          busy={pending('session.login')}
          disabled={disabled}
        >
          {session === null ? 'Log in' : 'Log in again'}
        </ActionButton>
      </form>
    </Section>
  );
}

function SessionDetails({ session }: { session: SessionInfo }) {
  return (
    <dl className="details" data-testid="session-details">
      <dt>Cookie</dt>
      <dd>
        <code data-testid="session-name">{session.name}</code>
      </dd>
      <dt>Identifier</dt>
      <dd>
        <HeldSecret testId="session-identifier" value={session.identifier} label="session identifier" />
      </dd>
      <dt>CSRF token</dt>
      <dd>
        <HeldSecret testId="session-csrf" value={session.csrfToken} label="CSRF token" />
      </dd>
      <dt>User</dt>
      <dd>
        <code>{session.userHref}</code>
      </dd>
      <dt>Since</dt>
      <dd>{new Date(session.createdAt).toLocaleString()}</dd>
    </dl>
  );
}
