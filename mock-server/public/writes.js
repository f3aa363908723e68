// The unsafe calls the write form offers: the writes the mock implements, each as an eZ front
// end sends it. With a session cookie the server wants X-CSRF-Token on all of them (ezplatform-rest's CsrfListener).
// `{created}` in a path stands for the id of the last content item created from this page.

import { API, media } from './api.js';

const contentCreate = {
  ContentCreate: {
    ContentType: { _href: `${API}/content/types/1` },
    mainLanguageCode: 'eng-GB',
    LocationCreate: { ParentLocation: { _href: `${API}/content/locations/1/2` } },
    fields: { field: [{ fieldDefinitionIdentifier: 'name', languageCode: 'eng-GB', fieldValue: 'Demo folder' }] },
  },
};

export const WRITE_ACTIONS = [
  {
    label: 'Create a folder under the root',
    method: 'POST',
    path: `${API}/content/objects`,
    accept: 'Content',
    contentType: media('ContentCreate'),
    body: JSON.stringify(contentCreate, null, 2),
  },
  {
    label: 'Delete the folder created here',
    method: 'DELETE',
    path: `${API}/content/objects/{created}`,
    accept: 'Content',
    contentType: '',
    body: '',
  },
  {
    label: "Change admin's e-mail",
    method: 'PATCH',
    path: `${API}/user/users/14`,
    accept: 'User',
    contentType: media('UserUpdate'),
    body: JSON.stringify({ UserUpdate: { email: 'admin@example.com' } }, null, 2),
  },
];
