import { Icon, Tag, type TagKind } from '@livechat/design-system-react-components';
import Block from '@livechat/design-system-icons/Block';
import CheckCircle from '@livechat/design-system-icons/CheckCircle';
import ErrorIcon from '@livechat/design-system-icons/Error';
import Hourglass from '@livechat/design-system-icons/Hourglass';
import Link from '@livechat/design-system-icons/Link';
import PlugDisconnected from '@livechat/design-system-icons/PlugDisconnected';
import Refresh from '@livechat/design-system-icons/Refresh';
import type { Run, RunStatus } from '../../src/api/automation';
import { isRetrying, statusHints, statusLabels } from './runText';

const look: Record<RunStatus, { kind: TagKind; icon: typeof CheckCircle }> = {
  created: { kind: 'success', icon: CheckCircle },
  linked: { kind: 'info', icon: Link },
  skipped: { kind: 'default', icon: Block },
  waiting: { kind: 'warning', icon: PlugDisconnected },
  failed: { kind: 'error', icon: ErrorIcon },
  pending: { kind: 'default', icon: Hourglass },
  running: { kind: 'default', icon: Refresh },
};

/** Created green, linked blue, skipped grey, waiting amber, failed red; queued and running neutral. */
export function RunStatusTag({ run }: { run: Run }) {
  const { kind, icon } = look[run.status];
  const retrying = isRetrying(run);
  const under = run.status === 'pending' || run.status === 'running';
  return (
    <Tag
      kind={kind}
      size="small"
      outline={under}
      className={`run-status run-status--${run.status}`}
      leftNode={
        <Icon
          source={icon}
          size="small"
          className={run.status === 'running' ? 'run-status__spin' : undefined}
        />
      }
      title={retrying ? 'A temporary problem: trying again' : statusHints[run.status]}
      data-testid="activity-status"
    >
      {retrying ? 'Retrying…' : statusLabels[run.status]}
    </Tag>
  );
}
