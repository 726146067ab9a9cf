import { useEffect, useId, useRef, useState } from 'react';
import type { AttachTranscriptResponse } from '../../src/api/widget';
import { useWidgetApi as useApi } from '../api';
import { errorMessage } from '../../ui/api/ApiError';
import { cx, ds } from '../lite';
import './chatSet.css';

type Attaching =
  | { status: 'idle' }
  | { status: 'saving' }
  | { status: 'done'; result: AttachTranscriptResponse }
  | { status: 'failed'; message: string };

/**
 * A record card's ⋯ menu (the ARIA menu button pattern): "Attach this chat's transcript" writes the
 * conversation as a Task (a Note when too long) linked to the record, and the card then says so, with
 * a link to it.
 */
export function RecordActions({
  chatId,
  threadId,
  accountId,
  record,
}: {
  chatId: string;
  threadId: string | undefined;
  accountId: string;
  record: { id: string; name: string };
}) {
  const api = useApi();
  const [open, setOpen] = useState(false);
  const [attaching, setAttaching] = useState<Attaching>({ status: 'idle' });
  const menuId = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const itemRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    itemRef.current?.focus();
    const close = (event: MouseEvent) => {
      if (!(event.target instanceof Node) || !itemRef.current?.parentElement?.contains(event.target))
        setOpen(false);
    };
    document.addEventListener('mousedown', close);
    return () => document.removeEventListener('mousedown', close);
  }, [open]);

  async function attach() {
    setOpen(false);
    buttonRef.current?.focus();
    setAttaching({ status: 'saving' });
    try {
      const result = await api.widget.attachTranscript({
        chatId,
        ...(threadId ? { threadId } : {}),
        accountId,
        recordId: record.id,
      });
      setAttaching({ status: 'done', result });
    } catch (error) {
      setAttaching({ status: 'failed', message: errorMessage(error) });
    }
  }

  const busy = attaching.status === 'saving';
  return (
    <>
      <button
        ref={buttonRef}
        type="button"
        className="wr-icon-button ws-actions__button"
        aria-label={`Actions for ${record.name}`}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        disabled={busy}
        onClick={() => setOpen((o) => !o)}
        data-testid="record-actions"
      >
        <span aria-hidden="true">⋯</span>
      </button>
      {open && (
        <div id={menuId} role="menu" className={cx(ds.listbox, 'ws-actions__menu')} data-testid="record-menu">
          <button
            ref={itemRef}
            type="button"
            role="menuitem"
            className={cx(ds.itemWrapper, ds.itemWrapperFirst, ds.itemWrapperLast, 'ws-actions__item')}
            onClick={() => void attach()}
            onKeyDown={(e) => {
              if (e.key === 'Escape' || e.key === 'Tab') {
                setOpen(false);
                if (e.key === 'Escape') buttonRef.current?.focus();
              }
            }}
            data-testid="attach-transcript"
          >
            <span className={ds.item}>
              <span className={ds.itemLabelContainer}>
                <span className={cx(ds.textMd, ds.itemLabel)}>Attach this chat’s transcript</span>
              </span>
            </span>
          </button>
        </div>
      )}
      {attaching.status === 'saving' && (
        <p className="ws-attached" role="status" data-testid="attach-saving">
          Attaching the transcript…
        </p>
      )}
      {attaching.status === 'done' && (
        <p className="ws-attached ws-attached--done" role="status" data-testid="attach-done">
          Transcript attached as {attaching.result.kind === 'note' ? 'a Note' : 'a Task'}:{' '}
          <a href={attaching.result.url} target="_blank" rel="noopener noreferrer" data-testid="attach-link">
            {attaching.result.name}
          </a>
        </p>
      )}
      {attaching.status === 'failed' && (
        <p className="wf-problem wf-problem--form ws-attached" role="alert" data-testid="attach-problem">
          {attaching.message}
        </p>
      )}
    </>
  );
}
