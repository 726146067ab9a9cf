import type { IPickerListItem } from '@livechat/design-system-react-components';
import type { ChatFieldCatalogue } from '../../src/api/mappings';
import {
  chatFieldFor,
  chatFieldGroups,
  type CatalogueChatField,
  type ChatField,
  type ChatSourceId,
} from '../../src/chat/chatFields';
import { inChats, sampleText as sampleOf } from '../chatFields/chatFieldText';

/** Every chat value the catalogue offers, built-in first. */
export function catalogueFields(catalogue: ChatFieldCatalogue | null): ChatField[] {
  return catalogue ? [...catalogue.builtIn, ...catalogue.discovered] : [];
}

function sampleText(field: CatalogueChatField): string {
  if (field.chatCount === 0) return 'declared · not in recent chats yet';
  const sample = sampleOf(field);
  const seen = inChats(field.chatCount);
  return sample === undefined ? `always empty · ${seen}` : `e.g. “${sample}” · ${seen}`;
}

const GROUP_KEY = 'group:';

/**
 * The Dynamic and Auto-Match picker options: grouped by source (Chat, Visitor, Agent, Custom variables,
 * Pre-chat form, Post-chat form), discovered fields with their sample value. A chosen source the catalogue
 * no longer lists (a custom variable not seen in recent chats) is kept, marked as such.
 */
export function chatSourceOptions(
  catalogue: ChatFieldCatalogue | null,
  selected: ChatSourceId | null,
): IPickerListItem[] {
  const fields: (ChatField | CatalogueChatField)[] = catalogueFields(catalogue);
  if (selected && !fields.some((field) => field.id === selected)) fields.push(chatFieldFor(selected));
  const options: IPickerListItem[] = [];
  for (const group of chatFieldGroups) {
    const inGroup = fields.filter((field) => field.group === group);
    if (inGroup.length === 0) continue;
    options.push({ key: `${GROUP_KEY}${group}`, name: group, groupHeader: true });
    for (const field of inGroup) {
      options.push({
        key: field.id,
        name: field.label,
        secondaryText:
          'chatCount' in field
            ? sampleText(field)
            : catalogue && !catalogue.builtIn.some((b) => b.id === field.id)
              ? 'not in recent chats · declare it under Chat fields'
              : undefined,
      });
    }
  }
  return options;
}

/** The picker item of a chosen source. */
export function chatSourceItem(
  catalogue: ChatFieldCatalogue | null,
  source: ChatSourceId | null,
): IPickerListItem[] | null {
  if (!source) return null;
  const field = catalogueFields(catalogue).find((f) => f.id === source) ?? chatFieldFor(source);
  const prefix = ['Chat', 'Visitor', 'Agent'].includes(field.group) ? '' : `${field.group} · `;
  return [{ key: field.id, name: `${prefix}${field.label}` }];
}
