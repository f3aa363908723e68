/** Replays and the identities they run as (the worker holds every secret; these are views). */
import type { ExploreAnswer } from './send';

/**
 * Whom a replay runs as. `as-captured`: the Cookie and Authorization the original carried (the
 * worker kept them); `page-session`: the visitor's own session cookie and the page's CSRF token;
 * `panel-session`: the panel's login; `saved`: a named identity (a session it logs in on its own,
 * or Basic); `anonymous`: no cookie, no Authorization.
 */
export type ReplayIdentity =
  | { kind: 'as-captured'; id: string }
  | { kind: 'page-session' }
  | { kind: 'panel-session' }
  | { kind: 'saved'; name: string }
  | { kind: 'anonymous' };

export type IdentityKind = 'session' | 'basic';

/** A saved identity as the panel may see it: never its password. */
export interface SavedIdentityView {
  name: string;
  kind: IdentityKind;
  user: string;
  /** the password is kept on disk (storage.local) too, because the user asked */
  remember: boolean;
  /** a session identity holds a live session right now */
  loggedIn: boolean;
}

export interface ReplayAnswer extends ExploreAnswer {
  method: string;
  /** the identity in words, as the result shows it */
  identity: string;
  /**
   * X-CSRF-Token: the identity's added, left out on purpose, none needed, or needed but the
   * session's token is not known (a page session whose page exposes none)
   */
  csrf: 'added' | 'removed' | 'none' | 'unknown';
  /** sent by the worker, or from inside the page (its context, its cookies) */
  from: 'worker' | 'page';
}
