/** Shown while the extension may not reach the API origin (optional host permission missing). */
import { ActionButton } from '../ui';

interface Props {
  origin: string;
  busy: boolean;
  onGrant: () => void;
}

export function PermissionBanner({ origin, busy, onGrant }: Props) {
  return (
    <div className="banner banner-warning" data-testid="permission-banner">
      <p>
        The extension needs your permission to send requests to <code>{origin}</code>. Until then it cannot log in,
        check who you are or list cookies there.
      </p>
      <ActionButton testId="grant-permission" className="primary" busy={busy} onClick={onGrant}>
        Allow access to {origin}
      </ActionButton>
    </div>
  );
}
