export { createJobEngine } from './engine';
export { JobDiscard, JobSnooze } from './errors';
export { createJobQueue, type JobQueueOptions } from './queue';
export type * from './types';
