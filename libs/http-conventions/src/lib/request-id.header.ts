/** Header carrying the id of the request being served, joined across every service's logs. */
export const REQUEST_ID_HEADER = 'x-request-id';
