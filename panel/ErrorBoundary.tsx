/** The panel must never go blank: a render error shows what broke and a way back. */
import { Component } from 'react';
import type { ErrorInfo, ReactNode } from 'react';

interface State {
  error: Error | null;
}

export class ErrorBoundary extends Component<{ children: ReactNode; onReload?: () => void }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    // Keep the stack in the DevTools-on-DevTools console for bug reports.
    console.error('eZ REST panel crashed', error, info.componentStack);
  }

  private reload = (): void => {
    if (this.props.onReload) this.props.onReload();
    else globalThis.location.reload();
  };

  override render(): ReactNode {
    if (this.state.error === null) return this.props.children;
    return (
      <div className="crash" data-testid="panel-crash" role="alert">
        <h2>The panel hit an error</h2>
        <p>{this.state.error.message || 'Unknown error.'}</p>
        <p className="muted">Your sessions and settings live in the extension, so reloading the panel loses nothing.</p>
        <button type="button" className="primary" data-testid="reload-panel" onClick={this.reload}>
          Reload panel
        </button>
      </div>
    );
  }
}
