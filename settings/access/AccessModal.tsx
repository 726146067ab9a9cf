import {
  Alert,
  Button,
  FormField,
  Loader,
  Modal,
  Picker,
  RadioButton,
  Text,
  type IPickerListItem,
} from '@livechat/design-system-react-components';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import {
  accessRuleSchema,
  type AccessRule,
  type Directory,
  type SalesforceAccount,
} from '../../src/api/accounts';
import { useApi } from '../../ui/api/ApiContext';
import { errorMessage } from '../../ui/api/ApiError';
import { queryKeys } from '../../ui/query/keys';
import { useAccountsChanged } from '../accounts/accountsQuery';
import { useFormMutation } from '../useFormMutation';

const fields = ['mode', 'groupIds', 'agentEmails'];

const roleLabels: Record<string, string> = {
  owner: 'Owner',
  viceowner: 'Vice-owner',
  administrator: 'Administrator',
  normal: 'Agent',
};

const modes: { value: AccessRule['mode']; label: string; description: string }[] = [
  { value: 'everyone', label: 'Everyone', description: 'Every agent of the license' },
  { value: 'groups', label: 'Chosen groups', description: 'Agents who belong to at least one of the groups' },
  { value: 'agents', label: 'Chosen agents', description: 'Only the agents you pick' },
];

function groupOptions(directory: Directory): IPickerListItem[] {
  return directory.groups.map((g) => {
    const members = directory.agents.filter((a) => a.groupIds.includes(g.id)).length;
    return {
      key: String(g.id),
      name: g.name,
      secondaryText: `${members} ${members === 1 ? 'agent' : 'agents'}`,
    };
  });
}

function agentOptions(directory: Directory): IPickerListItem[] {
  return directory.agents.map((a) => ({
    key: a.email,
    name: a.name,
    secondaryText: `${a.email} · ${roleLabels[a.role] ?? a.role}`,
  }));
}

function AccessForm({
  account,
  initial,
  directory,
  onClose,
  onSaved,
}: {
  account: SalesforceAccount;
  initial: AccessRule;
  directory: Directory;
  onClose: () => void;
  onSaved: (rule: AccessRule) => void;
}) {
  const api = useApi();
  const queryClient = useQueryClient();
  const changed = useAccountsChanged();
  const [mode, setMode] = useState(initial.mode);
  const [groupIds, setGroupIds] = useState(initial.groupIds);
  const [agentEmails, setAgentEmails] = useState(initial.agentEmails);
  const saveRule = useFormMutation({
    schema: accessRuleSchema,
    fields,
    mutationFn: (rule) => api.putAccess(account.id, rule),
    onSuccess: (rule) => {
      queryClient.setQueryData(queryKeys.access(account.id), rule);
      changed({ put: { ...account, access: rule } });
      onSaved(rule);
    },
  });
  const { '': problem, ...errors } = saveRule.problems;

  const groups = useMemo(() => groupOptions(directory), [directory]);
  const agents = useMemo(() => agentOptions(directory), [directory]);
  // Chosen entries that are no longer in the license still show (by their id or email), so they can be removed.
  const selectedGroups = groupIds.map(
    (id) => groups.find((g) => g.key === String(id)) ?? { key: String(id), name: `Group ${id}` },
  );
  const selectedAgents = agentEmails.map(
    (email) => agents.find((a) => a.key === email) ?? { key: email, name: email },
  );

  function save() {
    saveRule.submit({
      mode,
      groupIds: mode === 'groups' ? groupIds : [],
      agentEmails: mode === 'agents' ? agentEmails : [],
    });
  }

  return (
    <Modal
      heading={`Who may use “${account.label}”`}
      onClose={onClose}
      data-testid="access-modal"
      className="settings-modal"
      // Escape closes the open picker list; it must not also throw the unsaved choice away.
      closeOnEscPress={false}
      footer={
        <div className="modal-footer">
          <Button kind="secondary" onClick={onClose} data-testid="access-cancel">
            Cancel
          </Button>
          <Button kind="primary" onClick={save} loading={saveRule.isPending} data-testid="access-save">
            Save
          </Button>
        </div>
      }
    >
      <div className="modal-form">
        {problem && (
          <Alert kind="error" data-testid="access-error">
            {problem}
          </Alert>
        )}
        <Text as="p" className="modal-form__intro">
          These agents see this org&apos;s records in the chat widget and can create records in it.
        </Text>
        <FormField labelText="Access" error={errors.mode}>
          <div className="radio-list" role="radiogroup" aria-label="Access">
            {modes.map((m) => (
              <RadioButton
                key={m.value}
                checked={mode === m.value}
                onChange={() => {
                  setMode(m.value);
                  saveRule.setProblems({});
                }}
                description={m.description}
                data-testid={`access-mode-${m.value}`}
              >
                {m.label}
              </RadioButton>
            ))}
          </div>
        </FormField>
        {mode === 'groups' && (
          <FormField labelText="Groups" error={errors.groupIds} labelFor="access-groups">
            <div data-testid="access-groups-picker">
              <Picker
                id="access-groups"
                type="multi"
                options={groups}
                selected={selectedGroups}
                onSelect={(items) => setGroupIds((items ?? []).map((i) => Number(i.key)))}
                placeholder="Search groups"
                noSearchResultText="No group matches"
                noDataFallbackText="This license has no groups"
                error={Boolean(errors.groupIds)}
                clearSearchAfterSelection
              />
            </div>
          </FormField>
        )}
        {mode === 'agents' && (
          <FormField labelText="Agents" error={errors.agentEmails} labelFor="access-agents">
            <div data-testid="access-agents-picker">
              <Picker
                id="access-agents"
                type="multi"
                options={agents}
                selected={selectedAgents}
                onSelect={(items) => setAgentEmails((items ?? []).map((i) => i.key))}
                placeholder="Search agents by name or email"
                noSearchResultText="No agent matches"
                error={Boolean(errors.agentEmails)}
                clearSearchAfterSelection
              />
            </div>
          </FormField>
        )}
        <Alert kind="info" data-testid="access-owners-note">
          Owners and vice-owners always have access.
        </Alert>
      </div>
    </Modal>
  );
}

/** The access rule of one account: everyone, chosen groups or chosen agents of the license. */
export function AccessModal({
  account,
  onClose,
  onSaved,
}: {
  account: SalesforceAccount;
  onClose: () => void;
  onSaved: (rule: AccessRule) => void;
}) {
  const api = useApi();
  const rule = useQuery({
    queryKey: queryKeys.access(account.id),
    queryFn: () => api.getAccess(account.id),
  });
  const directory = useQuery({ queryKey: queryKeys.directory, queryFn: () => api.getDirectory() });
  if (rule.data && directory.data) {
    return (
      <AccessForm
        account={account}
        initial={rule.data}
        directory={directory.data}
        onClose={onClose}
        onSaved={onSaved}
      />
    );
  }
  const failed = [rule, directory].find((q) => q.isError && q.data === undefined);
  return (
    <Modal
      heading={`Who may use “${account.label}”`}
      onClose={onClose}
      data-testid="access-modal"
      className="settings-modal"
    >
      {!failed ? (
        <div className="modal-loading" data-testid="access-loading">
          <Loader label="Loading agents and groups…" />
        </div>
      ) : (
        <div className="modal-form" data-testid="access-load-error">
          <Alert
            kind="error"
            primaryButton={{
              label: 'Try again',
              handleClick: () => void failed.refetch(),
              kind: 'secondary',
            }}
          >
            {errorMessage(failed.error)}
          </Alert>
        </div>
      )}
    </Modal>
  );
}
