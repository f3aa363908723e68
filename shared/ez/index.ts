export * from './media-types';
export * from './shapes';
export * from './links';
