/** `GET /` (ezsystems/ezplatform-rest 1.3 `default_settings.yml` l.8-89, `tests/bundle/Functional/RootTest.php`): every link of the Root resource, in config order. Rendered once per format. */
import { link, node, resource } from '../core/results';
import type { Node, Result } from '../core/types';

const LINKS: ReadonlyArray<readonly [name: string, media: string, path: string]> = [
  ['content', '', '/content/objects'],
  ['contentByRemoteId', '', '/content/objects{?remoteId}'],
  ['contentTypes', 'ContentTypeInfoList', '/content/types'],
  ['contentTypeByIdentifier', '', '/content/types{?identifier}'],
  ['contentTypeGroups', 'ContentTypeGroupList', '/content/typegroups'],
  ['contentTypeGroupByIdentifier', '', '/content/typegroups{?identifier}'],
  ['users', 'UserRefList', '/user/users'],
  ['usersByRoleId', 'UserRefList', '/user/users{?roleId}'],
  ['usersByRemoteId', 'UserRefList', '/user/users{?remoteId}'],
  ['usersByEmail', 'UserRefList', '/user/users{?email}'],
  ['usersByLogin', 'UserRefList', '/user/users{?login}'],
  ['roles', 'RoleList', '/user/roles'],
  ['rootLocation', 'Location', '/content/locations/1/2'],
  ['rootUserGroup', 'UserGroup', '/user/groups/1/5'],
  ['rootMediaFolder', 'Location', '/content/locations/1/43'],
  ['locationByRemoteId', '', '/content/locations{?remoteId}'],
  ['locationByPath', '', '/content/locations{?locationPath}'],
  ['trash', 'Trash', '/content/trash'],
  ['sections', 'SectionList', '/content/sections'],
  ['views', 'RefList', '/views'],
  ['objectStateGroups', 'ObjectStateGroupList', '/content/objectstategroups'],
  ['objectStates', 'ObjectStateList', '/content/objectstategroups/{objectStateGroupId}/objectstates'],
  ['globalUrlAliases', 'UrlAliasRefList', '/content/urlaliases'],
  ['urlWildcards', 'UrlWildcardList', '/content/urlwildcards'],
  ['createSession', 'UserSession', '/user/sessions'],
  ['refreshSession', 'UserSession', '/user/sessions/{sessionId}/refresh'],
  ['createToken', 'JWT', '/user/token/jwt'],
];

const ROOT: Node = node('Root', {}, Object.fromEntries(LINKS.map(([name, media, path]) => [name, link(media, path)])));

/** One constant answer: the writer keeps its bytes, so a request allocates nothing here. */
const ROOT_RESULT: Result = resource(200, 'Root', ROOT, { cacheKey: 'root' });

export const loadRoot = (): Result => ROOT_RESULT;
