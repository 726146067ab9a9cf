import { Icon, Tag } from '@livechat/design-system-react-components';
import CheckCircle from '@livechat/design-system-icons/CheckCircle';
import PlugDisconnected from '@livechat/design-system-icons/PlugDisconnected';
import Warning from '@livechat/design-system-icons/Warning';
import type { AccountStatus } from '../../src/api/accounts';

const look = {
  connected: { kind: 'success', text: 'Connected', icon: CheckCircle },
  needs_reconnect: { kind: 'error', text: 'Needs reconnect', icon: Warning },
  pending: { kind: 'default', text: 'Not connected', icon: PlugDisconnected },
} as const;

/** Connected (green), Needs reconnect (red), Not connected (grey). */
export function AccountStatusTag({ status }: { status: AccountStatus }) {
  const { kind, text, icon } = look[status];
  return (
    <Tag
      kind={kind}
      size="small"
      leftNode={<Icon source={icon} size="small" />}
      data-testid="account-status"
      data-status={status}
    >
      {text}
    </Tag>
  );
}
