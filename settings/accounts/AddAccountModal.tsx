import {
  Alert,
  Button,
  FormField,
  Input,
  Modal,
  RadioButton,
  Text,
} from '@livechat/design-system-react-components';
import { useState, type FormEvent } from 'react';
import {
  createAccountRequestSchema,
  type CreateAccountRequest,
  type Environment,
} from '../../src/api/accounts';
import { ApiError } from '../../ui/api/ApiError';
import { problemsByField } from '../../ui/problems';

const fields = ['label', 'environment', 'myDomainUrl'];

const environmentChoices: { value: Environment; label: string; description: string }[] = [
  { value: 'production', label: 'Production', description: 'Signs in at login.salesforce.com' },
  { value: 'sandbox', label: 'Sandbox', description: 'Signs in at test.salesforce.com' },
  { value: 'custom', label: 'My Domain', description: "Signs in at your org's own login address" },
];

/**
 * Name and environment of a new Salesforce account. "Connect" creates it and opens Salesforce's sign-in;
 * `onConnect` rejects with the API's error, shown here next to the field it is about.
 */
export function AddAccountModal({
  onClose,
  onConnect,
}: {
  onClose: () => void;
  onConnect: (body: CreateAccountRequest) => Promise<void>;
}) {
  const [label, setLabel] = useState('');
  const [environment, setEnvironment] = useState<Environment>('production');
  const [myDomainUrl, setMyDomainUrl] = useState('');
  const [problems, setProblems] = useState<Record<string, string>>({});
  const { '': problem, ...errors } = problems;
  const [submitting, setSubmitting] = useState(false);

  function submit(event?: FormEvent) {
    event?.preventDefault();
    if (submitting) return;
    const parsed = createAccountRequestSchema.safeParse({
      label,
      environment,
      ...(environment === 'custom' && myDomainUrl.trim() && { myDomainUrl: myDomainUrl.trim() }),
    });
    if (!parsed.success) {
      setProblems(problemsByField(parsed.error, { fields }));
      return;
    }
    setProblems({});
    setSubmitting(true);
    // Not awaited before this point: the popup must open inside the click.
    onConnect(parsed.data).then(
      () => setSubmitting(false),
      (e: unknown) => {
        setSubmitting(false);
        setProblems(
          e instanceof ApiError && e.code === 'login_host_not_allowed'
            ? { myDomainUrl: e.message }
            : problemsByField(e, { fields }),
        );
      },
    );
  }

  return (
    <Modal
      heading="Add Salesforce account"
      onClose={onClose}
      data-testid="add-account-modal"
      className="settings-modal"
      footer={
        <div className="modal-footer">
          <Button kind="secondary" onClick={onClose} data-testid="add-account-cancel">
            Cancel
          </Button>
          <Button
            kind="primary"
            onClick={() => submit()}
            loading={submitting}
            data-testid="add-account-connect"
          >
            Connect
          </Button>
        </div>
      }
    >
      <form className="modal-form" onSubmit={submit} noValidate>
        <Text as="p" className="modal-form__intro">
          You will sign in to Salesforce in a new window. The Salesforce user you sign in with decides what
          the app can see and create in that org.
        </Text>
        {problem && (
          <Alert kind="error" data-testid="add-account-error">
            {problem}
          </Alert>
        )}
        <FormField
          labelText="Name"
          labelFor="add-account-name"
          error={errors.label}
          description="Shown to agents in the widget, e.g. “EU sales”."
        >
          <Input
            id="add-account-name"
            value={label}
            onChange={(e) => setLabel(e.target.value)}
            error={Boolean(errors.label)}
            placeholder="Sales org"
            autoFocus
            maxLength={80}
            data-testid="add-account-name"
          />
        </FormField>
        <FormField labelText="Environment" error={errors.environment}>
          <div className="radio-list" role="radiogroup" aria-label="Environment">
            {environmentChoices.map((choice) => (
              <RadioButton
                key={choice.value}
                checked={environment === choice.value}
                onChange={() => setEnvironment(choice.value)}
                description={choice.description}
                data-testid={`add-account-environment-${choice.value}`}
              >
                {choice.label}
              </RadioButton>
            ))}
          </div>
        </FormField>
        {environment === 'custom' && (
          <FormField
            labelText="My Domain URL"
            labelFor="add-account-domain"
            error={errors.myDomainUrl}
            description="Find it in Salesforce Setup → My Domain."
          >
            <Input
              id="add-account-domain"
              value={myDomainUrl}
              onChange={(e) => setMyDomainUrl(e.target.value)}
              error={Boolean(errors.myDomainUrl)}
              placeholder="https://acme.my.salesforce.com"
              inputMode="url"
              data-testid="add-account-domain"
            />
          </FormField>
        )}
        <button type="submit" hidden />
      </form>
    </Modal>
  );
}
