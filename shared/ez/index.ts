/** The one place that knows eZ's names: flavours, media types, session cookies, links, resource shapes. */
export * from './flavours';
export * from './media-types';
export * from './session-cookies';
export * from './links';
export * from './shapes';
