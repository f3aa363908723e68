/** Asking the browser for access to the API's origin, from the permission banner's click. */
import { useState } from 'react';
import type { HostPermissions } from './deps';
import type { PanelApi } from './usePanelState';

export const declinedMessage = (origin: string): string =>
  `Permission to reach ${origin} was declined; the panel can't talk to this API until you allow it.`;

export function useGrant(permissions: HostPermissions, api: Pick<PanelApi, 'act' | 'say'>) {
  const [granting, setGranting] = useState(false);
  const grant = (origin: string): void => {
    // Called straight from the click: the browser only prompts during the user gesture.
    const asked = permissions.request(origin);
    setGranting(true);
    void asked
      .then(
        async (granted) => {
          if (granted) await api.act('target.detect', {});
          else api.say({ level: 'warning', message: declinedMessage(origin) });
        },
        (e: unknown) =>
          api.say({
            level: 'error',
            message: `Could not ask for access to ${origin}: ${e instanceof Error ? e.message : String(e)}`,
          }),
      )
      .finally(() => setGranting(false));
  };
  return { granting, grant };
}
