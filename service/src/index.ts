/** preorder-service as a library: start it in-process (tests, embedding). */
export { startService, type RunningService, type ServiceOptions } from './service.js';
export { OPTIONS, resolveRaw, toServiceOptions } from './options.js';
export { FolderLockedError } from './storage/lock.js';
export type { Events } from './rules/outbox.js';
