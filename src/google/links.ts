/**
 * A thread in Gmail's web app, opened as the right account (`authuser`), in All Mail. Lume builds
 * it from ids Gmail gave, so an answer may link it (a tool names it among its linkFields).
 */
export const gmailThreadUrl = (email: string, threadId: string, box = 'all') =>
  `https://mail.google.com/mail/?authuser=${encodeURIComponent(email)}#${box}/${encodeURIComponent(threadId)}`;
