/**
 * Suggested prompts: the same four appear in manifest.yml (features.agent_view.suggested_prompts, which
 * Slack shows in the agent view) and on the messages tab's welcome message. A test keeps them equal.
 */
export interface SuggestedPrompt {
  title: string;
  message: string;
}

export const SUGGESTED_PROMPTS: SuggestedPrompt[] = [
  {
    title: "What's on today?",
    message: "What's on my calendar today, and is there anything I should prepare for?",
  },
  {
    title: 'Catch up on email',
    message: 'Summarise my unread important email and tell me what needs a reply.',
  },
  {
    title: 'Plan my week',
    message: 'What does the rest of my week look like, and where do I have free time?',
  },
  { title: 'Time to my next meeting', message: 'How long will it take me to get to my next meeting?' },
];
