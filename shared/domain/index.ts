/** The shapes that cross between contexts; the contract that carries them is `shared/protocol.ts`. */
export * from './ids';
export * from './result';
export * from './auth';
