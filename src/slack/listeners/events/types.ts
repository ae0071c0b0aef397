import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';

export type EventArgs<T extends string> = SlackEventMiddlewareArgs<T> & AllMiddlewareArgs;
