/** `POST /user/token/jwt` (ezsystems/ezplatform-rest 1.3 `src/lib/Server/Controller/JWT.php`): a real HS256 token for valid credentials. */
import { signJwt } from '../auth/jwt';
import { inputString } from '../http/input';
import { badRequest, node, resource, unauthorized } from '../core/results';
import type { Context, Result } from '../core/types';

export function createToken(ctx: Context): Result {
  const username = inputString(ctx.input, 'username');
  if (username === undefined) return badRequest("Missing 'username' attribute for JWTInput.");
  const password = inputString(ctx.input, 'password');
  if (password === undefined) return badRequest("Missing 'password' attribute for JWTInput.");
  const { repo, store, jwtSecret, now } = ctx.state;
  const user = repo.checkCredentials(username, password);
  if (user === null || !repo.can(user.id, 'user', 'login', { siteAccess: ctx.siteAccess.name })) {
    if (ctx.session.record) store.clear(ctx.session.record);
    return unauthorized(ctx.pathInfo, 'Invalid login or password');
  }
  // In XML the token is an attribute (`<JWT media-type="…" token="…"/>`), so it is one here too.
  return resource(200, 'JWT', node('JWT', { token: signJwt(user.login, jwtSecret, now()) }));
}
