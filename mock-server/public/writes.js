// The unsafe calls the write form offers. Each is what an eZ front end would send; with a
// session cookie the server wants X-CSRF-Token on all of them (reference §6.2).

export const WRITE_ACTIONS = [
  {
    label: 'Delete a content item',
    method: 'DELETE',
    path: '/api/ezp/v2/content/objects/41',
    accept: 'ErrorMessage',
    contentType: '',
    body: '',
  },
];
