/**
 * Named identities to replay as (`admin`, `editor`, …), saved per API origin by the worker. A
 * session identity logs in on its own when first used, without touching the page's cookies or
 * the panel's session; the password is never shown back (the worker keeps it, in memory unless
 * "remember" is ticked).
 */
import { useEffect, useState } from 'react';
import type { IdentityKind, SavedIdentityView } from '../../shared/domain/replay';
import type { PanelApi } from '../usePanelState';
import { ActionButton, Section, TextField } from '../ui';

export function IdentityForm({ api, enabled }: { api: Pick<PanelApi, 'call' | 'isPending'>; enabled: boolean }) {
  const [list, setList] = useState<SavedIdentityView[]>([]);
  const [name, setName] = useState('');
  const [kind, setKind] = useState<IdentityKind>('session');
  const [user, setUser] = useState('');
  const [password, setPassword] = useState('');
  const [remember, setRemember] = useState(false);
  // `call` is stable; the `api` object is new on every render.
  const { call } = api;
  useEffect(() => {
    if (enabled) void call('identity.list', {}, { background: true }).then((l) => l !== null && setList(l));
  }, [call, enabled]);
  const save = async (): Promise<void> => {
    const l = await api.call('identity.save', {
      name: name.trim() || user.trim(),
      kind,
      user: user.trim(),
      password,
      remember,
    });
    if (l === null) return;
    setList(l);
    setName('');
    setUser('');
    setPassword('');
  };
  return (
    <Section title="Identities to replay as" testId="identities">
      {list.length > 0 && (
        <ul className="identity-list">
          {list.map((i) => (
            <li key={i.name} data-testid="identity-item">
              <strong>{i.name}</strong>{' '}
              <span className="muted">
                {i.kind === 'basic' ? 'HTTP Basic' : 'session'} as {i.user}
                {i.remember ? ', remembered on disk' : ''}
                {i.loggedIn ? ', logged in' : ''}
              </span>{' '}
              <button
                type="button"
                className="small link-button"
                data-testid="identity-remove"
                onClick={() => void api.call('identity.remove', { name: i.name }).then((l) => l !== null && setList(l))}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <form
        className="row"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <TextField
          label="Name"
          testId="identity-name"
          value={name}
          placeholder="editor"
          onChange={setName}
          disabled={!enabled}
          autoComplete="off"
        />
        <label className="field">
          <span>Kind</span>
          <select
            data-testid="identity-kind"
            value={kind}
            onChange={(e) => setKind(e.target.value as IdentityKind)}
            disabled={!enabled}
          >
            <option value="session">session</option>
            <option value="basic">basic</option>
          </select>
        </label>
        <TextField
          label="User"
          testId="identity-user"
          value={user}
          onChange={setUser}
          disabled={!enabled}
          autoComplete="off"
        />
        <TextField
          label="Password"
          testId="identity-password"
          type="password"
          value={password}
          onChange={setPassword}
          disabled={!enabled}
          autoComplete="new-password"
        />
        <label className="check">
          <input
            type="checkbox"
            data-testid="identity-remember"
            checked={remember}
            onChange={(e) => setRemember(e.target.checked)}
            disabled={!enabled}
          />
          Remember (on disk)
        </label>
        <ActionButton
          testId="identity-save"
          type="submit"
          busy={api.isPending('identity.save')}
          disabled={!enabled || user.trim() === ''}
        >
          Save
        </ActionButton>
      </form>
    </Section>
  );
}
