/** What the panel shows when host.ts found no tab to inspect (opened without DevTools or ?tabId). */
import { AuthStatus } from './AuthStatus';

export function NoTab({ message }: { message: string }) {
  return (
    <div className="panel">
      <div className="toolbar">
        <AuthStatus state={null} open={false} onToggle={() => undefined} idle="No inspected tab: nobody to check." />
      </div>
      <div className="empty" data-testid="no-tab">
        <h2>No tab to inspect</h2>
        <p>{message}</p>
      </div>
    </div>
  );
}
