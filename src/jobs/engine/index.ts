export { createJobEngine } from './engine';
export { JobDiscard, JobSnooze } from './errors';
export type * from './types';
