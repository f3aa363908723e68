/** Under the toolbar, whatever pane is open: the permission banner, the one notice, the load state. */
import type { AuthState } from '../shared/domain';
import { PermissionBanner } from './auth/PermissionBanner';
import { Notice } from './Notice';
import { Spinner } from './ui';
import type { PanelApi } from './usePanelState';

export function Banners({
  api,
  state,
  granting,
  grant,
}: {
  api: PanelApi;
  state: AuthState | null;
  granting: boolean;
  grant: (origin: string) => void;
}) {
  const target = state?.target ?? null;
  return (
    <div className="banners">
      {state !== null && state.hostPermission === 'missing' && target !== null && (
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
      {state === null && !api.loadFailed && (
        <p className="muted loading">
          <Spinner /> Loading the tab's state…
        </p>
      )}
    </div>
  );
}
