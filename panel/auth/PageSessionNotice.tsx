/** The visitor's own browser session on the page: the panel may ride on it, but only with its CSRF token. */
import type { PageSession } from '../../shared/domain';
import { pageSessionText } from '../describe';

export function PageSessionNotice({ pageSession }: { pageSession: PageSession }) {
  const safe = pageSession.hasCsrfToken && pageSession.csrfSource !== null;
  return (
    <div className={`banner ${safe ? 'banner-info' : 'banner-warning'}`} data-testid="page-session">
      <p>{pageSessionText(pageSession)}</p>
    </div>
  );
}
