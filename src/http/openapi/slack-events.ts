import { z } from 'zod';
import type { RouteDoc } from './route-doc';

/*
 * Bolt's ExpressReceiver owns this route: it reads the raw body, verifies the signature and parses
 * Slack's formats itself, so these schemas describe Slack's wire format for readers of the document
 * rather than validate it. The statuses are the ones Bolt (and Lume's timestamp check) answer.
 */

const EventEnvelope = z
  .object({
    type: z.enum(['event_callback', 'url_verification', 'app_rate_limited']),
    team_id: z.string().optional(),
    api_app_id: z.string().optional(),
    event_id: z.string().optional(),
    event_time: z.number().int().optional(),
    event: z.looseObject({ type: z.string() }).optional(),
    challenge: z.string().optional().meta({ description: 'Only in `url_verification`; answered back.' }),
  })
  .meta({ description: 'Events API delivery.' });

const FormRequest = z
  .object({
    command: z.string().optional().meta({ description: 'Slash commands: `/lume`.' }),
    text: z.string().optional(),
    team_id: z.string().optional(),
    user_id: z.string().optional(),
    channel_id: z.string().optional(),
    response_url: z.string().optional(),
    trigger_id: z.string().optional(),
    payload: z
      .string()
      .optional()
      .meta({ description: 'Interactivity (buttons, modals, shortcuts): the JSON payload as one field.' }),
  })
  .meta({ description: 'A slash command, or an interactivity `payload`.' });

const empty = (description: string) => ({ description });

/** The document entry for Bolt's /slack/events (present only in HTTP mode; Socket Mode has no route). */
export function slackEventsDoc(path: string): RouteDoc {
  return {
    method: 'post',
    path,
    operation: {
      operationId: 'slackEvents',
      tags: ['Slack'],
      summary: 'Every request from Slack',
      description:
        'Slash commands, Events API deliveries and interactivity, acknowledged within three seconds; the work happens after the acknowledgement. Only Slack can call it: the signature is checked over the raw body, and a timestamp more than five minutes from now (either way) is refused.',
      security: [{ slackSignature: [] }],
      requestParams: {
        header: z.object({
          'X-Slack-Request-Timestamp': z
            .string()
            .meta({ description: 'Unix seconds.', example: '1761991200' }),
          'X-Slack-Retry-Num': z
            .string()
            .optional()
            .meta({ description: "Set on Slack's retries.", example: '1' }),
          'X-Slack-Retry-Reason': z.string().optional().meta({ example: 'http_timeout' }),
        }),
      },
      requestBody: {
        required: true,
        content: {
          'application/json': {
            schema: EventEnvelope,
            example: {
              type: 'event_callback',
              team_id: 'T0123ABCD',
              api_app_id: 'A0789IJKL',
              event_id: 'Ev0123456789',
              event_time: 1761991200,
              event: { type: 'message', channel_type: 'im', user: 'U0456EFGH', text: 'what is on today?' },
            },
          },
          'application/x-www-form-urlencoded': {
            schema: FormRequest,
            example: { command: '/lume', text: 'today', team_id: 'T0123ABCD', user_id: 'U0456EFGH' },
          },
        },
      },
      responses: {
        '200': {
          description:
            'Acknowledged: an empty body, the `challenge` of a `url_verification`, or what the listener answered (an ephemeral message, a modal `response_action`).',
          content: {
            'application/json': {
              schema: z.looseObject({}),
              example: { response_type: 'ephemeral', text: 'Reminders are on, 5 minutes before each event.' },
            },
          },
        },
        '400': empty('The body could not be read or parsed.'),
        '401': empty('Missing or wrong signature, or a timestamp more than five minutes away.'),
        '404': empty('No listener acknowledged the request within three seconds.'),
        '413': empty('The body is larger than 4 MB.'),
        '500': empty('A listener failed before acknowledging.'),
      },
    },
  };
}
