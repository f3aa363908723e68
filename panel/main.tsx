/** Entry: find the inspected tab, wire the real client, DevTools' network log, theme and permission prompt, mount the panel. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createClient } from '../shared/messaging/client';
import { requestHostPermission } from '../extension/platform';
import { extensionRuntime } from '../extension/platform/runtime';
import { Panel } from './App';
import type { HostPermissions } from './deps';
import { devtoolsNetwork, followTheme, resolveInspectedTab } from './host';
import { NoTab } from './NoTab';
import './panel.css';
import './inspector/inspector.css';

const root = document.getElementById('root');
if (root === null) throw new Error('panel/index.html has no #root element');

followTheme((theme) => {
  document.documentElement.dataset.theme = theme;
});

const tab = resolveInspectedTab();
const permissions: HostPermissions = { request: (origin) => requestHostPermission(origin) };
const initialPane = new URLSearchParams(location.search).get('pane') === 'auth' ? 'auth' : null;

createRoot(root).render(
  <StrictMode>
    {tab.ok ? (
      <Panel
        client={createClient({ runtime: extensionRuntime() })}
        tabId={tab.tabId}
        permissions={permissions}
        network={tab.source === 'devtools' ? devtoolsNetwork() : null}
        initialPane={initialPane}
      />
    ) : (
      <NoTab message={tab.message} />
    )}
  </StrictMode>,
);
