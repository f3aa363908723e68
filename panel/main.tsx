/** Entry: find the inspected tab, wire the real client and permission prompt, mount the panel. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createClient } from '../shared/messaging/client';
import { requestHostPermission } from '../extension/platform';
import { extensionRuntime } from '../extension/platform/runtime';
import { Panel } from './App';
import type { HostPermissions } from './deps';
import { resolveInspectedTab } from './host';
import { NoTab } from './NoTab';
import './panel.css';

const root = document.getElementById('root');
if (root === null) throw new Error('panel/index.html has no #root element');

const tab = resolveInspectedTab();
const permissions: HostPermissions = { request: (origin) => requestHostPermission(origin) };

createRoot(root).render(
  <StrictMode>
    {tab.ok ? (
      <Panel client={createClient({ runtime: extensionRuntime() })} tabId={tab.tabId} permissions={permissions} />
    ) : (
      <NoTab message={tab.message} />
    )}
  </StrictMode>,
);
