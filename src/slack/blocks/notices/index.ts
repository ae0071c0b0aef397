import type { Notice, NoticeKind } from '../../../notify/notices';
import type { Block } from '../text';
import { briefingNotice } from './briefing';

/** A notice as Slack shows it: the notification text (also the fallback) and the blocks. */
export interface RenderedNotice {
  text: string;
  blocks: Block[];
}

type Renderer<K extends NoticeKind> = (n: Extract<Notice, { kind: K }>) => RenderedNotice;

/** One pure builder per notice kind, one file each beside this one. */
export const noticeRenderers: { [K in NoticeKind]?: Renderer<K> } = {
  briefing: briefingNotice,
};

/** The blocks for a notice; null for a kind no builder renders (the messenger refuses it). */
export function renderNotice(n: Notice): RenderedNotice | null {
  const render = noticeRenderers[n.kind] as Renderer<typeof n.kind> | undefined;
  return render ? render(n as never) : null;
}
