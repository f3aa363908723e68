/** What the panel shows when host.ts found no tab to inspect (opened without DevTools or ?tabId). */
import { AuthStatus } from './AuthStatus';

export function NoTab({ message }: { message: string }) {
  return (
    <div className="panel">
      <header className="panel-header">
        <div className="title-row">
          <h1>eZ REST</h1>
        </div>
        <AuthStatus state={null} checking={false} onCheck={null} idle="No inspected tab: nobody to check." />
      </header>
      <div className="empty" data-testid="no-tab">
        <h2>No tab to inspect</h2>
        <p>{message}</p>
      </div>
    </div>
  );
}
