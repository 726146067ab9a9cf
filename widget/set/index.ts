/**
 * What the widget loads after the visitor's records are drawn (React.lazy, one chunk): this chat's set
 * and the record cards' ⋯ menu. The first records never wait for it.
 */
export { ChatSetFailed, ChatSetLoading, ChatSetPanel } from './ChatSetPanel';
export { RecordActions } from './RecordActions';
