import type { ChatSourceId } from '../../src/chat/chatFields';
import type { FieldMetadata } from '../../src/salesforce/objectMetadata';
import { ChatSourcePicker } from './ChatSourcePicker';
import type { EditorEnv } from './editorEnv';
import { RescanChatsLink } from './RescanChatsLink';

/** A Dynamic field's chat value, with a rescan of the archive for custom variables and form fields. */
export function DynamicSourcePicker({
  env,
  field,
  value,
  onChange,
  error,
}: {
  env: EditorEnv;
  field: FieldMetadata;
  value: ChatSourceId | null;
  onChange: (source: ChatSourceId) => void;
  error: boolean;
}) {
  return (
    <div className="dynamic-editor">
      <ChatSourcePicker
        chatFields={env.chatFields}
        value={value}
        onChange={onChange}
        testId={`dynamic-picker-${field.name}`}
        error={error}
        ariaLabel={`Chat value for ${field.label}`}
        field={field}
      />
      {/* Nothing found in the archive: say why here, where the owner looks for their field. */}
      {(Boolean(env.chatFields.catalogue?.scan.message) || env.chatFields.scanError !== null) && (
        <RescanChatsLink chatFields={env.chatFields} />
      )}
    </div>
  );
}
