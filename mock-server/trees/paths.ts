/** How eZ writes the paths in its links: a location by its path string, a user group by its location's. */
import type { LocationFixture } from '../fixtures/content';

/** `/1/2/53/` -> `1/2/53`, the `{locationPath}` of `/content/locations/{locationPath}`. */
export const locationPath = (l: Pick<LocationFixture, 'pathString'>): string => l.pathString.replace(/^\/|\/$/g, '');
