import type { Notice, NoticeKind } from '../../../notify/notices';
import { briefingNotice } from './briefing';
import { changeMessage } from './change';
import { invitationMessage } from './invitation';
import { leaveNowMessage } from './leave-now';
import { reminderMessage } from './reminder';
import type { RenderedNotice } from './rendered';

export type { RenderedNotice } from './rendered';

type Renderer<K extends NoticeKind> = (n: Extract<Notice, { kind: K }>) => RenderedNotice;

/** One pure builder per notice kind, one file each beside this one. */
export const noticeRenderers: { [K in NoticeKind]?: Renderer<K> } = {
  reminder: reminderMessage,
  'leave-now': leaveNowMessage,
  invitation: invitationMessage,
  change: changeMessage,
  briefing: briefingNotice,
};

/** The blocks for a notice; null for a kind no builder renders (the messenger refuses it). */
export function renderNotice(n: Notice): RenderedNotice | null {
  const render = noticeRenderers[n.kind] as Renderer<typeof n.kind> | undefined;
  return render ? render(n as never) : null;
}
