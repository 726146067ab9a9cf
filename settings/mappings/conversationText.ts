import type { ConversationLogKind } from '../../src/mapping/mapping';

/** How the conversation log is written, as the owner chooses it (the card and the editor say the same). */
export const logAsText: Record<ConversationLogKind, { title: string; description: string }> = {
  task: {
    title: 'As a completed Task',
    description:
      'A Task on the chat’s records, with the readable conversation; a Note instead when the conversation is longer than a Task’s description allows.',
  },
  note: {
    title: 'Always as a Note',
    description: 'A Note attached to each of the chat’s records, however long the conversation.',
  },
};
