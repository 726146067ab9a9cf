/** Pre-chat and post-chat form answers as LiveChat's `filled_form` events carry them (§4.3). */
import type { FormField } from '../wire';

const TOPICS = ['Billing', 'Sales', 'Technical support', 'Returns'] as const;
const INTERESTS = ['Pricing', 'Integrations', 'Enterprise plan', 'Newsletter'] as const;
export type Topic = (typeof TOPICS)[number];
export type Interest = (typeof INTERESTS)[number];

export interface PrechatAnswers {
  name?: string;
  email?: string;
  phone?: string;
  topic?: Topic;
  interests?: Interest[];
}

/** The demo license's pre-chat survey: name, email, phone, a "Topic" select and an "Interested in" checkbox group. */
export function prechatForm(a: PrechatAnswers): FormField[] {
  const fields: FormField[] = [
    { type: 'name', id: '154417206262603539', label: 'Your name', answer: a.name ?? '' },
    { type: 'email', id: '154417206262601584', label: 'E-mail', answer: a.email ?? '' },
    { type: 'question', id: '154417206262601585', label: 'Phone number', answer: a.phone ?? '' },
  ];
  if (a.topic) {
    fields.push({
      type: 'select',
      id: '154417206262602571',
      label: 'Topic',
      answer: { id: String(TOPICS.indexOf(a.topic)), label: a.topic },
    });
  }
  fields.push({
    type: 'checkbox',
    id: '154417206262604640',
    label: 'Interested in',
    answers: (a.interests ?? []).map((label) => ({ id: String(INTERESTS.indexOf(label)), label })),
  });
  return fields;
}

const RATINGS = ['Bad', 'Good'] as const;

/** The post-chat survey: a "How would you rate this chat?" radio and a comment. */
export function postchatForm(rating: 'Good' | 'Bad', comment: string): FormField[] {
  return [
    {
      type: 'radio',
      id: '154417206262605001',
      label: 'How would you rate this chat?',
      answer: { id: String(RATINGS.indexOf(rating)), label: rating },
    },
    { type: 'textarea', id: '154417206262605002', label: 'Comment', answer: comment },
  ];
}
