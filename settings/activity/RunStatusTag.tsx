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
  updated: { kind: 'info', icon: Link },
  skipped: { kind: 'default', icon: Block },
  waiting: { kind: 'warning', icon: PlugDisconnected },
  failed: { kind: 'error', icon: ErrorIcon },
  pending: { kind: 'default', icon: Hourglass },
  running: { kind: 'default', icon: Refresh },
};

/**
 * Created green, linked blue, skipped grey, waiting amber, failed red (and amber "Not written" for the
 * records of a set that failed because another did); queued and running neutral.
 */
export function RunStatusTag({ run }: { run: Run }) {
  const { kind, icon } = run.notWritten ? { kind: 'warning' as const, icon: Block } : look[run.status];
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
      title={
        retrying
          ? 'A temporary problem: trying again'
          : run.notWritten
            ? 'Another record of this chat failed, so Salesforce kept none of them'
            : statusHints[run.status]
      }
      data-testid="activity-status"
      data-not-written={run.notWritten ? 'true' : undefined}
    >
      {retrying ? 'Retrying…' : run.notWritten ? 'Not written' : statusLabels[run.status]}
    </Tag>
  );
}
