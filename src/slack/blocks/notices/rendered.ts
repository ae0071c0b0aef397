import type { Block } from '../text';

/** A notice as Slack shows it: the notification text (also the fallback) and the blocks. */
export interface RenderedNotice {
  text: string;
  blocks: Block[];
}
