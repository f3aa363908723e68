/**
 * HTTP Basic credentials the worker attaches to API requests (declarativeNetRequest rule). The
 * password is never shown back: the worker only reports the user and whether the rule is active.
 */
import { useState } from 'react';
import type { ApiTarget, BasicView } from '../../shared/domain';
import { useDraft } from '../useDraft';
import { ActionButton, Section, TextField } from '../ui';

interface Props {
  basic: BasicView | null;
  target: ApiTarget | null;
  onApply: (user: string, password: string, remember: boolean) => Promise<boolean>;
  onClear: () => void;
  pending: (key: string) => boolean;
  disabled: boolean;
}

export function BasicForm({ basic, target, onApply, onClear, pending, disabled }: Props) {
  const [user, setUser] = useDraft(basic?.user ?? '');
  const [password, setPassword] = useState('');
  const [remember, setRemember] = useDraft(basic?.remember ?? false);
  const applied = basic !== null && basic.applied;
  return (
    <Section title="HTTP Basic">
      {applied && basic.refused && (
        <div className="banner banner-error" data-testid="basic-refused">
          <p>
            The server refuses these credentials for <strong>{basic.user}</strong>: every request of the page to the API
            gets 401 while they are applied.
          </p>
          <ActionButton testId="basic-remove" className="primary" busy={pending('basic.clear')} onClick={onClear}>
            Remove the credentials
          </ActionButton>
        </div>
      )}
      {applied && (
        <p className="status-line" data-testid="basic-status">
          Basic credentials for <strong>{basic.user}</strong> are attached to requests to{' '}
          <code>{target !== null ? `${target.origin}${target.prefix}` : 'the API'}</code>
          {basic.remember ? ' (remembered across browser restarts).' : ' (until the browser closes).'}
        </p>
      )}
      <form
        className="row"
        onSubmit={(e) => {
          e.preventDefault();
          void onApply(user.trim(), password, remember).then((ok) => ok && setPassword(''));
        }}
      >
        <TextField
          label="User"
          testId="basic-user"
          autoComplete="off"
          value={user}
          disabled={disabled}
          onChange={setUser}
        />
        <TextField
          label="Password"
          testId="basic-password"
          type="password"
          autoComplete="off"
          value={password}
          disabled={disabled}
          onChange={setPassword}
        />
        <label className="check">
          <input
            data-testid="basic-remember"
            type="checkbox"
            checked={remember}
            disabled={disabled}
            onChange={(e) => setRemember(e.target.checked)}
          />
          Remember across browser restarts
        </label>
        <ActionButton
          testId="basic-apply"
          type="submit"
          className="primary"
          busy={pending('basic.apply')}
          disabled={disabled}
        >
          Apply
        </ActionButton>
        <ActionButton
          testId="basic-clear"
          busy={pending('basic.clear')}
          disabled={disabled || basic === null}
          onClick={onClear}
        >
          Clear
        </ActionButton>
      </form>
      {remember && (
        <p className="warning-text" data-testid="basic-remember-warning">
          ⚠ The user name and password will be stored on this computer's disk, in the extension's storage, not
          encrypted, until you press Clear. Leave this off on shared machines.
        </p>
      )}
    </Section>
  );
}
