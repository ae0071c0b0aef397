import type { Migration } from '../migrate';
import { foundation } from './001-foundation';

/** Applied in this order; a new migration = one new file and one line here. */
export const migrations: Migration[] = [foundation];
