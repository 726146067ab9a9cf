import { Icon, Text } from '@livechat/design-system-react-components';
import ErrorIcon from '@livechat/design-system-icons/Error';
import Warning from '@livechat/design-system-icons/Warning';
import type { Problem } from '../../src/mapping/problems';

/** Problems in plain words, where they belong: errors in red, warnings in amber. */
export function ProblemMessages({ problems, testId }: { problems: readonly Problem[]; testId?: string }) {
  if (problems.length === 0) return null;
  return (
    <ul className="mapping-problems" data-testid={testId}>
      {problems.map((problem, i) => (
        <li
          key={`${problem.path}-${problem.code}-${i}`}
          className={`mapping-problems__item mapping-problems__item--${problem.severity}`}
          data-severity={problem.severity}
          data-code={problem.code}
        >
          <Icon
            source={problem.severity === 'error' ? ErrorIcon : Warning}
            size="small"
            kind={problem.severity === 'error' ? 'negative' : 'warning'}
          />
          <Text as="span" size="sm">
            {problem.message}
          </Text>
        </li>
      ))}
    </ul>
  );
}
